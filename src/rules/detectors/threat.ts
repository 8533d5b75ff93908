import type { Detector } from '../detector';
import threats from '../vocab/threats.json';
import { bounded, termsPattern } from '../vocab';

const THREAT = bounded(`${termsPattern(threats.terms)}|(?:i'?m (?:going to|gonna)|i am going to|i'll|i will|i'm gonna|gonna)\\s+(?:kill|batter|smash|punch|hurt|stab|deck|slap)\\s+(?:you|him|her|them|that|the|his|your)`, 'gu');

export const threatRule: Detector = {
  meta: {
    id: 'threat',
    category: 'offensive',
    defaultSeverity: 'block',
    description: 'Threats of violence or harassment.',
    cites: 'the clause on harassment and cyber-bullying',
  },
  messages: { threat: 'This reads as a threat. Your school’s policy forbids threatening or harassing anyone online.' },
  check({ doc }) {
    return [...doc.lower.matchAll(THREAT)].map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'threat' }));
  },
  examples: {
    valid: ['This heat is going to kill me', 'I could murder a cup of tea'],
    invalid: [{ text: "If he does that again I'm going to punch him", excerpt: "I'm going to punch him" }, { text: 'watch your back', excerpt: 'watch your back' }],
  },
};
