import { postSetting } from '../context/setting';
import { sentenceStances } from '../context/stance';
import { postSubjects, type SubjectKind } from '../context/subjects';
import type { CheckContext } from '../detector';
import { tokenIndexAt } from '../document/document';
import { nameMentions } from '../evidence/names';
import { schoolMentions } from '../evidence/school';
import { bounded, termsPattern } from '../vocab';
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
  ['absence', bounded(termsPattern(sickness.absence), 'u')],
  ['illness', bounded(termsPattern(sickness.illness), 'u')],
  ['leisure', bounded(termsPattern(sickness.leisure.filter((t) => /\p{L}/u.test(t))), 'u')],
  ['faking', bounded(termsPattern(sickness.faking.filter((t) => /\p{L}/u.test(t))), 'u')],
];
/** A short phrase in quotes: "'valuing staff'", "“quick chat”". */
const SCARE_QUOTE = /(?<![\p{L}])['"“‘][\p{L}][\p{L} '-]{1,40}['"”’](?![\p{L}])/u;
/** A word of four or more letters in capitals: "THREE", "AGAIN". */
const SHOUTING = /(?<![\p{L}])\p{Lu}{4,}(?![\p{L}])/u;
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
  const subjects = postSubjects(ctx);
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
  if (valence <= -4) post.add('stance:post-negative');
  if (valence >= 4) post.add('stance:post-positive');
  for (const [cue, pattern] of SICKNESS_CUES) if (pattern.test(doc.lower)) post.add(`cue:${cue}`);

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
    for (let i = 0; i < words.length; i++) {
      features.add(`w:${words[i]}`);
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
