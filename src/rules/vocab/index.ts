import * as z from 'zod/mini';
import babyhood from './babyhood.json';
import childComment from './child-comment.json';
import colleagueRoles from './colleague-roles.json';
import commonSurnames from './common-surnames.json';
import confidential from './confidential.json';
import disparaging from './disparaging.json';
import family from './family.json';
import mailRobots from './mail-robots.json';
import outsideSchoolToo from './outside-school-too.json';
import personCues from './person-cues.json';
import privateLife from './private-life.json';
import profanity from './profanity.json';
import schoolContext from './school-context.json';
import sexual from './sexual.json';
import sickness from './sickness.json';
import stance from './stance.json';
import subjects from './subjects.json';
import slurs from './slurs.json';
import threats from './threats.json';
import wordNames from './word-names.json';

/**
 * Vocabulary is data: each file says what it is for and where it comes from,
 * and a test checks every file against this schema, sorted and deduplicated.
 */
export const VocabFileSchema = z.catchall(
  z.strictObject({ note: z.string().check(z.minLength(1)), source: z.string().check(z.minLength(1)) }),
  z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
);

export const VOCAB_FILES: Record<string, unknown> = {
  babyhood,
  childComment,
  colleagueRoles,
  commonSurnames,
  confidential,
  disparaging,
  family,
  mailRobots,
  outsideSchoolToo,
  personCues,
  privateLife,
  profanity,
  schoolContext,
  sexual,
  sickness,
  slurs,
  stance,
  subjects,
  threats,
  wordNames,
};

export const WORD_NAMES = new Set(wordNames.terms);
export const FAMILY_WORDS = new Set(family.terms);
/** School words that also name people or things outside school (the cook, a form, the board): alone they place nothing in school. */
export const OUTSIDE_SCHOOL_TOO = new Set(outsideSchoolToo.terms);
export const COMMON_SURNAMES = new Set(commonSurnames.terms);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word-bounded alternation over lower-case text; longest first. */
export function termsPattern(terms: readonly string[]): string {
  return [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => escape(t).replace(/\\?'/g, "'?").replace(/ /g, '[\\s-]+'))
    .join('|');
}

/** Whole words only: not inside another word, and not "won" in "won't". */
export const bounded = (pattern: string, flags = 'u') => new RegExp(`(?<![\\p{L}\\p{N}]|\\p{L}')(?:${pattern})(?![\\p{L}\\p{N}]|'(?!s(?!\\p{L}))\\p{L})`, flags);

export const COLLEAGUE_ROLE = bounded(termsPattern(colleagueRoles.terms));
export const COLLEAGUE_ROLE_TERMS = colleagueRoles.terms;
export const SCHOOL_CONTEXT = bounded(`${termsPattern(schoolContext.terms)}|year\\s?\\d{1,2}|y\\d{1,2}|yr\\s?\\d{1,2}|class\\s?\\d|ks[1-5]|reception|nursery class|sixth form(?:ers?)?|year\\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven)`);
