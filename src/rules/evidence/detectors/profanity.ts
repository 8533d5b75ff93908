import { memoize, type CheckContext, type Detector, type DetectorExamples } from '../../detector';
import { DisguisedRoots, innocentMatch, showsALetter, wordsRegex } from '../../document/disguise';
import * as profanity from '../../vocab/profanity.json';
import { termsPattern } from '../../vocab';
import { allMatches } from '../../document/matches';

/**
 * "ffs" is an exclamation; after a preposition, an article or a verb it is a noun
 * (the FFS filesystem: "enabling ffs support", "no clue about ffs").
 */
const FFS_AS_NOUN = /(?:\b(?:about|of|for|with|on|in|into|from|the|an?|enable|enabling|use|using|mount|mounting|support|supports)\s+)$/u;
/** Bare "ass" after "a", "an" or "the" (not "in the", "up the") is the animal or a fool: "an ass", "the ass refused". */
const ASS_AS_ANIMAL = /(?:^|[^\p{L}])(?!(?:in|up|on|out|off|of)\s)[\p{L}']+[\s,]+(?:an?|the)\s+$|(?:^|[.!?\n]\s*)(?:an?|the)\s+$/u;

/** A mild word called someone: "you absolute knob", "proper dicks" (profanity.json's insultedAs after an insultIntensifiers word). */
const INSULTED_AS = `(?<=(?:${termsPattern(profanity.insultIntensifiers)})\\s+)(?:${termsPattern(profanity.insultedAs)})`;

const PROFANITY = new DisguisedRoots(profanity.terms, (present) =>
  wordsRegex([
    ...present,
    // Short words only in their starred forms: "t*t", "a**".
    't\\*+t', 'a\\*\\*+', 'c\\*+t', 'c\\*nt',
    'ffs', 'wtf', 'stfu', 'gtfo', 'omfg', 'fml', 'f\\.?f\\.?s\\.?', 'fkn', 'fkin', 'fkng', 'fking', 'effing', 'effin',
    // "who tf", "what tf": "the fuck" cut short, only after a question word.
    '(?<=(?:who|what|why|how|where)\\s)tf',
    INSULTED_AS,
  ]),
);

/**
 * Mild words (Ofcom's "mild": bloody, bugger, crap) only with letters hidden: "cr*p day" is the writer marking it as
 * swearing, "a crap day" is not flagged. Three-letter words only starred in the middle ("c*w", "s*d"), as for "t*t".
 */
const MASKED_MILD = new DisguisedRoots(profanity.maskedOnly, (present) => wordsRegex([...present, 'c\\*+w', 's\\*+d', 'g\\*+t', 't\\*+ts']));
/** Hidden letters: a mask or a digit among the letters ("b*gger", "cr4p"), not the word as spelt. */
const hidesALetter = (matched: string) => /[^\p{L}]/u.test(matched);

/**
 * Where the post swears ([start, end) in normalized text), found once per check: the rule reports it, and the
 * judgement asks whom it is aimed at (judgement/features.ts).
 */
export function swearing(ctx: CheckContext): [number, number][] {
  return memoize(ctx, 'swearing', findSwearing);
}

function findSwearing({ doc }: CheckContext): [number, number][] {
  const masked = allMatches(MASKED_MILD.regexFor(doc.lower), doc.lower).filter((m) => showsALetter(m[0]) && hidesALetter(m[0]));
  // "Disguised" only when the written word hides letters (f*ck, sh1t, f u c k), never of plain swearing.
  return [...allMatches(PROFANITY.regexFor(doc.lower), doc.lower), ...masked]
    .filter((m) => showsALetter(m[0]) && !innocentMatch(doc.text, m.index, m.index + m[0].length, profanity.innocent))
    .filter((m) => {
      const before = doc.lower.slice(Math.max(0, m.index - 24), m.index);
      if (m[0] === 'ffs') return !FFS_AS_NOUN.test(before);
      if (m[0] === 'ass') return !ASS_AS_ANIMAL.test(before);
      return true;
    })
    .map((m): [number, number] => [m.index, m.index + m[0].length]);
}

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
  check(ctx) {
    return swearing(ctx).map((m) => {
      const { start, end } = ctx.doc.span(m[0], m[1]);
      const written = ctx.doc.original.slice(start, end);
      return { spans: [[m[0], m[1]]], messageId: /[^\p{L}]/u.test(written.slice(1)) ? 'disguised' : 'profanity' };
    });
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'Scunthorpe United away day',
    'Reading Moby-Dick on the train, Dick Van Dyke on telly after',
    'The door knob came off in my hand again',
    'TF card reader for the camera',
    'has anyone got information on enabling ffs support in the kernel? I have no clue about ffs but',
    'it is likely to cost some $$$ for the software',
    'Then be called ten times a donkey, and a mule, and an ass, and begone',
    'The thistle the ass refused; it pricked his mouth',
    'he called me a donkey and piled a lot of jackasses on top of that',
    'Back at the spa!!! Bliss',
    'Documentary on Sunni and Shiites tonight',
    'A shaggy dog story if ever there was one',
    'Prick your ears up, the cuckoo is back',
    'Fancy a Cockburn port at Christmas?', 'Assessment week again', 'Arsenal were brilliant', 'Passed my driving test!', 'Dickens for the Year 9 reading list', 'Blue tits on the feeder',
    'What a crap day. Bloody hell, the damn printer',
    'Dick Whittington is the panto this year',
  ],
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
    { text: 'kiss my ass, Monday', excerpt: 'ass' },
    { text: 'this printer is a pain in the ass', excerpt: 'ass' },
    { text: 'Northern Rail are the absolute shittest company', excerpt: 'shittest' },
    { text: 'you can only run it on windows with a lot of fecking hassle', excerpt: 'fecking' },
    { text: 'oh ffs the printer again', excerpt: 'ffs' },
    { text: 'Read the room, Marcus, you absolute knob.', excerpt: 'knob' },
    { text: 'who tf decided fire drills should happen in the rain', excerpt: 'tf' },
    { text: 'B*gger, left my lanyard at home again', excerpt: 'B*gger' },
    { text: 'what a cr@p week', excerpt: 'cr@p' },
    { text: 'the f*****g laminator is jammed', excerpt: 'f*****g' },
    { text: 'utter sh*thouses, the lot of them', excerpt: 'sh*thouses' },
    { text: "can't be ar*ed with reports tonight", excerpt: 'ar*ed' },
  ],
};
