import type { Detector, DetectorExamples } from '../../detector';
import { alternation, DisguisedRoots, innocentMatch, wordsRegex } from '../../document/disguise';
import * as ageism from '../../vocab/ageism.json';
import * as slurs from '../../vocab/slurs.json';
import { boundedTerms } from '../../vocab';
import { sentenceAt, type PostDocument } from '../../document/document';
import { allMatches } from '../../document/matches';

const SLURS = new DisguisedRoots(slurs.terms, (present) => wordsRegex([alternation(present)]));
/** Clinical terms that share a slur's spelling. */
const CLINICAL = /^\s+(?:paraplegia|diplegia|quadriplegia|hemiplegia|cerebral palsy)/u;
/** Sweeping statements about a protected group ("all Muslims are…", "women can't…"). */
const GROUPS = '(?:women|men|girls|muslims|jews|christians|hindus|sikhs|immigrants|foreigners|refugees|migrants|gays|lesbians|trans people|blacks|black people|asians|poles|romanians|eastern europeans|travellers|gypsies|disabled people|the disabled|old people|pensioners|autistic kids|autistic people)';
/** A group, then a sweeping claim about all of them, in the same breath. */
const GROUP_GENERALISATION = new RegExp(`(?<![\\p{L}])(?:the |these |those )?${GROUPS}(?![\\p{L}])[^\\n]{0,100}?(?:not one of them|none of them|every one of them|every single one of them|all the same|lock up your|we all know how this goes|typical|can't be trusted|they're all|they all)`, 'gu');
const SWEEPING = new RegExp(`(?<![\\p{L}])(?:women drivers|go back to (?:your|their) own country|send (?:them|'em) (?:all )?back|(?:taken over|overrun|invaded) by ${GROUPS}|whatever happened to (?:hiring|employing|buying) british|british jobs for british|(?:women|girls) (?:can't|cannot|shouldn't|should not) (?:drive|lead|teach|be in charge))|(?<![\\p{L}])(?:all|these|those|bloody|typical|f\\S*ing)\\s+${GROUPS}\\s+(?:are|should|can't|cannot|need to|never|always|ruin|ruining|taking over)|${GROUPS}\\s+(?:should (?:go back|be banned|not be allowed)|are (?:all )?(?:scum|vermin|animals|parasites|thick|stupid|useless|lazy))`, 'gu');

/** A group, at the start of a sentence, denied an ability as a group: "Women genuinely cannot reverse park." ("eleven grown men can't…" is about eleven men.) */
const GROUP_CANNOT = new RegExp(`(?:^|[.!?\\n]\\s*)(${GROUPS}(?:\\s+\\p{L}+ly)?\\s+(?:can't|cannot|can never|will never be able to)\\s+\\p{L}+)`, 'gu');

/** Older people, or one person by their age, and in the same sentence what the remark would do to them for it: "old dears like her shouldn't be let near a smartboard". */
const OLDER = boundedTerms([...ageism.olderPeople, ...ageism.ofTheirAge], 'gu');
const PUSHED_OUT = boundedTerms(ageism.pushedOut, 'u');

function ageistRemarks(doc: PostDocument): [number, number][] {
  const spans: [number, number][] = [];
  // Each sentence is read for PUSHED_OUT once, however many older people it names: a long run of them stays linear.
  const pushedOutIn = new Map<number, boolean>();
  for (const m of allMatches(OLDER, doc.lower)) {
    const at = sentenceAt(doc, m.index);
    const sentence = doc.sentences[at];
    if (!sentence) continue;
    let pushed = pushedOutIn.get(at);
    if (pushed === undefined) pushedOutIn.set(at, (pushed = PUSHED_OUT.test(doc.lower.slice(sentence.start, sentence.end))));
    if (pushed) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

export const discriminatoryRule: Detector = {
  meta: {
    id: 'discriminatory-language',
    category: 'offensive',
    defaultSeverity: 'block',
    description: 'Slurs and sweeping statements about people for their race, religion, sex, sexuality, disability or age.',
    cites: 'the clause on discriminatory or offensive content',
  },
  messages: {
    slur: '“{excerpt}” is a slur. Your school’s policy forbids discriminatory content.',
    sweeping: 'This generalises about a group of people. Your school’s policy forbids discriminatory content.',
  },
  check({ doc }) {
    const hits = allMatches(SLURS.regexFor(doc.lower), doc.lower)
      .filter((m) => !CLINICAL.test(doc.lower.slice(m.index + m[0].length, m.index + m[0].length + 24)) && !innocentMatch(doc.text, m.index, m.index + m[0].length, slurs.innocent))
      .map((m) => ({ spans: [[m.index, m.index + m[0].length]] as [number, number][], messageId: 'slur' }));
    for (const m of allMatches(GROUP_GENERALISATION, doc.lower)) hits.push({ spans: [[m.index, m.index + m[0].length]], messageId: 'sweeping' });
    for (const m of allMatches(SWEEPING, doc.lower)) hits.push({ spans: [[m.index, m.index + m[0].length]], messageId: 'sweeping' });
    for (const span of ageistRemarks(doc)) hits.push({ spans: [span], messageId: 'sweeping' });
    for (const m of allMatches(GROUP_CANNOT, doc.lower)) {
      const start = m.index + m[0].length - m[1]!.length;
      hits.push({ spans: [[start, m.index + m[0].length]], messageId: 'sweeping' });
    }
    return hits;
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'See you Mon!! Can\'t wait',
    "C'mon!!! Get in there lads",
    'Watching Dick Van Dyke in Mary Poppins',
    'Walked Offa\'s Dyke path at the weekend',
    'Fishmongers and ironmongers on the high street, a proper monger town',
    'Chinks and crannies full of dust after the move',
    'Homo sapiens evolved in Africa',
    'Mongolia is on my travel list',
    "Ahab's been in colleges, as well as 'mong the cannibals",
    'What a pity they did not stop up the chinks and the crannies though',
    'A chink of light under the door',
    "I can manage thirty teenagers with a broken projector; eleven grown men can't be that much worse.",
    'The old dears at the lunch club loved the carols',
    "At his age he should be proud of everything he's done, happy retirement Dad", 'All women in STEM should read this brilliant report', 'Spastic paraplegia awareness day: a colleague shared her story'],
  invalid: [
    { text: 'what a retard', excerpt: 'retard' },
    { text: 'he is such a spaz', excerpt: 'spaz' },
    { text: 'all immigrants are ruining this town', excerpt: 'all immigrants are' },
    { text: 'Women genuinely cannot reverse park. Watched one do a 12 point turn', excerpt: 'Women genuinely cannot reverse' },
    { text: "This country's being taken over by Muslims and nobody's allowed to say it", excerpt: 'taken over by Muslims' },
    { text: "Couldn't hear a word of English in town. Send them all back I say.", excerpt: 'Send them all back' },
    { text: 'New supply teacher is about 60. Old dears like her shouldn\'t be let near a smartboard', excerpt: 'Old dears' },
  ],
};
