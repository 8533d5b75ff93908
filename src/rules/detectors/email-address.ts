import type { Detector } from '../detector';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

export const emailAddress: Detector = {
  meta: { id: 'email-address', category: 'personal-data', defaultSeverity: 'block', description: 'An email address.', cites: 'the clause on personal data' },
  messages: { email: 'This is an email address. Your school’s policy asks staff not to share personal contact details.' },
  check({ doc }) {
    return [...doc.text.matchAll(EMAIL)].map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'email' }));
  },
  examples: {
    valid: ['Thanks @nasen_org for a great session', 'See justgiving.com/page/run4mind'],
    invalid: [{ text: 'email yarisforsale2018@gmail.com', excerpt: 'yarisforsale2018@gmail.com' }],
  },
};
