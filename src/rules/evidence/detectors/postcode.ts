import type { Detector, DetectorExamples } from '../../detector';
import { allMatches } from '../../document/matches';

/** The full UK postcode shape (outward + inward code). */
const POSTCODE = /(?<![\p{L}\p{N}])(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?) ?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/gu;

export const postcode: Detector = {
  meta: { id: 'postcode', category: 'personal-data', defaultSeverity: 'block', description: 'A UK postcode.', cites: 'the clause on personal data' },
  messages: { postcode: 'This is a postcode, which can locate someone’s home.' },
  check({ doc }) {
    return allMatches(POSTCODE, doc.text.toUpperCase())
      .filter((m) => /\s/.test(m[0]) || doc.text.slice(m.index, m.index + m[0].length) === m[0])
      .map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'postcode' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ['The A303 is a car park again', 'M25 at a standstill', 'Year 5 did 3D shapes'],
  invalid: [{ text: 'party at 9 Winchester St, RG28 7AL', excerpt: 'RG28 7AL' }, { text: 'drop it round to DL13 2TS', excerpt: 'DL13 2TS' }],
};
