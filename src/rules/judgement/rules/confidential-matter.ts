import type { CheckContext, Detector, DetectorExamples } from '../../detector';
import { childReferences } from '../../context/children';
import { nameMentions } from '../../evidence/names';
import { schoolMentions } from '../../evidence/school';
import { boundedTerms, COLLEAGUE_ROLE, SCHOOL_CONTEXT } from '../../vocab';
import * as confidential from '../../vocab/confidential.json';
import { allMatches } from '../../document/matches';

/** "until the report is published", "until they're out": an outcome not yet public. */
const UNPUBLISHED = `(?:until|till|til) (?:the report|the results|results|it|they|the figures|the judgement)(?:'s|'re| is| are)? (?:published|out|public|announced)|(?:can't|cannot|not allowed to) (?:post|share|say|announce|reveal) (?:the |our |any )?(?:numbers|figures|results|grades?|judgement|outcome)`;
/** Said when something is not meant to be out yet: "haven't been told officially yet", "not allowed to discuss". */
const SECRECY = `(?:haven't|hasn't|have not|has not) (?:even )?been told(?: officially)?(?: yet)?|(?:doesn't|don't|does not) know yet|not (?:meant|supposed|allowed) to (?:say|discuss|share|tell|talk about)|keep it (?:in house|in-house|quiet|between us)|nothing(?:'s| has) been (?:said|announced) to|hasn't told (?:parents|staff|anyone)|can't say too much|(?:please )?don't say (?:owt|anything|a word)|off the record`;
const SCHOOL_MATTER = boundedTerms(confidential.always, 'gu');
/** Words of any working or family life ("sacked", "tribunal", "between us"): confidential only where the post is about school. */
const LINKED_MATTER = boundedTerms(confidential.withSchoolLink, 'gu', `${UNPUBLISHED}|${SECRECY}`);

/** "Mrs Bashir": how staff speak of colleagues, listed or not. */
const TITLED_PERSON = /(?<![\p{L}])(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.? \p{Lu}/u;

/** The author's own workplace, which for school staff is the school: "a restructure at work", "the English dept", "the trust". */
const WORKPLACE = /(?<![\p{L}])(?:at work|(?:our|my|the) (?:\p{L}+ )?(?:department|dept|trust|academy trust|la|local authority)|teaching posts?|results day|ehcp|siams|intervention|sports hall)(?![\p{L}])/u;

/** The post is about the school, its people or its work, not the author's brother's warehouse. */
function linkedToSchool(ctx: CheckContext): boolean {
  const { lower } = ctx.doc;
  return SCHOOL_CONTEXT.test(lower) || WORKPLACE.test(lower) || COLLEAGUE_ROLE.test(lower) || TITLED_PERSON.test(ctx.doc.text) || schoolMentions(ctx).length > 0 || nameMentions(ctx).length > 0 || childReferences(ctx).length > 0;
}

export const confidentialMatter: Detector = {
  meta: {
    id: 'confidential-matter',
    category: 'confidential',
    defaultSeverity: 'block',
    description: 'Safeguarding cases, exclusions, staff discipline or grievance, unpublished results or inspection outcomes, and current disputes.',
    cites: 'the clause on confidential school information',
  },
  messages: { matter: 'This mentions a matter the school keeps confidential.' },
  check(ctx) {
    const { doc } = ctx;
    const hits = allMatches(SCHOOL_MATTER, doc.lower);
    if (linkedToSchool(ctx)) hits.push(...allMatches(LINKED_MATTER, doc.lower));
    return hits.map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'matter' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'My brother got sacked from the warehouse today, gutted for him',
    "Redundancy announced at Dad's factory, worrying times",
    'My nephew was expelled from the golf club for wearing jeans lol',
    "Surprise party for Mum on Saturday, she doesn't know yet!",
    'Bangers and mash for tea',
    'Completed my PG Cert in Autism Education', 'Persistent absence is a societal issue, not just a school one', 'Great CPD on safeguarding in the curriculum'],
  invalid: [
    { text: "by 2pm I'd made a safeguarding referral", excerpt: 'safeguarding referral' },
    { text: "Results are in! They're embargoed until Thursday", excerpt: 'embargoed' },
    { text: 'Permanently excluded today after a fight', excerpt: 'Permanently excluded' },
    { text: "Mrs Bashir's grievance hearing is on Friday", excerpt: 'grievance' },
    { text: 'Two staff sacked at school today and nobody is saying why', excerpt: 'sacked' },
    { text: 'Our caretaker is taking the trust to tribunal', excerpt: 'tribunal' },
  ],
};
