import { normalizeText, toOriginalSpan, type NormalizedText } from './normalize';
import type { Span } from '../types';

/**
 * A post parsed once; every detector reads this and none re-tokenises.
 * Offsets in tokens are into the normalized text; `span()` maps them back.
 */
export interface Token {
  /** As written (normalized), e.g. "Grace's". */
  text: string;
  /** Lower-case with a trailing possessive removed, e.g. "grace". */
  key: string;
  start: number;
  end: number;
  index: number;
  sentence: number;
  kind: 'word' | 'number' | 'handle' | 'hashtag' | 'punct';
  /** First letter upper-case. */
  capitalized: boolean;
  /** First word of its sentence or line (capitals there say nothing). */
  sentenceStart: boolean;
  possessive: boolean;
  /** A line break (not just a space) separates it from the previous token. */
  afterLineBreak: boolean;
}

export interface PostDocument {
  original: string;
  norm: NormalizedText;
  /** Normalized text and its lower-case form (same length). */
  text: string;
  lower: string;
  tokens: Token[];
  /** Token index ranges [first, last] per sentence. */
  sentences: { first: number; last: number; start: number; end: number }[];
  /** Written with no capital letter at all: capitals say nothing about which words are names. */
  caseless: boolean;
  span(start: number, end: number): Span;
}

/**
 * Sticky, and read with test() and lastIndex rather than matchAll: every character that is not
 * white space starts a token, so a token is always where the white space ends, and a long post
 * (a run of punctuation is a token a character) allocates no match array per token. Those
 * arrays, kept alive alongside the tokens, were what made a 64k-character post's garbage
 * collection, and so its check, grow faster than its length.
 */
const TOKEN = /[@#][\p{L}\p{N}_]+|\p{L}[\p{L}\p{M}\p{N}]*(?:['\-.](?=\p{L})[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,:/]\p{N}+)*|[^\s\p{L}\p{N}]/uy;
const SPACE = /\s*/uy;
/**
 * A run of punctuation or emoji says no more after its first few marks, and a token a mark made a
 * 64k-character run of "!" cost four times what 32k did: each young token in the long array is
 * revisited by every scavenge. After PUNCT_RUN_TOKENS single marks, the rest of the run (up to white
 * space, a letter, a digit or a handle's or hashtag's sign) is one token.
 */
const PUNCT_RUN_TOKENS = 8;
const PUNCT_RUN_REST = /(?:[^\s\p{L}\p{N}@#]|[@#](?![\p{L}\p{N}_]))+/uy;
/** A mark that may end a sentence. */
const isSentenceMark = (char: string | undefined) => char === '.' || char === '!' || char === '?';
// Compiled once: a regular expression literal inside the loop is a new object on every token.
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

export function parsePost(original: string): PostDocument {
  const norm = normalizeText(original);
  const { text, lower } = norm;
  const tokens: Token[] = [];
  const sentences: PostDocument['sentences'] = [];
  let sentence = 0;
  let sentenceFirst = 0;
  let atSentenceStart = true;
  let lastEnd = 0;
  let punctRun = 0;
  for (;;) {
    SPACE.lastIndex = lastEnd;
    SPACE.test(text);
    const start = SPACE.lastIndex;
    TOKEN.lastIndex = start;
    if (start >= text.length || !TOKEN.test(text)) break;
    let end = TOKEN.lastIndex;
    if (punctRun >= PUNCT_RUN_TOKENS && start === lastEnd) {
      PUNCT_RUN_REST.lastIndex = start;
      if (PUNCT_RUN_REST.test(text)) end = PUNCT_RUN_REST.lastIndex;
    }
    const raw = text.slice(start, end);
    const afterLineBreak = hasLineBreak(text, lastEnd, start);
    if (afterLineBreak && tokens.length > 0 && !atSentenceStart) {
      // A line break ends a sentence for context purposes, but names may still run across it.
      sentences.push(sentenceRange(tokens, sentenceFirst, tokens.length - 1));
      sentence++;
      sentenceFirst = tokens.length;
      atSentenceStart = true;
    }
    const first = raw[0]!;
    const kind: Token['kind'] =
      first === '@' && raw.length > 1 ? 'handle' : first === '#' && raw.length > 1 ? 'hashtag' : LETTER.test(first) ? 'word' : DIGIT.test(first) ? 'number' : 'punct';
    // Most words are written in lower case already: the same string then serves as the key.
    let key = sameText(text, lower, start, end) ? raw : lower.slice(start, end);
    let possessive = false;
    if (kind === 'word') {
      // "Grace's", "James'" (the trailing apostrophe is a separate punct token).
      if (key.endsWith("'s")) {
        key = key.slice(0, -2);
        possessive = true;
      } else if (text[end] === "'" && !LETTER.test(text[end + 1] ?? '')) {
        possessive = true;
      }
    }
    tokens.push({
      text: raw,
      key,
      start,
      end,
      index: tokens.length,
      sentence,
      kind,
      capitalized: isCapital(first),
      sentenceStart: atSentenceStart && kind !== 'punct',
      possessive,
      afterLineBreak,
    });
    punctRun = kind !== 'punct' ? 0 : start === lastEnd ? punctRun + 1 : 1;
    if (kind !== 'punct') atSentenceStart = false;
    // A run of marks ("...", "!!!", "?!") ends one sentence, at its last mark; a sentence of marks alone says nothing.
    if (kind === 'punct' && isSentenceMark(raw[raw.length - 1]) && !isSentenceMark(text[end]) && !LETTER.test(text[end] ?? '')) {
      sentences.push(sentenceRange(tokens, sentenceFirst, tokens.length - 1));
      sentence++;
      sentenceFirst = tokens.length;
      atSentenceStart = true;
    }
    lastEnd = end;
  }
  if (sentenceFirst < tokens.length) sentences.push(sentenceRange(tokens, sentenceFirst, tokens.length - 1));
  return {
    original,
    norm,
    text,
    lower,
    tokens,
    sentences,
    caseless: text === lower,
    span: (start, end) => toOriginalSpan(norm, start, end),
  };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function sameText(a: string, b: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Whether a character changes in lower case; ASCII answered without the new string toLowerCase makes. */
function isCapital(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x80 ? code >= 0x41 && code <= 0x5a : ch !== ch.toLowerCase();
}

function sentenceRange(tokens: Token[], first: number, last: number) {
  return { first, last, start: tokens[first]!.start, end: tokens[last]!.end };
}

/** Index of the sentence holding a normalized offset (binary search: detectors call this per hit). */
export function sentenceAt(doc: PostDocument, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the first token starting at or after a normalized offset. */
export function tokenIndexAt(doc: PostDocument, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
