import type { Detector, DetectorExamples } from '../../detector';
import { allMatches } from '../../document/matches';

/** Current-style UK plates ("NK12 WFD"), typed in capitals; with a "reg" cue, older styles too. */
const PLATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}\s?[A-Z]{3}(?![\p{L}\p{N}])/gu;
const CUED_PLATE = /(?<![\p{L}])(?:reg(?:istration)?(?:\s+(?:no|number))?\.?:?)\s+([A-Z]{1,3}\s?\d{1,4}\s?[A-Z]{1,3})(?![\p{L}\p{N}])/giu;

export const vehicleRegistration: Detector = {
  meta: { id: 'vehicle-registration', category: 'personal-data', defaultSeverity: 'warn', description: 'A car registration number.', cites: 'the clause on personal data' },
  messages: { plate: 'This is a vehicle registration, which can identify you or someone else.' },
  check({ doc }) {
    const hits = new Map<number, [number, number]>();
    for (const m of allMatches(PLATE, doc.text)) hits.set(m.index, [m.index, m.index + m[0].length]);
    for (const m of allMatches(CUED_PLATE, doc.text)) {
      const start = m.index + m[0].lastIndexOf(m[1]!);
      if (!hits.has(start)) hits.set(start, [start, start + m[1]!.length]);
    }
    return [...hits.values()].map((span) => ({ spans: [span], messageId: 'plate' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ['Year 10 GCSE mocks start Monday', 'My GP is brilliant'],
  invalid: [{ text: 'Reg NK12 WFD, one careful owner', excerpt: 'NK12 WFD' }],
};
