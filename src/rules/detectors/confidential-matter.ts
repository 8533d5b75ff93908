import type { Detector } from '../detector';
import { bounded, termsPattern } from '../vocab';
import confidential from '../vocab/confidential.json';

/** "until the report is published", "until they're out": an outcome not yet public. */
const UNPUBLISHED = `(?:until|till|til) (?:the report|the results|results|it|they|the figures|the judgement)(?:'s|'re| is| are)? (?:published|out|public|announced)|(?:can't|cannot|not allowed to) (?:post|share|say|announce|reveal) (?:the |our |any )?(?:numbers|figures|results|grades?|judgement|outcome)`;
/** Said when something is not meant to be out yet: "haven't been told officially yet", "not allowed to discuss". */
const SECRECY = `(?:haven't|hasn't|have not|has not) (?:even )?been told(?: officially)?(?: yet)?|(?:doesn't|don't|does not) know yet|not (?:meant|supposed|allowed) to (?:say|discuss|share|tell|talk about)|keep it (?:in house|in-house|quiet|between us)|nothing(?:'s| has) been (?:said|announced) to|hasn't told (?:parents|staff|anyone)|can't say too much|(?:please )?don't say (?:owt|anything|a word)|off the record`;
const MATTER = bounded(`${termsPattern(confidential.always)}|${UNPUBLISHED}|${SECRECY}`, 'gu');

export const confidentialMatter: Detector = {
  meta: {
    id: 'confidential-matter',
    category: 'confidential',
    defaultSeverity: 'block',
    description: 'Safeguarding cases, exclusions, staff discipline or grievance, unpublished results or inspection outcomes, and current disputes.',
    cites: 'the clause on confidential school information',
  },
  messages: { matter: 'This mentions a matter the school keeps confidential.' },
  check({ doc }) {
    return [...doc.lower.matchAll(MATTER)].map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'matter' }));
  },
  examples: {
    valid: ['Completed my PG Cert in Autism Education', 'Persistent absence is a societal issue, not just a school one', 'Great CPD on safeguarding in the curriculum'],
    invalid: [
      { text: "by 2pm I'd made a safeguarding referral", excerpt: 'safeguarding referral' },
      { text: "Results are in! They're embargoed until Thursday", excerpt: 'embargoed' },
      { text: 'Permanently excluded today after a fight', excerpt: 'Permanently excluded' },
      { text: "Mrs Bashir's grievance hearing is on Friday", excerpt: 'grievance' },
    ],
  },
};
