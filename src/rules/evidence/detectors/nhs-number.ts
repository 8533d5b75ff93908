import type { Detector, DetectorExamples } from '../../detector';
import { allMatches } from '../../document/matches';

/** Ten digits, typed as one run or in the NHS's 3-3-4 grouping. */
const NHS_NUMBER = /(?<![\p{N}+(])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\p{N}])/gu;
/** "NHS no.", "NHS number": said just before, so a bare run of ten digits is not enough on its own. */
const NHS_CUE = /\bnhs(?:\s+(?:no\.?|number|num|#))?(?:\s+(?:is|was))?[\s:]*$/u;

/** The NHS modulus-11 check: weights 10..2 on the first nine digits; 11 - (sum mod 11) is the tenth (11 → 0, 10 → invalid). */
export function validNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

export const nhsNumber: Detector = {
  meta: { id: 'nhs-number', category: 'personal-data', defaultSeverity: 'block', description: 'An NHS number (checked with its modulus-11 check digit).', cites: 'the clause on personal data' },
  messages: { nhs: 'This is an NHS number, which identifies someone’s health records.' },
  check({ doc }) {
    return allMatches(NHS_NUMBER, doc.text)
      .filter((m) => validNhsNumber(m[1]! + m[3]! + m[4]!))
      // Spaced 3-3-4 is how NHS numbers are printed; a bare or hyphenated run needs "NHS" before it (US phones are 3-3-4 with hyphens).
      .filter((m) => m[2] === ' ' || NHS_CUE.test(doc.lower.slice(Math.max(0, m.index - 16), m.index)))
      .map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'nhs' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ['Order ref 9434765918 confirmed', 'Raised £1,250 for the hospice', 'Call 212-555-1234 for tickets', 'NHS number 943 476 5918 is not a real one'],
  invalid: [
    { text: 'NHS number 943 476 5919', excerpt: '943 476 5919' },
    { text: 'His NHS no. is 9434765919', excerpt: '9434765919' },
    { text: 'hospital letter says 943 476 5919', excerpt: '943 476 5919' },
  ],
};
