import type { Detector, DetectorExamples } from '../../detector';
import { nameMentions } from '../names';

export const staffName: Detector = {
  meta: {
    id: 'staff-name',
    category: 'staff',
    defaultSeverity: 'warn',
    description: 'Names a colleague or governor on the staff list: full name, title and surname, or a first name with colleague context.',
    cites: 'the clause on colleagues and their privacy',
  },
  messages: {
    named: 'This names {name}, who works at your school.',
  },
  check(ctx) {
    return nameMentions(ctx)
      .filter((m) => m.person.kind === 'staff')
      .map((m) => ({ spans: [[m.start, m.end]], messageId: 'named', data: { name: m.person.name, form: m.form } }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'Had coffee with Sarah from book club',
    'Rest in peace Maggie Smith',
    'The head said nothing at all today',
    'Spa day at Mottram Hall with the girls',
    'Took the car to Mr Mills at the garage, fixed in an hour',
    'Our neighbour Mrs Okafor watered the hanging baskets all week',
    'Marking in the staffroom. Ben Okafor on the radio again',
    'Big thank you to Janice at the pharmacy for sorting Mum’s prescription. Pharmacy staff are heroes',
    "Derek's first day at his new job with the fire service. Proud wife here",
    "Parents' evening at Evie's primary in Andover. Mrs Okafor says she is a joy with a lot of opinions",
    'Nurse Okafor on the cardiac ward at Ealing Hospital was an angel to Mum',
    'Anyone know a good plumber? Mrs Okafor who did ours for years has retired',
  ],
  invalid: [
    { text: "Mrs Okafor's assemblies are the best", excerpt: "Mrs Okafor's" },
    { text: 'Huge thanks to Sarah Okafor for covering', excerpt: 'Sarah Okafor' },
    { text: 'Derek the caretaker has fixed the boiler at last', excerpt: 'Derek' },
    { text: 'Told Janice in the office I had a migraine', excerpt: 'Janice' },
    { text: 'Mr M strikes again in briefing', excerpt: 'Mr M' },
    { text: 'our new deputy Mottram-Evans has arrived', excerpt: 'Mottram-Evans' },
    { text: 'Mr Mills covered my lesson again', excerpt: 'Mr Mills' },
    { text: 'Mr Mills covered my lesson so I could meet the plumber', excerpt: 'Mr Mills' },
    { text: "Told Janice first thing I'd a dodgy tummy. The dodgy tummy is now at Aintree", excerpt: 'Janice' },
    { text: 'told janice im off w sinusitis, actually in Tenby', excerpt: 'janice' },
    { text: 'Okafor read the data out like scripture in the staff meeting', excerpt: 'Okafor' },
    { text: 'My work wife @sarahokafor_x 💕', excerpt: '@sarahokafor_x' },
    { text: "Just found out Janice is leaving at Christmas for a job at a school in Newcastle. Gutted", excerpt: 'Janice' },
  ],
};
