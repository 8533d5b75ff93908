import type { Detector, DetectorExamples } from '../../detector';
import * as threats from '../../vocab/threats.json';
import { boundedTerms, termsPattern } from '../../vocab';
import { allMatches } from '../../document/matches';

/** A declared intent to harm someone or what is theirs: "I'll kill you", "I will personally slash their tyres". */
const INTENT_TO_HARM = `(?:${termsPattern(threats.intent)})\\s+(?:(?:${termsPattern(threats.intentAdverbs)})\\s+)?(?:${termsPattern(threats.harmVerbs)})\\s+(?:${termsPattern(threats.targets)})`;
const THREAT = boundedTerms(threats.terms, 'gu', INTENT_TO_HARM);

/** "why wait until you're dead?", "when you are dead": a time or a condition, not a declaration ("If I find you, you're done" still is). */
const IN_A_CLAUSE_OF_TIME_OR_CONDITION = /(?:^|[^\p{L}])(?:when|whenever|until|till|til|after|before|once|if|unless|whether|by the time)\s+$/u;

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
    return allMatches(THREAT, doc.lower)
      .filter((m) => !IN_A_CLAUSE_OF_TIME_OR_CONDITION.test(doc.lower.slice(Math.max(0, m.index - 24), m.index)))
      .map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'threat' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ['This heat is going to kill me', "I'm going to smash this exam", "I'll just kick off the meeting", 'I could murder a cup of tea', "Why wait until you're dead? Book the holiday", "Don't let worries kill you. Let the church help."],
  invalid: [{ text: "If I find you, you're done.", excerpt: "you're done" }, { text: "Touch my car again and I'll kill you", excerpt: "I'll kill you" }, { text: "If he does that again I'm going to punch him", excerpt: "I'm going to punch him" }, { text: 'watch your back', excerpt: 'watch your back' }, { text: 'Park across the gate once more and I will personally slash their tyres.', excerpt: 'I will personally slash their' }],
};
