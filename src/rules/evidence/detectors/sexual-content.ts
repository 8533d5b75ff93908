import type { Detector, DetectorExamples } from '../../detector';
import * as sexual from '../../vocab/sexual.json';
import { boundedTerms } from '../../vocab';
import { allMatches } from '../../document/matches';

const SEXUAL = boundedTerms(sexual.terms, 'gu');

export const sexualContent: Detector = {
  meta: {
    id: 'sexual-content',
    category: 'offensive',
    defaultSeverity: 'warn',
    description: 'Sexual content, with or without swearing.',
    cites: 'the clause on conduct that could bring the school into disrepute',
  },
  messages: { sexual: 'Sexual content (“{excerpt}”) is something your school’s policy asks staff not to post.' },
  check({ doc }) {
    return allMatches(SEXUAL, doc.lower).filter((m) => !/comic\s+$/u.test(doc.lower.slice(Math.max(0, m.index - 8), m.index))).map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'sexual' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ['Comic strip club after school is the best', 'Stripped the beds and did the washing'],
  invalid: [{ text: 'nobody tell the head we ended up at a strip club', excerpt: 'strip club' }],
};
