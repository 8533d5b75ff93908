import type { Detector } from '../detector';
import { DisguisedRoots, innocentMatch, wordsRegex } from '../disguise';
import profanity from '../vocab/profanity.json';

const PROFANITY = new DisguisedRoots(profanity.terms, (present) =>
  wordsRegex([
    ...present,
    // Short words only in their starred forms: "t*t", "a**".
    't\\*+t', 'a\\*\\*+', 'c\\*+t', 'c\\*nt',
    'ffs', 'wtf', 'stfu', 'fml', 'f\\.?f\\.?s\\.?', 'fkn', 'fkin', 'fking', 'fkng', 'effing', 'effin',
  ]),
);

export const profanityRule: Detector = {
  meta: {
    id: 'profanity',
    category: 'offensive',
    defaultSeverity: 'warn',
    description: 'Swearing, including disguised forms such as f*ck, sh1t and FFS.',
    cites: 'the clause on offensive or inappropriate language',
  },
  messages: {
    profanity: 'This is swearing.',
    disguised: 'This is swearing with letters hidden (“{excerpt}”); it still reads as swearing.',
  },
  check({ doc }) {
    // "Disguised" only when the written word hides letters (f*ck, sh1t, f u c k), never of plain swearing.
    return [...doc.lower.matchAll(PROFANITY.regexFor(doc.lower))]
      .filter((m) => !innocentMatch(doc.text, m.index, m.index + m[0].length, profanity.innocent))
      .map((m) => {
        const { start, end } = doc.span(m.index, m.index + m[0].length);
        const written = doc.original.slice(start, end);
        return { spans: [[m.index, m.index + m[0].length]], messageId: /[^\p{L}]/u.test(written.slice(1)) ? 'disguised' : 'profanity' };
      });
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
