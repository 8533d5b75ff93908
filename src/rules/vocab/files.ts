import * as z from 'zod/mini';
import adultsElsewhere from './adults-elsewhere.json';
import ageism from './ageism.json';
import babyhood from './babyhood.json';
import childComment from './child-comment.json';
import colleagueCues from './colleague-cues.json';
import colleagueRoles from './colleague-roles.json';
import commonSurnames from './common-surnames.json';
import confidential from './confidential.json';
import disparaging from './disparaging.json';
import family from './family.json';
import functionWords from './function-words.json';
import mailRobots from './mail-robots.json';
import outsideSchoolToo from './outside-school-too.json';
import personCues from './person-cues.json';
import privateLife from './private-life.json';
import profanity from './profanity.json';
import sarcasm from './sarcasm.json';
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
 * The whole files, notes included, for that test and for tools; the engine reads
 * only the lists it needs (./index.ts).
 */
export const VocabFileSchema = z.catchall(
  z.strictObject({ note: z.string().check(z.minLength(1)), source: z.string().check(z.minLength(1)) }),
  z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
);

export const VOCAB_FILES: Record<string, unknown> = {
  adultsElsewhere,
  ageism,
  babyhood,
  childComment,
  colleagueCues,
  colleagueRoles,
  commonSurnames,
  confidential,
  disparaging,
  family,
  functionWords,
  mailRobots,
  outsideSchoolToo,
  personCues,
  privateLife,
  profanity,
  sarcasm,
  schoolContext,
  sexual,
  sickness,
  slurs,
  stance,
  subjects,
  threats,
  wordNames,
};
