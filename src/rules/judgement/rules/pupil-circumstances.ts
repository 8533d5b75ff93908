import { childReferences } from '../../context/children';
import type { Detector, DetectorExamples } from '../../detector';
import { boundedTerms } from '../../vocab';
import * as confidential from '../../vocab/confidential.json';
import { allMatches } from '../../document/matches';

const YEAR_GROUP = /(?<![\p{L}])(?:year ?\d{1,2}|y\d{1,2}|yr ?\d{1,2}|reception|nursery|sixth form|class \d)(?![\p{L}\p{N}])/u;
/** "after her heart operation": a child's own operation, not "the whole operation". */
const DETAIL = boundedTerms(confidential.aboutPupil, 'gu', `(?:her|his) (?:\\p{L}+ )?operation`);
/** A pupil's family circumstances: "her mam's back in hospital", "his dad passed away". */
const FAMILY = /(?:(?:(?<![\p{L}])(?:her|his|their)|'s) (?:mum|mam|dad|mother|father|parents?|nan|nana|gran|grandad|grandma|brother|sister)(?: and (?:mum|mam|dad|mother|father))?(?:'s)? (?:(?:has |had |have |is |are |was |just |been |has been )?(?:passed away|died|back in hospital|in hospital|went into hospital|taken into hospital|in prison|went to prison|gone to prison|split up|separated|been arrested|arrested|lost (?:her|his) job))|(?<![\p{L}])(?:losing|lost) (?:her|his|their) (?:mum|mam|dad|mother|father|nan|nana|gran|grandad|grandma|grandpa|brother|sister))/gu;

export const pupilCircumstances: Detector = {
  meta: {
    id: 'pupil-circumstances',
    category: 'confidential',
    defaultSeverity: 'block',
    description: "A pupil's SEN, medical or family circumstances, named or identifiable.",
    cites: 'the clause on confidential information about pupils',
  },
  messages: { detail: 'This shares a pupil’s SEN, medical or family circumstances, which your school’s policy keeps confidential.' },
  check(ctx) {
    // A child of this school, or at least a year group: "Y6 exclusions this week", not research on exclusions.
    if (childReferences(ctx).length === 0 && !YEAR_GROUP.test(ctx.doc.lower)) return [];
    const { lower } = ctx.doc;
    const spans = [...allMatches(FAMILY, lower), ...allMatches(DETAIL, lower)].map((m): [number, number] => [m.index, m.index + m[0].length]);
    // "his dad passed away" and "passed away": one finding for one disclosure.
    const distinct = spans.filter(([s, e], i) => !spans.some(([s2, e2], j) => j < i && s2 <= s && e <= e2));
    return distinct.map((span) => ({ spans: [span], messageId: 'detail' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ['I will get through this pile of annual review paperwork', 'Stoke Mandeville hospital were brilliant with my dad', 'Had my flu jab today'],
  invalid: [
    { text: 'One of our Year 4s was diagnosed with type 1 diabetes this week', excerpt: 'diagnosed' },
    { text: "Poor Summer Robson in my class, her mam's back in hospital", excerpt: "her mam's back in hospital" },
  ],
};
