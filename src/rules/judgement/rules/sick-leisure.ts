import type { Detector } from '../../detector';
import { mentionEndingWithin } from '../../evidence/names';
import { bounded, termsPattern } from '../../vocab';
import * as sickness from '../../vocab/sickness.json';
import { allMatches } from '../../document/matches';

const ABSENCE = bounded(`${termsPattern(sickness.absence)}|not (?:at|in) (?:work|school)|not (?:at|in) \\p{L}+(?: \\p{L}+){0,3} today|day off|off 'poorly'`, 'gu');
const ILLNESS = termsPattern(sickness.illness);
/** "told Denise I had a migraine", "Texted Bryony in the exams office that I've got…" */
const TOLD_ILL = new RegExp(`(?<![\\p{L}])(?:told|texted|rang|phoned|called|messaged|emailed)\\s+(?:[\\p{L}'-]+\\s+){0,6}?(?:that\\s+)?i(?:'d|'ve|'m| had| have| was| am)?\\s+(?:got\\s+|had\\s+|been\\s+)?(?:a\\s+|an\\s+|the\\s+)?(?:${ILLNESS})(?![\\p{L}])`, 'gu');
/** An illness in quotes is an illness the author does not mean: "'migraine' day", "called in with 'food poisoning'". */
const QUOTED_ILLNESS = new RegExp(`['"](?:got |have |with |had )?(?:a |an |the )?(?:${ILLNESS}|sick)(?: bug| day)?['"]`, 'gu');
const LEISURE = bounded(termsPattern(sickness.leisure.filter((t) => /\p{L}/u.test(t))), 'gu');
const LEISURE_EMOJI = new RegExp(sickness.leisure.filter((t) => !/\p{L}/u.test(t)).join('|'), 'gu');
/** "am actually at Lord's", "went to the Arsenal", "took the kids to Beamish": the author is out somewhere, not in bed. */
const OUT_SOMEWHERE = /(?<![\p{L}])(?:i'm|i am|we're|am|now|currently|actually|instead|off to|heading to|went to|going to|go to|took the kids to|here|sat|sitting|queuing|queueing|halfway up|up|down)\b(?:\s+[\p{L}'’]+){0,4}?\s+(?:at|to|in|on|up) (?:the )?\p{Lu}[\p{L}'’]+/giu;
const FAKING = bounded(termsPattern(sickness.faking.filter((t) => /\p{L}/u.test(t))), 'gu');
const FAKING_EMOJI = new RegExp(sickness.faking.filter((t) => !/\p{L}/u.test(t)).join('|'), 'u');
/** Boasts that are enough on their own. */
const SICKIE = /(?<![\p{L}])(?:#?sickie|skiving|pulled a sickie|duvet day|throw(?:ing)? a sickie)(?![\p{L}])/gu;
/** Sickness of someone else ("Hollie's been signed off") is confidential, not this rule. */
const THIRD_PERSON = /\b(?:she|he|they|who|who's|whos|she's|he's)\b[^.!?\n]*$/u;

export const sickLeisure: Detector = {
  meta: {
    id: 'sick-leisure',
    category: 'sickness',
    defaultSeverity: 'warn',
    description: 'Claims sickness absence alongside leisure, travel, sport or a night out, or boasts of faking illness.',
    cites: 'the clause on conduct and honesty about absence',
  },
  messages: {
    sickLeisure: 'This says you are off sick and, in the same post, out doing something else.',
    faking: 'This says you pretended to be ill to miss work.',
  },
  check(ctx) {
    const { doc } = ctx;
    const { lower, text } = doc;
    const absences: [number, number][] = [];
    // "Stacey Featherstone rang in sick…", "Dr Siddiqui's been signed off": someone else's absence.
    const namedJustBefore = (start: number) => mentionEndingWithin(ctx, start, 24, (m) => !/[.!?\n]/u.test(lower.slice(m.end, start)));
    let othersAbsences = 0;
    for (const m of allMatches(ABSENCE, lower)) {
      if (THIRD_PERSON.test(lower.slice(Math.max(0, m.index - 60), m.index)) || namedJustBefore(m.index)) othersAbsences++;
      else absences.push([m.index, m.index + m[0].length]);
    }
    for (const m of allMatches(TOLD_ILL, lower)) absences.push([m.index, m.index + m[0].length]);
    const someoneElsesAbsence = absences.length === 0 && othersAbsences > 0;
    const quoted = allMatches(QUOTED_ILLNESS, lower).map((m): [number, number] => [m.index, m.index + m[0].length]);
    const sickie = allMatches(SICKIE, lower).map((m): [number, number] => [m.index, m.index + m[0].length]);
    const leisure = [...allMatches(LEISURE, lower), ...allMatches(OUT_SOMEWHERE, text)].map((m): [number, number] => [m.index, m.index + m[0].length]);
    const leisureEmoji = LEISURE_EMOJI.test(doc.original);
    LEISURE_EMOJI.lastIndex = 0;
    const faking = FAKING_EMOJI.test(doc.original) || FAKING.test(lower);
    FAKING.lastIndex = 0;
    if (someoneElsesAbsence) return [];
    const claim = absences[0] ?? quoted[0];
    if (claim && (leisure.length > 0 || leisureEmoji) && (absences.length > 0 || faking || quoted.length > 0)) {
      const after = leisure.find(([s]) => s > claim[0]) ?? leisure[0];
      return [{ spans: after ? [claim, after] : [claim], messageId: 'sickLeisure' }];
    }
    if (sickie[0]) return [{ spans: [sickie[0]], messageId: 'faking' }];
    if (claim && quoted.length > 0 && faking) return [{ spans: [claim], messageId: 'faking' }];
    return [];
  },
  examples: {
    valid: [
      'Off sick with the flu. In bed with Lemsip and a hot water bottle',
      'Sick goal from the new signing last night',
      'So sick of marking already',
      'Worried sick about the inspection',
      'Thinking of Hollie who has been signed off for six weeks after her operation',
    ],
    invalid: [
      { text: 'Rang in sick 😷🤫 Wembley here we come!!', excerpt: 'Rang in sick' },
      { text: 'Pulled a sickie to watch the Test at the Rose Bowl', excerpt: 'Pulled a sickie' },
      { text: "Told Janice I'd got D&V, currently 3 pints deep at the Stadium of Light", excerpt: "Told Janice I'd got D&V" },
      { text: "Called in with 'a migraine' 🤫 Wimbledon queue", excerpt: "Called in with" },
      { text: 'Duvet day (work thinks it is flu)', excerpt: 'Duvet day' },
    ],
  },
};
