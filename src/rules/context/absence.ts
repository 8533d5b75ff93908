import { memoize, type CheckContext } from '../detector';
import { allMatches } from '../document/matches';
import { mentionEndingWithin } from '../evidence/names';
import { boundedTerms, holdingTerms, spellingOneOf, termsPattern } from '../vocab';
import { sentenceStances } from './stance';
import * as functionWords from '../vocab/function-words.json';
import * as sickness from '../vocab/sickness.json';

/**
 * Whether the author says they are off sick, or claims an illness they seem not to mean: the
 * subject of the sickness judgement, found once per post for the rule (judgement/rules/sick-leisure)
 * and for the gate before the learned judgement (judgement/index). Someone else's absence
 * ("Hollie's been signed off") is a confidential matter, not this.
 */
export interface AbsenceClaim {
  /** The author's own absence: "rang in sick", "told Denise I had a migraine". */
  absences: [number, number][];
  /** An illness in scare quotes, which the author does not mean: "'migraine' day". */
  quoted: [number, number][];
  /** A boast that is enough on its own: "pulled a sickie". */
  sickie: [number, number][];
  /** Absences of someone else, named or pronoun, just before the absence words. */
  othersAbsences: number;
  /** An illness word anywhere: the post may be about being ill, though it claims no absence. */
  illness: boolean;
  /**
   * Where the author is out doing something else: leisure words (not negated, "no gym") and "off to <Place>".
   * Read only in a post with a claim or an illness in it (empty otherwise): nothing asks for it without one.
   */
  leisure: [number, number][];
  leisureEmoji: boolean;
  /** A wink at the reader: "don't tell the head", "miracle recovery", 🤫. Read as `leisure` is. */
  faking: boolean;
}

/**
 * Whether the post says anything against the illness it claims: leisure, a wink, an excuse in quotes,
 * a boast, or a cheerful sentence. "Off sick with flu, staying in bed 🤒" has none of these, and
 * genuine illness is never the judgement's to flag.
 */
export function claimContradicted(ctx: CheckContext, claim: AbsenceClaim): boolean {
  return claim.leisure.length > 0 || claim.leisureEmoji || claim.faking || claim.quoted.length > 0 || claim.sickie.length > 0 || sentenceStances(ctx).some((s) => s.valence >= 2);
}

const ILLNESS = termsPattern(sickness.illness);
const ABSENCE = boundedTerms(
  sickness.absence,
  'gu',
  `not (?:at|in) (?:work|school)|not (?:at|in) \\p{L}+(?: \\p{L}+){0,3} today|off 'poorly'|off (?:work |school )?with (?:a |an |the |my )?['"‘]?(?:${ILLNESS})|off (?:work |school )?with (?:my|a bad|a dodgy|a sore) ['"‘]?(?:${termsPattern(sickness.bodyParts)})(?![\\p{L}])`,
  ['not', 'off'],
);
const ANY_ILLNESS = boundedTerms(sickness.illness, 'u');
const TOLD = ['told', 'tell', 'texted', 'rang', 'phoned', 'called', 'messaged', 'emailed', 'said', 'thinks', 'think'];
/** Claimed or put on: "claiming a bad back", "faked a cough on the phone". */
const CLAIMING = ['claiming', 'citing', 'blaming', 'pleading', 'faked', 'faking', 'feigned', 'feigning'];
/** An illness as told or claimed: "a migraine", "my bad back", "'flu'". */
const AN_ILLNESS = `(?:a\\s+|an\\s+|the\\s+|my\\s+)?(?:\\p{L}+\\s+)?['"]?(?:${ILLNESS})`;
/**
 * "told Denise I had a migraine", "Texted Bryony in the exams office that I've got…", "claiming a bad back", "when you
 * tell work you've got tonsillitis" (the author as anyone), "told them my back had gone", "think ive got norovirus"
 * (typed without the apostrophe).
 */
const TOLD_ILL = spellingOneOf(
  [...TOLD, ...CLAIMING],
  `(?<![\\p{L}])(?:(?:${TOLD.join('|')})\\s+(?:[\\p{L}'-]+\\s+){0,6}?(?:that\\s+)?(?:(?:ive|im|id|(?:i|you)(?:'d|'ve|'m|'re| had| have| was| am| are)?)\\s+(?:got\\s+|had\\s+|been\\s+)?${AN_ILLNESS}|my (?:${termsPattern(sickness.bodyParts)})(?:'s| had| has)? (?:gone|went))|(?:${CLAIMING.join('|')})\\s+${AN_ILLNESS})(?![\\p{L}])`,
  'gu',
);
/** An illness in quotes is an illness the author does not mean: "'migraine' day", "called in with 'food poisoning'", "'with the bug that's going round'". */
const QUOTED_ILLNESS = holdingTerms(sickness.illness, ['sick'], `['"‘“](?:got |have |with |had |off with |a bit of )?(?:a |an |the |my )?(?:${ILLNESS}|sick)(?: bug| day)?(?: [\\p{L}'’-]+){0,4}?['"’”]`, 'gu');
/** A short phrase in quotes that names an ailment: "'back pain'", "'dental emergency'", "off 'with my back'", "off with my 'back'". */
const QUOTED_AILMENT = holdingTerms(
  sickness.ailments,
  sickness.bodyParts,
  `(?<!\\p{L})['"‘“](?:[\\p{L}'-]+ ){0,3}?(?:(?:${termsPattern(sickness.ailments)})|(?:my|bad|sore|dodgy|poorly|twisted|pulled) (?:${termsPattern(sickness.bodyParts)}))(?: [\\p{L}'-]+){0,2}['"’”](?!\\p{L})|(?<!\\p{L})(?:my|bad|sore|dodgy|poorly|twisted|pulled) ['"‘“](?:${termsPattern(sickness.bodyParts)})['"’”](?!\\p{L})`,
  'gu',
);
const SICKIE = boundedTerms(sickness.sickie, 'gu');
const LEISURE = boundedTerms([...sickness.leisure.filter((t) => /\p{L}/u.test(t)), ...sickness.holidayPlaces], 'gu');
const LEISURE_EMOJI = new RegExp(sickness.leisure.filter((t) => !/\p{L}/u.test(t)).join('|'), 'u');
/** What follows "in", "at" or "on" in OUT_SOMEWHERE is somewhere out ("in weymouth", "at the O2"), not "in my head" or "in bed". */
const NOT_OUT = [...functionWords.terms, ...sickness.atHome];
/** "am actually at Lord's", "went to the Arsenal", "took the kids to Beamish", "here's me at the Etihad": the author is out somewhere, not in bed. */
const OUT_SOMEWHERE = new RegExp(
  `(?<![\\p{L}])(?:i'm|i am|we're|am|now|currently|actually|instead|off to|heading to|went to|going to|go to|took the kids to|away|here['’]?s me|here|sat|sitting|queuing|queueing|halfway up|up|down)\\b(?:\\s+[\\p{L}'’]+){0,4}?\\s+(?:at|to|in|on|up) (?:the )?(?!(?:${termsPattern(NOT_OUT)})(?![\\p{L}]))[\\p{L}\\p{N}][\\p{L}\\p{N}'’:]*`,
  'giu',
);
const FAKING = boundedTerms(sickness.faking.filter((t) => /\p{L}/u.test(t)), 'u');
const FAKING_EMOJI = new RegExp(sickness.faking.filter((t) => !/\p{L}/u.test(t)).join('|'), 'u');
/** Sickness of someone else: a third-person subject earlier in the same sentence (not "who else is…?", which asks to join the author), or a third-person verb right before ("Year 4's teacher is off with", "Dave's off sick")… */
const THIRD_PERSON = /\b(?:she|he|they|who(?! else)|who's|whos|she's|he's)\b[^.!?\n]*$|(?:\bis|\bisn't|\bhas been|\bhasn't been|'s been|(?<!\b(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day|\btomorrow)'s)\s+$/u;
/** …or, for an excuse in quotes, a third person in the sentence that follows it ("'Tonsillitis' apparently. Saw her at…"). */
const THIRD_PERSON_AFTER = /^[^\n]{0,80}?\b(?:she|he|her|him|his|she's|he's)\b/u;
const NEGATED = /\b(?:not|no|never|without)\s+(?:a\s+)?$/u;
const sentenceBefore = (lower: string, at: number) => lower.slice(Math.max(0, at - 60), at);
/** "not skiving", "no gym": the words right before `at` deny it. */
const deniedAt = (lower: string, at: number) => NEGATED.test(lower.slice(Math.max(0, at - 12), at));
const spanOf = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];
/** Reported, not claimed: "off with 'stress' apparently", "signed off, according to the office". */
const HEARSAY = /^[^.!?\n]{0,40}?\b(?:apparently|allegedly|supposedly|according to (?!work|school)|so i'm told|so i hear)\b/u;
/** …or said before it, of someone other than the author: "Apparently 'stress' covers a week in Marbella" (not "apparently I'm 'poorly'"). */
const HEARSAY_BEFORE = /\b(?:apparently|allegedly|supposedly)\b(?![^.!?\n]*\b(?:i|i'm|i've|i'd|me|my)\b)[^.!?\n]{0,30}$/u;
/** The rest of this sentence, or (next) the sentence after it. */
const sentenceAfter = (lower: string, at: number, next: boolean) => (next ? lower.slice(at, at + 120).replace(/^[^.!?\n]*[.!?]+\s*/u, '') : lower.slice(at, at + 60));

export function absenceClaim(ctx: CheckContext): AbsenceClaim {
  return memoize(ctx, 'absence-claim', readAbsenceClaim);
}

function readAbsenceClaim(ctx: CheckContext): AbsenceClaim {
  const { lower } = ctx.doc;
  const absences: [number, number][] = [];
  // "Stacey Featherstone rang in sick…", "Dr Siddiqui's been signed off": someone else's absence.
  const namedJustBefore = (start: number) => mentionEndingWithin(ctx, start, 24, (m) => !/[.!?\n]/u.test(lower.slice(m.end, start)));
  let othersAbsences = 0;
  for (const m of allMatches(ABSENCE, lower)) {
    if (THIRD_PERSON.test(sentenceBefore(lower, m.index)) || namedJustBefore(m.index) || HEARSAY.test(sentenceAfter(lower, m.index, false))) othersAbsences++;
    else absences.push(spanOf(m));
  }
  for (const m of allMatches(TOLD_ILL, lower)) if (!THIRD_PERSON.test(sentenceBefore(lower, m.index))) absences.push(spanOf(m));
  absences.sort((a, b) => a[0] - b[0]);
  // "Jolene rang in with 'a migraine'", "Off with 'stress' apparently… saw her in Asda": someone else's excuse.
  const quotedIllness = allMatches(QUOTED_ILLNESS, lower);
  const quotedAilment = allMatches(QUOTED_AILMENT, lower).filter((m) => !quotedIllness.some((q) => q.index < m.index + m[0].length && m.index < q.index + q[0].length));
  const quoted = [...quotedIllness, ...quotedAilment]
    .filter((m) => !THIRD_PERSON.test(sentenceBefore(lower, m.index)) && !HEARSAY_BEFORE.test(sentenceBefore(lower, m.index)) && !namedJustBefore(m.index) && !HEARSAY.test(sentenceAfter(lower, m.index + m[0].length, false)) && !THIRD_PERSON_AFTER.test(sentenceAfter(lower, m.index + m[0].length, true)))
    .map(spanOf);
  const sickie = allMatches(SICKIE, lower).filter((m) => !deniedAt(lower, m.index)).map(spanOf);
  const illness = ANY_ILLNESS.test(lower);
  if (absences.length === 0 && quoted.length === 0 && sickie.length === 0 && !illness) {
    return { absences, quoted, sickie, othersAbsences, illness, leisure: [], leisureEmoji: false, faking: false };
  }
  const leisure = [...allMatches(LEISURE, lower), ...allMatches(OUT_SOMEWHERE, ctx.doc.text)].filter((m) => !deniedAt(lower, m.index)).map(spanOf);
  const leisureEmoji = LEISURE_EMOJI.test(ctx.doc.original);
  const faking = FAKING_EMOJI.test(ctx.doc.original) || FAKING.test(lower);
  return { absences, quoted, sickie, othersAbsences, illness, leisure, leisureEmoji, faking };
}
