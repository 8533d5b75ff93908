import type { Detector, DetectorExamples } from '../../detector';
import { allMatches } from '../../document/matches';

/** UK mobiles and landlines, national or +44, with the spacing people actually type. */
const PHONE = /(?<![\p{N}+])(?:(?:\+44\s?\(?0?\)?\s?|0)7\d{3}[\s-]?\d{3}[\s-]?\d{3}|(?:\+44\s?\(?0?\)?\s?|\(?0)[1-3]\d{1,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4})(?!\p{N})/gu;

export const phoneNumber: Detector = {
  meta: { id: 'phone-number', category: 'personal-data', defaultSeverity: 'block', description: 'A UK phone number, mobile or landline.', cites: 'the clause on personal data' },
  messages: { phone: 'This is a phone number. Your school’s policy asks staff not to share personal contact details.' },
  check({ doc }) {
    return allMatches(PHONE, doc.text)
      // 10 or 11 digits with the trunk 0 (or 12 with +44): a UK number, not a reference or a sum.
      .filter((m) => {
        const digits = m[0].replace(/\D/g, '').replace(/^440?/, '0');
        return digits.length >= 10 && digits.length <= 11;
      })
      .map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'phone' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ['Raised £2,300 for charity', 'Year 7 scored 07 out of 10', 'Call 999 in an emergency', 'Train at 07:45 from platform 2'],
  invalid: [{ text: 'Ring me on 07700 900318', excerpt: '07700 900318' }, { text: 'call +44 7700 900123', excerpt: '+44 7700 900123' }, { text: 'office line 01256 892061', excerpt: '01256 892061' },
    { text: 'text 07700900123 after six', excerpt: '07700900123' },
    { text: 'London office 020 7946 0958', excerpt: '020 7946 0958' },
    { text: 'ring (01632) 960 123 any time', excerpt: '(01632) 960 123' },
    { text: 'or +447700900123 on WhatsApp', excerpt: '+447700900123' },
  ],
};
