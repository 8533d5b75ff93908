const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word-bounded alternation over lower-case text; longest first. */
export function termsPattern(terms: readonly string[]): string {
  return [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => escape(t).replace(/\\?'/g, "'?").replace(/ /g, '[\\s-]+'))
    .join('|');
}

/**
 * Whole words only: not inside another word, and not "won" in "won't". Not after a letter, a
 * letter and an apostrophe, or a number: one property escape fewer than `[\p{L}\p{N}]|\p{L}'`,
 * and V8 looks each up on every parse and compile of the pattern.
 */
const boundedSource = (pattern: string) => `(?<!\\p{L}'?|\\p{N})(?:${pattern})(?![\\p{L}\\p{N}]|'(?!s(?!\\p{L}))\\p{L})`;
export const bounded = (pattern: string, flags = 'u') => new RegExp(boundedSource(pattern), flags);

/**
 * bounded(termsPattern(terms)), with `others` (a pattern) as further alternatives after the
 * terms, as a GatedRegExp. `othersSpell`: words one of which every match of `others` spells, so
 * that a text with no term and none of them compiles nothing.
 */
export function boundedTerms(terms: readonly string[], flags = 'u', others?: string, othersSpell?: readonly string[]): GatedRegExp {
  return new GatedRegExp(new TermsPattern(terms, flags, others, othersSpell), flags);
}

/** `source`, every match of which spells one of `words`, as a GatedRegExp. */
export function spellingOneOf(words: readonly string[], source: string, flags: string): GatedRegExp {
  return new GatedRegExp(new SpellingPattern(words, undefined, source, flags), flags);
}

/** `source`, every match of which holds a match of termsPattern(terms) or spells one of `words`, as a GatedRegExp. */
export function holdingTerms(terms: readonly string[], words: readonly string[], source: string, flags: string): GatedRegExp {
  return new GatedRegExp(new SpellingPattern(words, new TermsPattern(terms, flags), source, flags), flags);
}

/** What a GatedRegExp stands for, and where it can match. */
export interface GatedPattern {
  readonly flags: string;
  readonly source: string;
  withFlags(flags: string): GatedPattern;
  /** The pattern to run over `text` from `from`, global whatever the flags; none when nothing can match. */
  matcherFor(text: string, from: number): RegExp | null;
  /** False only when the pattern stripped of its assertions matches nowhere in `text` (document/window-precheck.ts). */
  mayOccurIn(text: string): boolean;
}

/**
 * A pattern that is neither made nor run over a text where it cannot match: a whole-word
 * alternation of vocabulary terms (TermsPattern), or a pattern each of whose matches spells one
 * of a few words or terms (SpellingPattern). V8 parses a pattern when it is made and compiles it
 * on its first exec, and these run to thousands of characters: making and compiling them was much
 * of a fresh engine's import and first checkPost (issue 10), while a post holds no term of most
 * lists. Every answer is the full pattern's: the gate only rules out texts where it cannot match.
 */
export class GatedRegExp extends RegExp {
  readonly pattern: GatedPattern;

  /** String.prototype.matchAll and split copy a pattern by calling this with it and its flags. */
  constructor(pattern: GatedPattern | GatedRegExp, flags: string) {
    // What this object runs are the patterns `pattern` makes; the empty one it is made with never runs.
    super('(?:)', flags);
    const gated = pattern instanceof GatedRegExp ? pattern.pattern : pattern;
    this.pattern = flags === gated.flags ? gated : gated.withFlags(flags);
  }

  /** The same pattern under other flags ('gu' to step through a text). */
  withFlags(flags: string): GatedRegExp {
    return new GatedRegExp(this, flags);
  }

  /** test, matchAll, replace and the rest all call exec. */
  override exec(text: string): RegExpExecArray | null {
    const string = String(text);
    const stateful = this.global || this.sticky;
    const matcher = this.pattern.matcherFor(string, stateful ? this.lastIndex : 0);
    if (!matcher) {
      if (stateful) this.lastIndex = 0;
      return null;
    }
    // The matcher is global whatever this object's flags: without them, a search from 0.
    matcher.lastIndex = stateful ? this.lastIndex : 0;
    const match = matcher.exec(string);
    if (stateful) this.lastIndex = matcher.lastIndex;
    return match;
  }
}
// The full pattern, for whoever reads it (document/window-precheck.ts strips its assertions).
Object.defineProperty(GatedRegExp.prototype, 'source', {
  get(this: GatedRegExp) {
    return this.pattern.source;
  },
});

/** termEnd's answer when the term might match but reading it one way cannot tell. */
const MAYBE = -2;

/** Appends `value` to the list kept under `key`. */
function appendTo<V>(map: Map<number, V[]>, key: number, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const APOSTROPHE = 0x27;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const SPACE_OR_HYPHEN = /[\s-]/u;

/**
 * bounded(termsPattern(terms)) and `others`: the full pattern, and the pattern of `others` alone,
 * each made when first needed. Where no term can match is found by reading the terms word by word.
 */
export class TermsPattern implements GatedPattern {
  #source?: string;
  #full?: RegExp;
  #othersOnly?: RegExp;
  /** The terms by the UTF-16 code unit they start with, for terms that may not show their first two as written. */
  #byFirst?: Map<number, string[]>;
  /** The other terms by their first two code units (pairKey). */
  #byFirstTwo?: Map<number, string[]>;
  /** A term of odd shape (opening with a space, or all apostrophes): any text may hold it. */
  #anyText = false;
  /** The last text asked about, once indexed, and the last word start where a term matches in it (-1: none). */
  #lastText?: string;
  #lastHit = -1;

  constructor(
    readonly terms: readonly string[],
    readonly flags: string,
    readonly others?: string,
    readonly othersSpell?: readonly string[],
  ) {}

  get source(): string {
    return (this.#source ??= boundedSource(this.others === undefined ? termsPattern(this.terms) : `${termsPattern(this.terms)}|${this.others}`));
  }

  withFlags(flags: string): TermsPattern {
    return new TermsPattern(this.terms, flags, this.others, this.othersSpell);
  }

  /**
   * The pattern to run over `text` from `from`: the full one; the others alone when no term can
   * match (the terms come first, so where none can, the full pattern finds what the others find);
   * or none when nothing can.
   */
  matcherFor(text: string, from: number): RegExp | null {
    // Once compiled, the full pattern runs faster than the gate reads.
    if (this.#full || this.termsMayMatch(text, from)) return (this.#full ??= globalMatcher(this.source, this.flags));
    if (this.others === undefined) return null;
    if (!this.#othersOnly && this.othersSpell && !this.flags.includes('i') && !this.othersSpell.some((word) => text.includes(word, Math.max(0, from - 1)))) return null;
    return (this.#othersOnly ??= globalMatcher(boundedSource(this.others), this.flags));
  }

  /** False only when no term can match `text` at or after `from`. */
  termsMayMatch(text: string, from: number): boolean {
    // A case-blind pattern could match letters the terms do not spell.
    if (this.flags.includes('i')) return true;
    this.#index();
    // In a unicode pattern, a lastIndex inside a surrogate pair may step back to the pair's start.
    return this.#anyText || this.#termAt(text, Math.max(0, from - 1), true);
  }

  /**
   * False only when the full pattern stripped of its assertions cannot match anywhere in `text`:
   * then no slice of `text` holds a match either (document/window-precheck.ts).
   */
  mayOccurIn(text: string): boolean {
    return this.others !== undefined || this.occurFrom(text, 0);
  }

  /** False only when no term, as termsPattern reads it, occurs in `text` at or after `start`, whole word or not. */
  occurFrom(text: string, start: number): boolean {
    if (this.flags.includes('i')) return true;
    this.#index();
    return this.#anyText || this.#termAt(text, start, false);
  }

  /**
   * Whether a term matches at or after `start`; `bounded`: at a position not after a letter or
   * number and ending before neither (the pattern's lookarounds ask that and more).
   */
  #termAt(text: string, start: number, bounded: boolean): boolean {
    const byFirst = this.#byFirst!;
    const byFirstTwo = this.#byFirstTwo!;
    const starts = bounded ? wordStartsOf(text) : undefined;
    if (starts) {
      // Matching runs ask again from each match's end: knowing where the last hit is answers every
      // start in one comparison, where walking the word starts again was a read of the text a match.
      if (this.#lastText !== text) {
        this.#lastText = text;
        this.#lastHit = Math.max(lastTermAtStarts(text, starts.byFirst, byFirst), lastTermAtStarts(text, starts.byFirstTwo, byFirstTwo));
      }
      return this.#lastHit >= start;
    }
    for (let at = start; at < text.length; at++) {
      if (bounded && at > 0 && letterOrNumberEndsAt(text, at)) continue;
      const first = text.charCodeAt(at);
      if (anyTermAt(text, at, byFirst.get(first), bounded)) return true;
      if (at + 1 < text.length && anyTermAt(text, at, byFirstTwo.get(pairKey(first, text[at + 1]!)), bounded)) return true;
    }
    return false;
  }

  #index(): void {
    if (this.#byFirst) return;
    const byFirst = new Map<number, string[]>();
    const byFirstTwo = new Map<number, string[]>();
    for (const term of this.terms) {
      const first = term[0];
      const second = term[1];
      if (first === undefined || first === ' ') this.#anyText = true;
      else if (first === "'") {
        if (second === undefined || second === ' ' || second === "'") this.#anyText = true;
        else {
          appendTo(byFirst, APOSTROPHE, term);
          appendTo(byFirst, term.charCodeAt(1), term);
        }
      } else if (second === undefined || second === "'") appendTo(byFirst, term.charCodeAt(0), term);
      else appendTo(byFirstTwo, pairKey(term.charCodeAt(0), second), term);
    }
    this.#byFirst = byFirst;
    this.#byFirstTwo = byFirstTwo;
  }
}

/**
 * A pattern each of whose matches spells one of `words` or, when `terms` are given, one of them
 * as termsPattern reads it: run only over a text holding one.
 */
class SpellingPattern implements GatedPattern {
  constructor(
    readonly words: readonly string[],
    readonly terms: TermsPattern | undefined,
    readonly source: string,
    readonly flags: string,
  ) {}

  withFlags(flags: string): SpellingPattern {
    return new SpellingPattern(this.words, this.terms?.withFlags(flags), this.source, flags);
  }

  #matcher?: RegExp;

  matcherFor(text: string, from: number): RegExp | null {
    // Once compiled, the pattern runs faster than the gate reads. In a unicode pattern, a
    // lastIndex inside a surrogate pair may step back to the pair's start.
    if (this.#matcher || this.#spelledFrom(text, Math.max(0, from - 1))) return (this.#matcher ??= globalMatcher(this.source, this.flags));
    return null;
  }

  mayOccurIn(text: string): boolean {
    return this.#spelledFrom(text, 0);
  }

  #spelledFrom(text: string, start: number): boolean {
    return this.flags.includes('i') || this.words.some((word) => text.includes(word, start)) || (this.terms?.occurFrom(text, start) ?? false);
  }
}

const globalMatchers = new Map<string, RegExp>();

/**
 * The pattern `source` with `flags` and g, one for every TermsPattern of that source whether
 * made with g or without: the same list is often searched through by one rule ('gu') and tested
 * by another ('u'), and V8 compiles a pattern once per set of flags.
 */
function globalMatcher(source: string, flags: string): RegExp {
  const global = [...new Set([...flags, 'g'])].sort().join('');
  const key = `${global}/${source}`;
  let matcher = globalMatchers.get(key);
  if (!matcher) {
    // A bound for a long-lived engine that compiles pack after pack (school names are terms too).
    if (globalMatchers.size >= 256) globalMatchers.clear();
    globalMatchers.set(key, (matcher = new RegExp(source, global)));
  }
  return matcher;
}

/** Where a whole word may start in a text, by its first code unit and by its first two (pairKey). */
interface WordStarts {
  byFirst: Map<number, number[]>;
  byFirstTwo: Map<number, number[]>;
}

/**
 * A check asks dozens of term lists whether one occurs in the same text: reading the text once
 * into its word starts, grouped by their first one and two code units, lets each list look up
 * only the openings the text has. The few most recent texts are kept; a text is indexed the
 * second time it is asked about, so a slice searched once costs no more than a plain scan.
 */
const recentTexts: string[] = [];
const recentStarts: (WordStarts | undefined)[] = [];
const RECENT_TEXTS = 4;

function wordStartsOf(text: string): WordStarts | undefined {
  const at = recentTexts.indexOf(text);
  if (at < 0) {
    if (recentTexts.length === RECENT_TEXTS) {
      recentTexts.pop();
      recentStarts.pop();
    }
    recentTexts.unshift(text);
    recentStarts.unshift(undefined);
    return undefined;
  }
  return (recentStarts[at] ??= indexWordStarts(text));
}

function indexWordStarts(text: string): WordStarts {
  const byFirst = new Map<number, number[]>();
  const byFirstTwo = new Map<number, number[]>();
  for (let at = 0; at < text.length; at++) {
    if (at > 0 && letterOrNumberEndsAt(text, at)) continue;
    const first = text.charCodeAt(at);
    appendTo(byFirst, first, at);
    if (at + 1 < text.length) appendTo(byFirstTwo, pairKey(first, text[at + 1]!), at);
  }
  return { byFirst, byFirstTwo };
}

/** The last of the text's word starts where a term of `terms` (by opening key) matches, whole-word bounded; -1 if none. */
function lastTermAtStarts(text: string, starts: Map<number, number[]>, terms: Map<number, string[]>): number {
  let last = -1;
  // Walk whichever holds fewer openings, and look each up in the other. forEach, not for…of: a
  // Map's entries iterator makes a [key, value] array per entry, a fifth of what a check allocated.
  if (terms.size < starts.size) {
    terms.forEach((candidates, key) => {
      const positions = starts.get(key);
      if (positions) last = lastTermAtOneOf(text, last, positions, candidates);
    });
    return last;
  }
  starts.forEach((positions, key) => {
    const candidates = terms.get(key);
    if (candidates) last = lastTermAtOneOf(text, last, positions, candidates);
  });
  return last;
}

/** The later of `last` and the last of `positions` (ascending) where one of `candidates` matches. */
function lastTermAtOneOf(text: string, last: number, positions: readonly number[], candidates: readonly string[]): number {
  for (let i = positions.length - 1; i >= 0 && positions[i]! > last; i--) if (anyTermAt(text, positions[i]!, candidates, true)) return positions[i]!;
  return last;
}

/** Two code units as one key; spaces and hyphens, which a space in a term may stand for or be, as one. */
const pairKey = (first: number, second: string) => first * 0x10000 + (isSpaceOrHyphen(second) ? 0x20 : second.charCodeAt(0));

/** Places the gates have tried their terms at, over the process: tests/unit/complexity.test.ts counts a check's work with it. */
let termProbes = 0;
export const termProbeCount = () => termProbes;

/** Whether one of `candidates` matches at `at`; `bounded`: ending before no letter or number. */
function anyTermAt(text: string, at: number, candidates: readonly string[] | undefined, bounded: boolean): boolean {
  if (!candidates) return false;
  termProbes++;
  for (const term of candidates) {
    const end = termEnd(text, at, term);
    if (end === MAYBE || (end >= 0 && (!bounded || !letterOrNumberStartsAt(text, end)))) return true;
  }
  return false;
}

/**
 * Where `term` ends when it matches at `at` as the pattern reads it (a space there is `[\s-]+`,
 * an apostrophe `'?`), -1 when it cannot. A space takes every space and hyphen, and an apostrophe
 * is taken when there: when what follows in the term is neither, that is the only way the rest
 * can match; otherwise MAYBE.
 */
function termEnd(text: string, at: number, term: string): number {
  let i = at;
  for (let k = 0; k < term.length; k++) {
    const c = term[k]!;
    if (c === ' ') {
      if (i >= text.length || !isSpaceOrHyphen(text[i]!)) return -1;
      const next = term[k + 1];
      if (next === undefined || next === "'" || isSpaceOrHyphen(next)) return MAYBE;
      while (i < text.length && isSpaceOrHyphen(text[i]!)) i++;
    } else if (c === "'") {
      if (text[i] !== "'") continue;
      const next = term[k + 1];
      if (next === undefined || next === ' ' || next === "'") return MAYBE;
      i++;
    } else if (text[i] === c) i++;
    else return -1;
  }
  return i;
}

function isSpaceOrHyphen(c: string): boolean {
  return c === ' ' || c === '-' || (c.charCodeAt(0) > 0x7e ? SPACE_OR_HYPHEN.test(c) : c === '\n' || c === '\t' || c === '\r' || c === '\v' || c === '\f');
}

/** Whether a letter or number ends just before `at` (a surrogate pair read as one character). */
function letterOrNumberEndsAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at - 1);
  if (code < 0x80) return isAsciiLetterOrNumber(code);
  const before = at >= 2 && code >= 0xdc00 && code <= 0xdfff && isHighSurrogate(text.charCodeAt(at - 2)) ? at - 2 : at - 1;
  return LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(before)!));
}

/** Whether a letter or number starts at `at`. */
function letterOrNumberStartsAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 0x80) return isAsciiLetterOrNumber(code);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(at)!));
}

const isAsciiLetterOrNumber = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
