import type { Detector, DetectorExamples } from '../../detector';
import { absenceClaim } from '../../context/absence';

export const sickLeisure: Detector = {
  meta: {
    id: 'sick-leisure',
    category: 'sickness',
    defaultSeverity: 'warn',
    description: 'Claims sickness absence alongside leisure, travel, sport or a night out, or boasts of faking illness.',
    cites: 'the clause on conduct and honesty about absence',
  },
  messages: {
    sickLeisure: 'This says you are off sick and, in the same post, out doing something else.',
    faking: 'This says you pretended to be ill to miss work.',
  },
  check(ctx) {
    const { absences, quoted, sickie, othersAbsences, leisure, leisureEmoji, faking } = absenceClaim(ctx);
    if (absences.length === 0 && othersAbsences > 0) return [];
    const claim = absences[0] ?? quoted[0];
    if (claim && (leisure.length > 0 || leisureEmoji) && (absences.length > 0 || faking || quoted.length > 0)) {
      const after = leisure.find(([s]) => s > claim[0]) ?? leisure[0];
      return [{ spans: after ? [claim, after] : [claim], messageId: 'sickLeisure' }];
    }
    if (sickie[0]) return [{ spans: [sickie[0]], messageId: 'faking' }];
    if (claim && quoted.length > 0 && faking) return [{ spans: [claim], messageId: 'faking' }];
    return [];
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'Off sick with the flu. In bed with Lemsip and a hot water bottle',
    // A day off is not sick leave.
    'Day off today, so a dog walk up to High Force and a pint at the Langdon Beck 🐕',
    'Sick goal from the new signing last night',
    'So sick of marking already',
    'Worried sick about the inspection',
    'Thinking of Hollie who has been signed off for six weeks after her operation',
    'Off sick with my back (honestly, not skiving). Hot water bottle and paracetamol',
    "Off with 'stress' apparently. Saw her at the races on Saturday",
    'Off sick today with a fever. No gym, no fun, just bed',
    'Long weekend in Dublin with the girls, Guinness tour booked',
  ],
  invalid: [
    { text: 'Rang in sick 😷🤫 Wembley here we come!!', excerpt: 'Rang in sick' },
    { text: 'Pulled a sickie to watch the Test at the Rose Bowl', excerpt: 'Pulled a sickie' },
    { text: "Told Janice I'd got D&V, currently 3 pints deep at the Stadium of Light", excerpt: "Told Janice I'd got D&V" },
    { text: "Called in with 'a migraine' 🤫 Wimbledon queue", excerpt: "Called in with" },
    { text: 'Duvet day (work thinks it is flu)', excerpt: 'Duvet day' },
    { text: 'Signed myself off with tonsillitis 🤒 sea air at Whitby is the best medicine 🎣', excerpt: 'Signed myself off' },
    { text: 'GP signed me off for a fortnight with my back. Lovely day at the races though 🐎', excerpt: 'signed me off' },
    { text: "Told the office I'd got a migraine. Anyway here's me at the Etihad 😎", excerpt: "Told the office I'd got a migraine" },
    { text: 'work think ive got norovirus, the lads know im in benidorm 🍻', excerpt: 'think ive got norovirus' },
    { text: "Who else is 'off with a chest infection' and sitting in the sun at Whitby with a 99? Just me then 😂", excerpt: 'off with a chest infection' },
    { text: 'Claiming a bad back today. Back seems fine for the darts tonight 🎯', excerpt: 'Claiming a bad back' },
    { text: 'Texted in sick Monday. Long weekend in Dublin for the price of one small fib', excerpt: 'Texted in sick' },
  ],
};
