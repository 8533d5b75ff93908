import type { Detector } from '../detector';
import { disguisedPattern, innocentMatch, wordsRegex } from '../disguise';
import profanity from '../vocab/profanity.json';

const PROFANITY = wordsRegex([
  ...profanity.terms.map(disguisedPattern),
  // Short words only in their starred forms: "t*t", "a**".
  't\\*+t', 'a\\*\\*+', 'c\\*+t', 'c\\*nt',
  'ffs', 'wtf', 'stfu', 'fml', 'f\\.?f\\.?s\\.?', 'fkn', 'fkin', 'fking', 'fkng', 'effing', 'effin',
]);

export const profanityRule: Detector = {
  meta: {
    id: 'profanity',
    category: 'offensive',
    defaultSeverity: 'warn',
    description: 'Swearing, including disguised forms such as f*ck, sh1t and FFS.',
    cites: 'the clause on offensive or inappropriate language',
  },
  messages: {
    profanity: 'Swearing (“{excerpt}”) breaks the conduct rules in your school’s policy, even disguised.',
  },
  check({ doc }) {
    return [...doc.lower.matchAll(PROFANITY)]
      .filter((m) => !innocentMatch(doc.text, m.index, m.index + m[0].length, profanity.innocent))
      .map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'profanity' }));
  },
  examples: {
    valid: [
      'Scunthorpe United away day',
      'Back at the spa!!! Bliss',
      'Documentary on Sunni and Shiites tonight',
      'A shaggy dog story if ever there was one',
      'Prick your ears up, the cuckoo is back',
      'Fancy a Cockburn port at Christmas?', 'Assessment week again', 'Arsenal were brilliant', 'Passed my driving test!', 'Dickens for the Year 9 reading list', 'Blue tits on the feeder'],
    invalid: [
      { text: 'f*ck you, photocopier', excerpt: 'f*ck' },
      { text: 'this week can kiss my a**e', excerpt: 'a**e' },
      { text: 'absolute sh1tshow of a day', excerpt: 'sh1tshow' },
      { text: 'The hanging baskets. FFS.', excerpt: 'FFS' },
      { text: 'F*** this road', excerpt: 'F***' },
      { text: 'f u c k this', excerpt: 'f u c k' },
      { text: 'That motherfucking printer again', excerpt: 'motherfucking' },
      { text: 'What a clusterfuck of a week', excerpt: 'clusterfuck' },
      { text: 'phuck this', excerpt: 'phuck' },
      { text: 'fuk that', excerpt: 'fuk' },
      { text: '5h1t happens', excerpt: '5h1t' },
      { text: 'Fuck Mondays', excerpt: 'Fuck' },
      { text: 'what a dumbass', excerpt: 'dumbass' },
    ],
  },
};
