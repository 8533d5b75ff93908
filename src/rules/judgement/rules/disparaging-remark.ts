import { memoize, type CheckContext, type Detector, type DetectorExamples } from '../../detector';
import { alternation, DisguisedRoots, wordsRegex } from '../../document/disguise';
import { sentenceAt } from '../../document/document';
import { childReferences } from '../../context/children';
import { nameMentions } from '../../evidence/names';
import { schoolMentions } from '../../evidence/school';
import { boundedTerms, COLLEAGUE_ROLE_TERMS, OUTSIDE_SCHOOL_TOO, SCHOOL_CONTEXT, spellingOneOf, termsPattern } from '../../vocab';
import * as disparaging from '../../vocab/disparaging.json';
import * as sickness from '../../vocab/sickness.json';
import * as profanity from '../../vocab/profanity.json';
import { allMatches } from '../../document/matches';
import { sortInPlace } from '../../document/sort';

const INSULT = boundedTerms(disparaging.insults, 'gu');
/** "told me a joke": the insult noun is the thing told, not a verdict on anyone. */
const TOLD_BEFORE = new RegExp(`(?<![\\p{L}])(?:${termsPattern(disparaging.tellingVerbs)})(?: (?:me|us|him|her|them|you|everyone))? $`, 'u');
const SARCASM_WORDS = boundedTerms(disparaging.sarcasm.filter((t) => /\p{L}/u.test(t)), 'gu');
const SARCASM_EMOJI = new RegExp(disparaging.sarcasm.filter((t) => !/\p{L}/u.test(t)).join('|'), 'gu');
const SCHOOL_WORDS = SCHOOL_CONTEXT.withFlags('gu');
const TARGET = boundedTerms([...disparaging.targets, ...COLLEAGUE_ROLE_TERMS.filter((r) => r !== 'head')], 'gu', `year ?\\d+s?|y\\d+s?`);
/** Swearing aimed at someone, with at most one word between: "useless f*cking woman", "little sh*t", "you miserable old b*tch", "proper chavvy sl*gs", "was a complete d*ckhead". */
const AIMED_PROFANITY = new DisguisedRoots(profanity.terms, (present) =>
  wordsRegex([`(?:little|absolute|total|complete|utter|lazy|useless|nasty|proper|miserable old|old|what a|such a)\\s+(?:[\\p{L}-]+\\s+)?${alternation(present)}`, `(?:is|are) a (?:f\\S*ing )?${alternation([...present, 'sadist'])}`]),
);
const PROFANE = new DisguisedRoots(profanity.terms, (present) => wordsRegex([...present, 'ffs']));
const CONTEMPT = ['hate', 'despise', 'loathe', "can't stand", 'cannot stand', 'sick of', 'fed up with', 'tired of', 'done with', 'sick to death of'];
/** "I'm sick of SLT…", "can't stand the parents": contempt the author aims at a target a few words on. */
const CONTEMPT_FOR_TARGET = spellingOneOf(CONTEMPT, `(?<![\\p{L}])(?:i|we)(?:'m| am|'re| are)?\\s+(?:really |honestly |absolutely |so |just )?(?:${CONTEMPT.join('|')})\\s+(?:[\\p{L}']+\\s+){0,3}?(?:${termsPattern(disparaging.targets)})(?![\\p{L}])`, 'gu');
/** "who at @School thought a 4.45 Friday meeting was a good idea??": the rhetorical question as sarcasm. */
const WHO_THOUGHT = /(?<![\p{L}])who(?: on earth| in their right mind)?(?: at| in)? (?:[^.!?\n]|\.(?=\d)){0,80}?thought (?:[^.!?\n]|\.(?=\d)){0,80}?(?:was|were|is|would be) a (?:good|great|brilliant|sensible) idea/gu;
/** Scare quotes round official or upbeat words ("'valuing staff'", "'workload reduction'") said of a target. */
const SCARE_QUOTES = /(?<![\p{L}])['"][\p{L}][\p{L} -]{1,38}['"](?![\p{L}])/gu;
/** "'bad back'" in quotes is a faked illness, not sarcasm about the school. */
const QUOTED_ILLNESS = boundedTerms(sickness.illness, 'u');
/** Scare quotes can be sincere ("our 'Wellbeing Wednesday' was lovely"); these say they are not. */
const IRONY_CUE = /🙄|🙃|🤡|👏|🤔|\bbasically\b|\bat its finest\b|\bcan't wait\b|\bthey mean\b|\bapparently\b|\byeah right\b|\bwhile\b|\bmeanwhile\b|\bwhich means\b|\bdays after\b|\bas usual\b|\bof course\b|\bsomehow\b|\?\?|\bagain\b|\bthe irony\b|\bbecause nothing says\b/u;
/**
 * Irony that is weak alone but tells when two gather near a target: eye-roll and
 * clown emoji, a one-word verdict ("Lovely.", "Inspirational."), "bless him",
 * "also our head:", mock applause, capitals.
 */
const WEAK_IRONY = [
  /🙄|🙃|🤡|🤦/gu,
  /(?:^|[.!?\n]\s*)(?:lovely|great|brilliant|fab|marvellous|inspirational|genius|legend|cheers|progress|consistency|growth|perfect|classic|iconic|stellar|outstanding|right|sure|ok|okay|comedy gold|circus|shambles)[.!👍👏✨]/giu,
  /\bapparently\b|\bevery\. single\. day\b|\blovely words\b|\bhave you met\b|\bbuzzwords?\b|(?<![\p{L}])\p{L}+ mate,|\bbless (?:him|her|them)\b|\bwe(?:'re| are) (?:doomed|not daft)\b|\bsays a lot\b|\bi see you\b|\bshame (?:it's|that)\b|\bmy foot\b|\bgod help\b|\bzzz+\b|\bok(?: \w+)? 👍|\bwell done everyone\b|\bthe future is in safe hands\b|\bfor once\b/giu,
  /\balso (?:our |the )?[\p{L}@#]+(?: [\p{L}]+)?\s*:/giu,
  // Scare quotes round official or upbeat words: "'valuing staff'", "'quick word'", "'open door'".
  /['"“‘][^'"”’\n]{0,30}?\b(?:valu\w*|wellbeing|support\w*|outstanding|consult\w*|listen\w*|priorit\w*|transparen\w*|open door|vision\w*|strategic|family|quick word|popping in|learning walk|model calm|budgets? (?:are|is) tight|lucky|system)\b[^'"”’\n]{0,30}?['"”’]/giu,
  /👏\s*👏|👍\s*👍/gu,
];
/** "a f***ing joke", "absolute circus", "a complete shambles". */
const INTENSIFIED_INSULT = /(?<![\p{L}])(?:(?:a|an) )?(?:total|complete|absolute|utter|f\S*ing|bloody|right|proper) (?:joke|shambles|disgrace|farce|embarrassment|nightmare|circus|clowns?|muppets?|idiots?|mess|coven|clown show)(?![\p{L}])/gu;
/** "not lazy", "never useless": negation in front of the insult. */
const NEGATED = /(?:\bnot|\bnever|n't|\bno longer|\bhardly)\s+(?:\w+\s+)?$/u;
/** In capitals, "AGAIN" and "STILL" are exasperation. */
const EXASPERATION = /(?<![\p{L}])(?:AGAIN|STILL|THIRD|ONE more time)(?![\p{L}])/gu;

/** Where the post names a target: the school, a named person, a child, or a word for the school's people. */
function targetsOf(ctx: CheckContext): number[] {
  const { doc } = ctx;
  const targets: number[] = [];
  for (const m of schoolMentions(ctx)) targets.push(m.start);
  for (const m of nameMentions(ctx)) targets.push(m.start);
  for (const r of childReferences(ctx)) targets.push(r.start);
  const named = targets.length;
  const words = allMatches(TARGET, doc.lower);
  let plain = 0;
  for (const m of words) {
    if (OUTSIDE_SCHOOL_TOO.has(m[0])) continue;
    targets.push(m.index);
    plain++;
  }
  // "the cook", "the board", "management" name the school's people only in a post set in school.
  const shared = words.length - plain;
  const inSchool = named > 0 || plain > 0 || (shared > 0 && allMatches(SCHOOL_WORDS, doc.lower).some((m) => !OUTSIDE_SCHOOL_TOO.has(m[0])));
  if (inSchool) for (const m of words) if (OUTSIDE_SCHOOL_TOO.has(m[0])) targets.push(m.index);
  return targets;
}

export const disparagingRemark: Detector = {
  meta: {
    id: 'disparaging-remark',
    category: 'disparaging',
    defaultSeverity: 'warn',
    description: 'Negative, mocking or sarcastic remarks about the school, its leaders, colleagues, governors, pupils or parents.',
    cites: 'the clause on criticising the school or bringing it into disrepute',
  },
  messages: { remark: 'This reads as a negative comment about the school or people in its community.' },
  check(ctx) {
    const { doc } = ctx;
    const targets = memoize(ctx, 'disparaging-targets', targetsOf);
    if (targets.length === 0) return [];
    const sentenceOf = (offset: number) => sentenceAt(doc, offset);
    const targetSentences = new Set(targets.map(sentenceOf));
    const near = (offset: number, reach: number) => {
      const s = sentenceOf(offset);
      for (let d = -reach; d <= reach; d++) if (targetSentences.has(s + d)) return true;
      return false;
    };
    const hits: [number, number][] = [];
    for (const m of allMatches(INSULT, doc.lower)) {
      const before = doc.lower.slice(Math.max(0, m.index - 20), m.index);
      if (NEGATED.test(before.slice(-16)) || TOLD_BEFORE.test(before)) continue;
      if (near(m.index, 2)) hits.push([m.index, m.index + m[0].length]);
    }
    for (const m of allMatches(CONTEMPT_FOR_TARGET, doc.lower)) hits.push([m.index, m.index + m[0].length]);
    for (const m of allMatches(INTENSIFIED_INSULT, doc.lower)) if (near(m.index, 2)) hits.push([m.index, m.index + m[0].length]);
    for (const m of allMatches(WHO_THOUGHT, doc.lower)) if (near(m.index, 0)) hits.push([m.index, m.index + m[0].length]);
    // Irony is looked for once per sentence, however many quotes it holds.
    const ironyBySentence = new Map<number, boolean>();
    const ironyAround = (sentence: number) => {
      let found = ironyBySentence.get(sentence);
      if (found === undefined) {
        const s = doc.sentences[sentence]!;
        const next = doc.sentences[sentence + 1];
        const around = doc.original.slice(doc.span(s.start, s.end).start, doc.span(next?.start ?? s.start, next?.end ?? s.end).end).toLowerCase();
        ironyBySentence.set(sentence, (found = IRONY_CUE.test(around)));
      }
      return found;
    };
    for (const m of allMatches(SCARE_QUOTES, doc.lower)) {
      if (near(m.index, 0) && !QUOTED_ILLNESS.test(m[0]) && ironyAround(sentenceOf(m.index))) hits.push([m.index, m.index + m[0].length]);
    }
    for (const re of [SARCASM_WORDS, SARCASM_EMOJI, AIMED_PROFANITY.regexFor(doc.lower)]) {
      for (const m of allMatches(re, doc.lower)) if (near(m.index, 1)) hits.push([m.index, m.index + m[0].length]);
    }
    // Exasperation at a target, with swearing somewhere in the post: "governors' meeting overran AGAIN… FFS."
    if (PROFANE.regexFor(doc.lower).test(doc.lower)) {
      for (const m of allMatches(EXASPERATION, doc.text)) if (near(m.index, 0)) hits.push([m.index, m.index + m[0].length]);
    }
    if (hits.length === 0) {
      // Two weak signs of irony near a target add up to a disparaging remark; a short post is one context.
      const reach = doc.text.length <= 320 ? doc.sentences.length : 2;
      const weak: [number, number][] = [];
      for (const re of WEAK_IRONY) {
        for (const m of allMatches(re, doc.text)) if (near(m.index, reach)) weak.push([m.index, m.index + m[0].length]);
      }
      if (weak.length >= 2) hits.push(sortInPlace(weak, (a, b) => a[0] - b[0])[0]!);
    }
    return hits.length ? [{ spans: [sortInPlace(hits, (a, b) => a[0] - b[0])[0]!], messageId: 'remark' }] : [];
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'Central Line is a joke tonight',
    'A boy in my Year 2 class told me a joke today and I laughed all the way home',
    'The oars were useless as propellers, performing now the office of life-preservers.',
    'Government employees are screened to spot spies, but the testing is useless, says an influential panel of scientists',
    "It's an awful question, cook. Now what's your answer?",
    'Whoever is running the DfE has lost the plot',
    'Our head is not lazy, she works harder than anyone',
    'Huge congratulations to our SENCo on her award',
    'I hate Mondays, send coffee',
    "Our head's 'open door' Friday is a lovely idea, come along",
  ],
  invalid: [
    'Some of the mams at our gate are proper chavvy sl*gs',
    { text: 'Another INSET day where SLT read a PowerPoint at us. Truly inspirational leadership 🙄', excerpt: 'Truly inspirational' },
    { text: 'Derek the caretaker has not fixed my radiator in six weeks. Lazy so-and-so.', excerpt: 'Lazy' },
    { text: 'That supply teacher was a complete d*ckhead to my class today', excerpt: 'complete d*ckhead' },
    { text: "Not ONE class as bad as this year's Year 8s....rude, lazy little sh*ts and proud of it!!!", excerpt: 'rude' },
    { text: 'Year 5 were absolutely feral after wet play', excerpt: 'feral' },
    { text: 'Some parents need a reality check', excerpt: 'need a reality check' },
    { text: 'Management are useless. Third set of marking deadlines this term.', excerpt: 'useless' },
    { text: "I'm so sick of the trust moving the goalposts", excerpt: "I'm so sick of the trust" },
    { text: 'Who at the trust thought a staff meeting at 4.45 on a Friday was a good idea??', excerpt: 'Who at the trust thought a staff meeting at 4.45 on a Friday was a good idea' },
    { text: "Loving our head's 'open door' policy, which means the door is shut", excerpt: "'open door'" },
    { text: 'our head: "we don\'t have a workload problem". also our head: sends 14 emails after 10pm. ok Hilary 👍', excerpt: 'also our head:' },
  ],
};
