import type { Detector, DetectorExamples } from '../../detector';
import { schoolMentions } from '../school';

export const schoolIdentity: Detector = {
  meta: {
    id: 'school-identity',
    category: 'school',
    defaultSeverity: 'warn',
    description: "Identifies the school: its name, a short form in context, its web or email domain, handle or hashtag.",
    cites: 'the clause on identifying the school from a personal account',
  },
  messages: {
    name: 'This names your school.',
    alias: 'This names your school (“{excerpt}”).',
    domain: "This gives your school's web or email address.",
    handle: "This tags your school's account.",
    hashtag: "This uses your school's hashtag.",
  },
  check(ctx) {
    return schoolMentions(ctx).map((m) => ({ spans: [[m.start, m.end]], messageId: m.kind }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'Drove past Stoke Mandeville hospital today',
    'Running the TCS London Marathon for charity',
    'Waterloo station was rammed tonight',
    'Visited Testbourne village for a walk and a pub lunch',
    'My router only supports WPA2',
  ],
  invalid: [
    { text: 'Proud to work at Testbourne Community School!', excerpt: 'Testbourne Community School' },
    { text: "Another INSET day at TCS where we read slides for 3 hours", excerpt: 'TCS' },
    { text: 'Apply via testbourne.hants.sch.uk/vacancies', excerpt: 'testbourne.hants.sch.uk' },
    { text: 'Great day @TestbourneCS', excerpt: '@TestbourneCS' },
    { text: 'Sports day winners #TeamTestbourne', excerpt: '#TeamTestbourne' },
    { text: "Testbourne's English department smashed it", excerpt: 'Testbourne' },
  ],
};
