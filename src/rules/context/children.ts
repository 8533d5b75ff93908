import { memoize, type CheckContext } from '../detector';
import { nameMentions } from '../evidence/names';
import { schoolMentions } from '../evidence/school';
import { SCHOOL_CONTEXT, spellingOneOf } from '../vocab';
import { allMatches } from '../document/matches';
import { sortInPlace } from '../document/sort';

/**
 * Where a post refers to a child of the school: a named pupil, or a pupil
 * described ("one of my Year 9s", "a Year 5 boy", "my class", "the kid who").
 */
const UNNAMED_CHILD = wholeWords([
    String.raw`one of (?:my|our|the) (?:(?:quietest|youngest|oldest|new) )?(?:year ?\d+s?|y\d+s?|yr ?\d+s?|class|pupils|students|kids|boys|girls|sixth formers|lot|reception)`,
    String.raw`(?:my|our) (?:whole )?(?:class|year ?\d+s?|y\d+s?|pupils|students|form|tutor group|sixth formers|reception|year ?\d+ (?:lot|class|pupils))`,
    String.raw`(?:some|half|most|all|none|both|several|a few|a couple|two|three|four|five|six|\d+) of (?:the kids|(?:my|our|the) (?:class|kids|lot|pupils|students|boys|girls|year ?\d+s?|y\d+s?|sixth formers))`,
    String.raw`(?:a|one|this|that|the) (?:year ?\d+|y\d+|yr ?\d+|reception) (?:boy|girl|pupil|student|child|kid)`,
    String.raw`\b(?:year|y|yr) ?\d{1,2}s?\b(?: at [\p{L} ]+)?(?: [\p{L}]+){0,3}? (?:were|was|are|have|absolutely|smashed|on fire|did|sang|made|loved|decided)`,
    String.raw`one of (?:mine|ours)`,
    String.raw`one of (?:my|our) (?:[\p{L}]+ ){0,2}(?:lads|girls|boys|kids|pupils|students|little ones)`,
    String.raw`(?<![\p{L}\p{N}])\d{1,2}[a-z]\d? (?:were|was|are|decided|have|did)`,
    // A form group ("in 7K", "my 10B2"), not an ordinal or a unit ("my 11yo", "in 2hr", "from 10am").
    String.raw`(?:in|from|my|our) \d{1,2}(?!(?:st|nd|rd|th|yo|yr|hr|am|pm|km|kg|lb|mm|cm|ml|ft|mo|wk|oz)(?![\p{L}\p{N}]))[a-z]{1,2}\d?(?![\p{L}\p{N}])`,
    String.raw`\bclass \d\b`,
    String.raw`(?:a|one|this|that|the) (?:child|kid) (?:in|from) (?:my|our|year|y\d|class|reception)`,
    String.raw`the kids in my class`,
    String.raw`(?:a|one|this|that) (?:little |young )?(?:boy|girl|child|pupil|student|kid|lad|lass) (?:in|from) (?:my|our|year|y\d|reception|class|the class|form)`,
    String.raw`(?:my|our) (?:reception|nursery) (?:class|kids|children)`,
    String.raw`(?:my|our) (?:tutees|tutor group|form group|set \d|top set|bottom set|gcse class|a-level class|year ?\d+ class|y\d+ class)`,
    String.raw`the (?:boys|girls|kids|children) in (?:my|our|year|y\d)`,
    String.raw`(?:a|one) (?:student|pupil) (?:who|in|from|today|just)`,
    String.raw`one little (?:boy|girl|lad|one)`,
    String.raw`(?<![\p{L}])[\p{L}]{1,40}'s finest`,
    String.raw`sixth formers?`,
]);

/**
 * A young person described by age or family ("a 6-year-old boy", "the young man
 * next door", "your son"): a child of the school only in a post about school. Every match spells
 * one of the words listed first, so a post with none of them never compiles the pattern.
 */
const AGE_OR_FAMILY_CHILD = spellingOneOf(['kid', 'lad', 'lass', 'little', 'your', 'old', 'young', 'boy', 'girl', 'son', 'daughter'], wholeWordsSource([
    String.raw`(?:one|another|a) (?:kid|lad|lass)\b`,
    String.raw`(?:our|my) little (?:lad|boy|girl|one)s?\b`,
    String.raw`your (?:precious |little )?(?:angel|darling|little darling)s?\b`,
    String.raw`(?:a|one|this|that|the) (?:[\p{L}]+ ){0,2}(?:\d+[ -]?year[ -]?old|young man|young lady|lad|boy|girl)\b`,
    String.raw`\bkid(?:'s)? (?:called|who|told|will|asked)`,
    String.raw`(?:her|his|your|their) (?:son|daughter|lad)\b`,
]), 'gu');

function wholeWords(alternatives: string[]): RegExp {
  return new RegExp(wholeWordsSource(alternatives), 'gu');
}

function wholeWordsSource(alternatives: string[]): string {
  // Whole words: "my class" is not in "my classroom".
  return `(?<![\\p{L}\\p{N}])(?:${alternatives.map((a) => `(?:${a})`).join('|')})(?![\\p{L}\\p{N}])`;
}

export interface ChildReference {
  start: number;
  end: number;
  named: boolean;
  /** A year group alone ("Year 4 locked me out"): a child only if it is doing something, not for word lists. */
  subjectOnly?: boolean;
}

/** "Year 4", "Y6", "my Year 9s", "Set 4", "bottom set" at the head of a clause may be the children acting. */
const YEAR_GROUP_SUBJECT = /(?<![\p{L}\p{N}])(?:(?:year ?\d{1,2}|y\d{1,2}|yr ?\d{1,2})s?|(?:set \d|top set|bottom set))(?![\p{L}\p{N}])/gu;
const OWN_BEFORE = /(?:my|our) own\s+$/u;

export function childReferences(ctx: CheckContext): ChildReference[] {
  return memoize(ctx, 'children', childReferencesOf);
}

function childReferencesOf(ctx: CheckContext): ChildReference[] {
  const refs: ChildReference[] = nameMentions(ctx)
    .filter((m) => m.person.kind === 'pupil')
    .map((m) => ({ start: m.start, end: m.end, named: true }));
  for (const m of allMatches(UNNAMED_CHILD, ctx.doc.lower)) refs.push({ start: m.index, end: m.index + m[0].length, named: false });
  if (refs.length > 0 || SCHOOL_CONTEXT.test(ctx.doc.lower) || schoolMentions(ctx).length > 0) {
    for (const m of allMatches(AGE_OR_FAMILY_CHILD, ctx.doc.lower)) refs.push({ start: m.index, end: m.index + m[0].length, named: false });
  }
  // One pass marks what the references cover, so a year group is looked up in O(1): asking every
  // reference about every year group was quadratic on "Year 9 Year 9 …". Year groups found here
  // never overlap one another, so only the references above can cover one.
  const covered = new Uint8Array(ctx.doc.lower.length);
  for (const r of refs) covered.fill(1, r.start, r.end);
  for (const m of allMatches(YEAR_GROUP_SUBJECT, ctx.doc.lower)) {
    // "my own Year 8": the author's child, in that year at some school.
    if (OWN_BEFORE.test(ctx.doc.lower.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (!covered[m.index]) refs.push({ start: m.index, end: m.index + m[0].length, named: false, subjectOnly: true });
  }
  return sortInPlace(refs, (a, b) => a.start - b.start);
}
