import { childReferences } from '../../context/children';
import type { Detector, DetectorExamples } from '../../detector';
import { sentenceAt, tokenIndexAt, type PostDocument } from '../../document/document';
import { tagsOf } from '../../document/nlp';
import { boundedTerms } from '../../vocab';
import * as childComment from '../../vocab/child-comment.json';

/** Verbs that say what a child is or has, not what they did. */
const STATE_VERBS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'had', 'have', 'will', "won't", 'would', 'can', 'could', "can't", 'should', 'must', 'might', 'may', 'seems', 'looks', 'lives', 'came', 'comes', 'went', 'goes', 'starts', 'started', 'turned', 'turns', 'moved', 'joined', 'left', 'needs', 'needed', 'gets', 'got', 'deserves', 'loves', 'loved', 'misses', 'missed']);
/** Words that may stand between a child and their verb: "Ray in Year 6 just fixed…". */
const SKIPPABLE = new Set(['just', 'finally', 'actually', 'absolutely', 'literally', 'then', 'also', 'has', 'have', 'had', 'really', 'only', 'totally', 'completely', 'somehow', 'proudly', 'independently']);

/**
 * "Ray Hussain in Year 6 just fixed the whiteboard", "one of my sixth formers beat me at chess":
 * the child is the subject of an active verb, so the post says what a pupil did.
 * compromise tags the verb; only its sentence is tagged, and only when the lexicon found nothing.
 */
/** After these the child is an object ("a meeting about one of my Year 8s ran late"), not the one acting. */
const PREPOSITIONS = new Set(['about', 'for', 'with', 'of', 'to', 'on', 'by', 'at', 'into', 'from', 'over', 'after', 'towards']);
/** "told me what's been happening at home" is a disclosure, not behaviour. */
const DISCLOSURE = /^\s+me\s+(?:what|about|that|how|he|she|his|her|there|something|everything|things)\b/u;

function childDidSomething(doc: PostDocument, refStart: number, refEnd: number): boolean {
  const at = tokenIndexAt(doc, refStart);
  const before = doc.tokens[at - 1];
  // "the whole of Class 3 have decided…": a quantifier's "of", not a preposition.
  const quantified = before?.key === 'of' && /^(?:whole|all|some|half|most|none|each|both|rest)$/u.test(doc.tokens[at - 2]?.key ?? '');
  if (before && before.kind === 'word' && PREPOSITIONS.has(before.key) && !quantified) return false;
  let i = tokenIndexAt(doc, refEnd);
  // Step over "in Year 6", "from Class 2", "(Y2)" and adverbs.
  for (let steps = 0; steps < 6 && i < doc.tokens.length; steps++) {
    const t = doc.tokens[i]!;
    if (t.kind === 'punct' && t.text !== '(' && t.text !== ')') return false;
    if (t.kind !== 'word' || SKIPPABLE.has(t.key) || /^(?:in|from|at|of)$/.test(t.key)) {
      i += t.key === 'in' || t.key === 'from' ? 1 : 1;
      if (t.key === 'in' || t.key === 'from') {
        // the class after "in": up to three words ("my Year 6 class")
        while (i < doc.tokens.length && steps < 6 && /^(?:my|our|the|year|y\d+|yr|class|set|form|reception|nursery|\d+\p{L}*|\p{L}+)$/u.test(doc.tokens[i]!.key) && doc.tokens[i]!.kind !== 'punct' && !isVerbLike(doc, i)) {
          i++;
          steps++;
        }
      }
      continue;
    }
    if (STATE_VERBS.has(t.key)) return false;
    if (/^(?:told|said|disclosed|explained|mentioned)$/u.test(t.key) && DISCLOSURE.test(doc.lower.slice(t.end, t.end + 12))) return false;
    return isVerbLike(doc, i);
  }
  return false;
}

function isVerbLike(doc: PostDocument, i: number): boolean {
  const t = doc.tokens[i]!;
  if (STATE_VERBS.has(t.key)) return false;
  const tags = tagsOf(doc, t);
  return tags.includes('Verb') && (tags.includes('PastTense') || tags.includes('PresentTense')) && !tags.includes('Auxiliary') && !tags.includes('Modal');
}

const WORK_OR_BEHAVIOUR = boundedTerms(childComment.workAndBehaviour, 'gu', `got \\d+|(?<![\\d/])\\d{1,3}/(?:10|20|25|30|40|50|60|80|100)(?![\\d/])`);
/** The author or the reader did it, not the child: "I fought for him", "we said no", "you've worked so hard". */
const AUTHOR_OR_READER_BEFORE = /(?<![\p{L}'])(?:i|we|you)(?:'ve|'d|'ll)?(?: (?:have|had|just|also|then|really|all|both|never|always|even))* $/u;

/** The first work or behaviour word in the window that the author or the reader is not the subject of. */
function childsWorkIn(window: string): RegExpExecArray | null {
  WORK_OR_BEHAVIOUR.lastIndex = 0;
  for (let m = WORK_OR_BEHAVIOUR.exec(window); m; m = WORK_OR_BEHAVIOUR.exec(window)) {
    if (!AUTHOR_OR_READER_BEFORE.test(window.slice(Math.max(0, m.index - 40), m.index))) return m;
  }
  return null;
}

export const pupilWorkBehaviour: Detector = {
  meta: {
    id: 'pupil-work-behaviour',
    category: 'child-comment',
    defaultSeverity: 'warn',
    description: "Comments on a pupil's behaviour or work, named or not, praise included.",
    cites: 'the clause on comments about pupils',
  },
  messages: { comment: 'This comments on a child’s behaviour or work.' },
  check(ctx) {
    const refs = childReferences(ctx);
    if (refs.length === 0) return [];
    const { doc } = ctx;
    // One search per sentence however many children it mentions: a class list is one long sentence.
    const workBySentence = new Map<number, { from: number; match: RegExpExecArray | null }>();
    for (const ref of refs) {
      if (ref.subjectOnly) {
        // Only at the head of a clause: "Year 4 locked me out", not "the Year 3 bullying incident" or "(Y2)".
        const prev = doc.tokens[tokenIndexAt(doc, ref.start) - 1];
        const headOfClause = !prev || (prev.kind === 'punct' && prev.text !== '(') || /^(?:and|but|then|so|today|when|while)$/u.test(prev.key);
        if (headOfClause && childDidSomething(doc, ref.start, ref.end)) return [{ spans: [[ref.start, ref.end]], messageId: 'comment', data: { about: 'what the pupils did' } }];
        continue;
      }
      const sentence = sentenceAt(doc, ref.start);
      let work = workBySentence.get(sentence);
      if (!work) {
        const from = doc.sentences[Math.max(0, sentence)]?.start ?? 0;
        // The next sentence counts only when it carries on about the child ("…after she punched…").
        const next = doc.sentences[sentence + 1];
        const opening = doc.lower.slice(next?.start ?? 0, Math.min(next?.end ?? 0, (next?.start ?? 0) + 60));
        const continues = next && (/\b(?:she|he|her|his|him)\b/u.test(opening) || /^\p{L}+ed\b/u.test(opening));
        const to = (continues ? next.end : doc.sentences[sentence]?.end) ?? doc.text.length;
        // Search only the window, so many pupils in a long post stay linear.
        work = { from, match: childsWorkIn(doc.lower.slice(from, to)) };
        workBySentence.set(sentence, work);
      }
      const { from, match: m } = work;
      if (m) return [{ spans: [[ref.start, ref.end]], messageId: 'comment', data: { about: doc.text.slice(from + m.index, from + m.index + m[0].length) } }];
      if (childDidSomething(doc, ref.start, ref.end)) return [{ spans: [[ref.start, ref.end]], messageId: 'comment', data: { about: 'what the pupil did' } }];
    }
    return [];
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'A 6-year-old boy ran across the road in front of me',
    'The young man next door washed my car, what a star',
    'Is your son coming to the party? Your kids are welcome',
    'Busy day teaching fractions', 'Took my two to Beamish today', 'Happy 10th birthday to my nephew', 'Little Jayden was moved to a new school this week', "Jayden's mum has asked for a meeting",
    "Exclusion meeting today for a lad in Year 9. I fought for him and I lost."],
  invalid: [
    { text: 'One of my Year 9s threw a chair today', excerpt: 'One of my Year 9s' },
    { text: 'Jayden in Year 6 just fixed the interactive whiteboard nobody could work out', excerpt: 'Jayden' },
    { text: 'Grace Hetherington read her war poem in assembly', excerpt: 'Grace Hetherington' },
    { text: 'my class were feral after wet play', excerpt: 'my class' },
    { text: 'A Year 8 boy in my class threw a chair at the whiteboard', excerpt: 'A Year 8 boy' },
  ],
};
