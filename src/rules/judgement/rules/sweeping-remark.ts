import { sentenceStances } from '../../context/stance';
import type { Detector, DetectorExamples } from '../../detector';
import { sentenceAt } from '../../document/document';
import { allMatches } from '../../document/matches';
import { boundedTerms, termsPattern } from '../../vocab';
import * as groups from '../../vocab/groups.json';

/**
 * A group by a protected characteristic: one or two descriptors before a word for people ("Eastern European parents",
 * "them Muslim mums", "THESE YOUNG GIRLS"), or anyone over an age ("anyone over 55", "women over 40").
 * Group 1: a generaliser before it; group 2: the word for people; group 3: who is over an age (always the group as a whole).
 */
let group: RegExp | undefined;
const groupPattern = () =>
  (group ??= new RegExp(
    `(?<![\\p{L}])(?:(${termsPattern(groups.generalisers)})\\s+)?(?:(?:the|our|my|a|an|another)\\s+)?(?:(?:${termsPattern(groups.descriptors)})\\s+){1,2}(${termsPattern(groups.people)})(?![\\p{L}])|(?<![\\p{L}])(anyone|people|${termsPattern(groups.people)})\\s+(?:over|past)\\s+(?:[4-9]\\d)(?![\\p{N}])`,
    'gu',
  ));
/** What is said against a whole group ("should be banned", "nothing against them but"), read in the group's sentence or the next. */
const CLAIM = boundedTerms(groups.claims, 'gu');
/** Cheap gates for the group pattern: a descriptor anywhere (compiled only where one of its terms occurs), or "over 55". */
const DESCRIPTOR = boundedTerms(groups.descriptors, 'u');
const OVER_AN_AGE = /(?:over|past)\s+[4-9]\d(?![\p{N}])/u;
const NEUTRAL = new Set(groups.neutral);

/**
 * A sweeping remark about people for a protected characteristic, without a slur: a group with a claim against it in
 * its sentence or the next ("should be banned", "lock up your bikes"), or named as a whole ("these", "typical",
 * "anyone over 60") in a sentence that speaks against it. "Our Polish neighbours are moving" names people, not a
 * group; "Muslim mums ran a lovely Eid stall" speaks well of one.
 */
export const sweepingRemark: Detector = {
  meta: {
    id: 'sweeping-remark',
    category: 'offensive',
    defaultSeverity: 'block',
    description: 'A sweeping remark about people for their race, religion, nationality, sex, age or disability.',
    cites: 'the clause on discriminatory or offensive content',
  },
  messages: { sweeping: 'This speaks of people as a group by their age, sex, race, religion or nationality. Your school’s policy forbids discriminatory content.' },
  check(ctx) {
    const { doc } = ctx;
    // Most posts name no group: the long pattern is compiled and run only where a descriptor or an age over 40 is.
    if (!DESCRIPTOR.test(doc.lower) && !OVER_AN_AGE.test(doc.lower)) return [];
    const found = allMatches(groupPattern(), doc.lower);
    if (found.length === 0) return [];
    const claims = new Set(allMatches(CLAIM, doc.lower).map((c) => sentenceAt(doc, c.index)));
    const stances = sentenceStances(ctx);
    const hits = [];
    for (const m of found) {
      if (NEUTRAL.has(m[0].split(/\s+/u).slice(-2).join(' '))) continue;
      const sentence = sentenceAt(doc, m.index);
      // A claim in the group's sentence or the next ("… Polish lot in the flats. Send them back."), or a group named as a whole in a sentence against it.
      const claimed = claims.has(sentence) || claims.has(sentence + 1);
      const generalised = m[1] !== undefined || m[3] !== undefined;
      if (claimed || (generalised && (stances[sentence]?.valence ?? 0) < 0)) hits.push({ spans: [[m.index, m.index + m[0].length]] as [number, number][], messageId: 'sweeping' });
    }
    return hits;
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'Our Polish neighbours are moving back to Gdansk, we will miss them terribly',
    'The Muslim mums ran a lovely Eid stall at the summer fair',
    'Young mums group at church every Tuesday, always a laugh',
    'Our new French teacher is brilliant',
    'Sad news: the Romanian family at number 12 are moving away',
    'Happy 60th to all the women over 50 in my running club, legends',
    'These young people could run the country, never mind a bake sale',
    "Disabled kids shouldn't be left out of sports day",
    'The Polish mums brought food for the fair, they all cooked for days',
    'The Romanian families go back to Bucharest for Christmas',
  ],
  invalid: [
    { text: 'Honestly these Eastern European parents are so rude at pick-up', excerpt: 'these Eastern European parents' },
    { text: 'Anyone over 60 should be banned from the self-checkout', excerpt: 'Anyone over 60' },
    { text: 'Another traveller family moved onto the field. Lock up your sheds', excerpt: 'Another traveller family' },
    { text: 'Nothing against them but the Polish lot in the flats are so loud', excerpt: 'the Polish lot' },
  ],
};
