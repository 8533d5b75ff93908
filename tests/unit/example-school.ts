import type { PackInput } from '../../src/rules';

/**
 * The invented school every detector's examples are checked against
 * (the detectors' `examples` in src/rules/evidence/detectors and src/rules/judgement/rules). Names here are what the examples name.
 */
export const EXAMPLE_SCHOOL: PackInput = {
  schemaVersion: 1,
  id: 'example-school',
  school: {
    name: 'Testbourne Community School',
    aliases: ['TCS', 'Testbourne', 'Testbourne School'],
    domains: ['testbourne.hants.sch.uk'],
    handles: ['@TestbourneCS'],
    hashtags: ['#TeamTestbourne', '#TCSproud'],
  },
  policy: {
    title: 'Example Social Media Policy',
    clauses: [{ id: 'conduct', ref: '5(d)', text: 'Staff must not post anything that could bring the school into disrepute.' }],
  },
  people: {
    pupils: ['Grace Hetherington', 'Summer Robson', 'Jayden Clarke', 'Zoë Kowalski', 'Will Bainbridge', 'Daisy Pearson', { name: 'Oluwaseun Adeyemi', knownAs: 'Seun' }],
    staff: [
      { name: 'Sarah Okafor', title: 'Mrs', role: 'Headteacher' },
      { name: 'Derek Mottram', title: 'Mr', role: 'Caretaker' },
      { name: 'Janice Lowe', title: 'Mrs', role: 'Office Manager' },
      { name: 'Martin Mills', title: 'Mr', role: 'Teacher' },
      { name: 'Gareth Mottram-Evans', title: 'Mr', role: 'Deputy Headteacher' },
    ],
  },
  categories: Object.fromEntries(
    ['school', 'pupil', 'staff', 'sickness', 'disparaging', 'offensive', 'personal-data', 'confidential', 'child-comment'].map((c) => [c, { clauses: ['conduct'] }]),
  ),
};
