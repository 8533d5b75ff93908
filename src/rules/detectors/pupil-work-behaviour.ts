import { childReferences } from '../children';
import type { Detector } from '../detector';
import { sentenceAt } from '../document';
import { bounded, termsPattern } from '../vocab';
import childComment from '../vocab/child-comment.json';

const WORK_OR_BEHAVIOUR = bounded(`${termsPattern(childComment.workAndBehaviour)}|got \\d+|(?<![\\d/])\\d{1,3}/(?:10|20|25|30|40|50|60|80|100)(?![\\d/])`, 'gu');

export const pupilWorkBehaviour: Detector = {
  meta: {
    id: 'pupil-work-behaviour',
    category: 'child-comment',
    defaultSeverity: 'warn',
    description: "Comments on a pupil's behaviour or work, named or not, praise included.",
    cites: 'the clause on comments about pupils',
  },
  messages: { comment: 'This comments on a pupil’s behaviour or work. Your school’s policy asks staff not to discuss pupils online.' },
  check(ctx) {
    const refs = childReferences(ctx);
    if (refs.length === 0) return [];
    const { doc } = ctx;
    for (const ref of refs) {
      const sentence = sentenceAt(doc, ref.start);
      const from = doc.sentences[Math.max(0, sentence)]?.start ?? 0;
      // The next sentence counts only when it carries on about the child ("…after she punched…").
      const next = doc.sentences[sentence + 1];
      const opening = doc.lower.slice(next?.start ?? 0, Math.min(next?.end ?? 0, (next?.start ?? 0) + 60));
      const continues = next && (/\b(?:she|he|her|his|him)\b/u.test(opening) || /^\p{L}+ed\b/u.test(opening));
      const to = (continues ? next.end : doc.sentences[sentence]?.end) ?? doc.text.length;
      // Search only the window, so many pupils in a long post stay linear.
      WORK_OR_BEHAVIOUR.lastIndex = 0;
      const m = WORK_OR_BEHAVIOUR.exec(doc.lower.slice(from, to));
      if (m) return [{ spans: [[ref.start, ref.end]], messageId: 'comment', data: { about: doc.text.slice(from + m.index, from + m.index + m[0].length) } }];
    }
    return [];
  },
  examples: {
    valid: ['Busy day teaching fractions', 'Took my two to Beamish today', 'Happy 10th birthday to my nephew'],
    invalid: [
      { text: 'One of my Year 9s threw a chair today', excerpt: 'One of my Year 9s' },
      { text: 'Grace Hetherington read her war poem in assembly', excerpt: 'Grace Hetherington' },
      { text: 'my class were feral after wet play', excerpt: 'my class' },
    ],
  },
};
