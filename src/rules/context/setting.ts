import { memoize, type CheckContext } from '../detector';
import { nameMentions } from '../evidence/names';
import { schoolMentions } from '../evidence/school';
import { AROUND_SCHOOL, boundedTerms, FAMILY_WORDS, OUTSIDE_SCHOOL_TOO, OUTSIDE_SCHOOL_TOO_AFTER_THE, SCHOOL_CONTEXT } from '../vocab';
import * as privateLife from '../vocab/private-life.json';
import { childReferences } from './children';
import { roleMentions } from './subjects';
import { allMatches } from '../document/matches';

/**
 * Where a post sits: school work, private life, or neither. Counted from the
 * school's own identifiers, children of the school and its form groups,
 * colleagues named from the staff list or by role, and school words on one
 * side, and family and leisure words on the other, so a judgement can ask
 * whether "Grace" or "off sick" belongs to school life.
 */
export interface Setting {
  school: number;
  /** Signs that place the post in school life, counting "cook… cook" (words with a life outside school) as one. */
  schoolSigns: number;
  /** Every sign is a word with a life outside school ("the head" of a whale, "students" of history). */
  onlySharedWords: boolean;
  private: number;
}

const PRIVATE_LIFE = boundedTerms(privateLife.terms, 'gu');
/**
 * A secondary school's form group: its year (7–13) and one letter, sometimes a set number ("9X", "10R", "8Y4"),
 * in capitals. Not letters that read as units or amounts ("10K", "9V", "12M"), not after a currency sign or inside
 * a postcode's second half (which has two letters: "SK23 7QU").
 */
const FORM_GROUP = /(?<![\p{L}\p{N}$£€.,:\/-])(?:[7-9]|1[0-3])[ACDEFHIJNOQRSUXYZ][0-9]?(?![\p{L}\p{N}])/gu;
// A global copy, compiled once: matchAll needs the g flag.
const SCHOOL_WORDS = SCHOOL_CONTEXT.withFlags('gu');


export function postSetting(ctx: CheckContext): Setting {
  return memoize(ctx, 'setting', settingOf);
}

function settingOf(ctx: CheckContext): Setting {
  const { doc } = ctx;
  const schoolWords = allMatches(SCHOOL_WORDS, doc.lower);
  const roles = roleMentions(ctx);
  // A colleague from the staff list places the post in school as surely as a school word ("Mrs Munday's been off
  // six weeks"); named pupils already count among the children.
  let colleagues = 0;
  for (const m of nameMentions(ctx)) if (m.person.kind === 'staff') colleagues++;
  const formGroups = allMatches(FORM_GROUP, doc.text).length;
  // The local authority, the diocese, an annual review: signs with a life outside school too, so at most one sign.
  const around = allMatches(AROUND_SCHOOL, doc.lower).length;
  const school = schoolWords.length + roles.length + colleagues + formGroups + schoolMentions(ctx).length + childReferences(ctx).length + around;
  // Words that also name things outside school ("cook", "the head") are at most one sign between
  // them when deciding whether the post is in school life at all.
  const words = schoolWords.map((m) => m[0]);
  for (const role of roles) words.push(doc.lower.slice(role[0], role[1]));
  const shared = words.filter((w) => OUTSIDE_SCHOOL_TOO.has(w)).length + around;
  const schoolSigns = school - shared + Math.min(shared, 1);
  let family = 0;
  for (const token of doc.tokens) if (token.kind === 'word' && FAMILY_WORDS.has(token.key)) family++;
  const priv = allMatches(PRIVATE_LIFE, doc.lower).length + family;
  // For "only such words", a bare "head" counts as "the head" (of a whale, a queue, a river).
  const sharedOrBare = words.filter((w) => OUTSIDE_SCHOOL_TOO.has(w) || OUTSIDE_SCHOOL_TOO_AFTER_THE.has(w)).length + around;
  return { school, schoolSigns, onlySharedWords: sharedOrBare > 0 && sharedOrBare === school, private: priv };
}
