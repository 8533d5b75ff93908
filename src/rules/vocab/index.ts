// Each file by namespace, read field by field: the bundler then leaves out what the engine never
// reads (each file's note and source, issue 10). The whole files are in ./files.ts.
import * as colleagueRoles from './colleague-roles.json';
import * as commonSurnames from './common-surnames.json';
import * as family from './family.json';
import * as outsideSchoolToo from './outside-school-too.json';
import * as schoolContext from './school-context.json';
import * as wordNames from './word-names.json';
import { boundedTerms } from './gated-regexp';

export { bounded, boundedTerms, holdingTerms, spellingOneOf, termsPattern } from './gated-regexp';

export const WORD_NAMES = new Set(wordNames.terms);
/** What follows a name that is also a word, opening a sentence as the word: "Hope you…", "Will we…". */
export const WORD_NAME_AS_WORD_BEFORE = new Set(wordNames.wordsAfter);
export const FAMILY_WORDS = new Set(family.terms);
/** School words that also name people or things outside school (the cook, a form, the board): alone they place nothing in school. */
export const OUTSIDE_SCHOOL_TOO = new Set(outsideSchoolToo.terms);
/** What follows "the" in those that start with it: "head" for "the head". Asked of a bare word without building "the " + word. */
export const OUTSIDE_SCHOOL_TOO_AFTER_THE = new Set(outsideSchoolToo.terms.filter((t) => t.startsWith('the ')).map((t) => t.slice('the '.length)));
export const COMMON_SURNAMES = new Set(commonSurnames.terms);

export const COLLEAGUE_ROLE = boundedTerms(colleagueRoles.terms);
export const COLLEAGUE_ROLE_TERMS = colleagueRoles.terms;
/** A colleague by role, or colleagues by a role in the plural ("half the TAs"): who a remark is about. */
export const COLLEAGUE_ROLE_OR_GROUP = boundedTerms([...colleagueRoles.terms, ...colleagueRoles.groups], 'gu');
/** "school", but not in an idiom that says nothing of a school ("on a school night"): the words that may not follow it. */
const SCHOOL_NOT_BEFORE = schoolContext.notSchool.filter((p) => p.startsWith('school ')).map((p) => p.slice('school '.length).replace(/ /g, '\\s+'));
/** …nor after the words that make it an idiom ("old-school"). */
const SCHOOL_NOT_AFTER = schoolContext.notSchool.filter((p) => p.endsWith('-school')).map((p) => `(?<!${p.slice(0, -'school'.length)})`).join('');
export const SCHOOL_CONTEXT = boundedTerms(
  schoolContext.terms.filter((t) => t !== 'school'),
  'u',
  `${SCHOOL_NOT_AFTER}school(?!\\s+(?:${SCHOOL_NOT_BEFORE.join('|')})(?![\\p{L}]))|(?:year\\s?\\d{1,2}|y\\d{1,2}|yr\\s?\\d{1,2})s?|class\\s?\\d|ks[1-5]|reception|nursery class|sixth form(?:ers?)?|year\\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven)`,
);
/** The bodies and routines around a school (the local authority, an annual review): a sign of school life with a life outside it too. */
export const AROUND_SCHOOL = boundedTerms(schoolContext.aroundSchool, 'gu');
