import { describe, expect, it } from 'vitest';
import { evalSets, evaluateCorpus, evaluateHardNegatives, evaluateRealText, type EvalSet } from '../../src/cli/eval';

/**
 * Floors reached on every evaluation set (npm run eval), at school scale, pinned
 * so they cannot slip. The list of sets comes from eval's registry: a set eval
 * reports without floors here, or with floors twice, fails. Raise floors when
 * the engine improves; never lower them to make a change pass (the one
 * exception, a deliberate trade of recall for precision, says so in its commit).
 * A held-out set dropped into tests/fixtures/heldout fails here until its
 * first-sight figures are recorded and pinned.
 */
type Labelled = { kind: 'labelled'; unlabelledQuiet: number; categories: Record<string, [precision: number, recall: number]> };
type HardNegative = { kind: 'hard-negative'; maxRate: number };
type RealText = { kind: 'real-text'; maxPerThousand: number; maxByCategory: Record<string, number>; offensive: [precision: number, recall: number] };
type Floors = Labelled | HardNegative | RealText;

// One line per set, as `npm run eval` prints it (school-size lists); `npx tsx scripts/pin-floors.ts` prints them.
// The learned judgement (2026-12-06) traded precision for recall in disparaging, confidential and child-comment;
// the real-text floor rose from 9.4 to 9.8 false findings per 1,000 with it, and fell to 2.6 when issue 10's
// real-text causes were fixed by their general reasons (docs/evaluation.md). In the fourth session, training read
// third-party text the real-text check never measures (real text 3.9 → 2.1 per 1,000 after the retrain on 31 writers):
// disparaging's threshold rose from 0.775 to 0.85, a deliberate trade that lowered its recall floors on the
// development sets, and colleagues in caseless posts lowered t09's staff precision (the author's own first name).
// Hard negatives rose to 3.4% with n05 (written to name nurses, carers and consultants; 10.7% at first sight), and the
// retrained pupil model adds first names at 0.90, raising three of them for pupil recall on the labelled sets; a role
// that lives outside school too ("the nurse, Janice") then brought them to 2.8%, for two staff posts on the corpus sets.
// On review, sickness vocabulary lifted from single development posts ("stomach thing", "full english") was removed:
// t02's sickness recall floor fell from 0.86 to 0.83, the post those entries had been catching.
// In the fifth session, listed colleagues, colleagues in the plural ("the TAs") and plural year groups ("my Year 9s")
// became signs of school life, ailments in scare quotes became claimed illness, and the model was retrained with two more
// writers: across the development sets disparaging recall rose 0.78 → 0.85, confidential 0.83 → 0.88, sickness 0.84 → 0.87
// at the same precision. Floors moved both ways on single sets (t14 disparaging recall 0.76 → 0.69, t01's quiet share 0.94 → 0.93),
// and real text rose from 2.2 to 2.4 false findings per 1,000 (a school word in a novel and an e-mail now opens the model's gate).
// The person model may now add one development hard negative per 1,000 over the rules (was one per 400), and a child cue on a
// name no longer stops the rules asking whether any school is in sight: hard negatives 2.8% → 2.7%. Plural school words
// ("teachers", "assemblies") then joined the signs of school, and the retrain on them set disparaging's threshold at 0.825
// (was 0.80; cross-validated 0.81/0.63 → 0.82/0.63): disparaging recall floors fell by 0.01–0.07 on fourteen development sets.
// The post model then needed seven writers to an n-gram (was six): at six it took the engine to 251.6 kB gzipped, over the
// 250 kB budget; at seven, 243.4 kB. Cross-validated figures barely moved (disparaging 0.82/0.63 → 0.81/0.63, child-comment
// 0.83/0.74 → 0.83/0.73), but the model fits its own training sets less closely: disparaging and child-comment recall floors
// fell by 0.01–0.06 on the development sets it was trained on. "parent" and "pick-up" then joined the school words (as words
// with a life outside school too, so alone they open the gate only at the weak threshold); retrained, cross-validated
// disparaging 0.81/0.63 → 0.81/0.65; child-comment precision fell by 0.01–0.03 on six sets and real text rose to 2.5 per 1,000.
// In the sixth session a pupil's whole name given as a friend or from a group of the author's own ("from my Sunday league
// team") stopped naming the pupil, and the retrain with h15, h16 and n07 left the person model off for pupils: with it on at
// its best threshold (0.925) it raised two more of the 1,918 hard negatives than the rules, over its allowance of one per
// 1,000, for +0.007 cross-validated F1. Pupil recall floors fell on the sets the person model had been trained on (t10
// 0.64 → 0.43, h04 0.87 → 0.68; all development sets 0.934 → 0.900 at the same precision); hard negatives 2.7% → 2.4%,
// real text 2.5 → 2.1 per 1,000. Disparaging and child-comment recall floors fell by 0.01–0.06 on the training sets.
// After the first sight of h17, h18 and n08 (n08: LinkedIn congratulations to adults on new jobs, 12.9%), a job title no
// pupil holds in the sentence ("Head of Digital", "Partner at …") and in-laws, housemates and lodgers made a whole name
// someone else: hard negatives 3.7% → 2.7%, no labelled pupil or colleague lost. Retrained with h17 and h18 (45 writers):
// cross-validated disparaging 0.81/0.65 → 0.81/0.66; recall floors fell by 0.01–0.07 on some of the sets trained on.
// n09's first sight (8.2%) took the nine sets to 3.3%; a business named after its owner ("… Roofing"), reality television,
// and relatives named after a list of names ("Maisie and Matilda, my nieces") brought them to 2.9%, labelled sets unchanged.
const FLOORS: [set: string, floors: Floors][] = [
  ['corpus', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 1.00], pupil: [1.00, 1.00], staff: [1.00, 0.95], sickness: [1.00, 1.00], disparaging: [1.00, 0.97], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.97, 1.00], 'child-comment': [1.00, 0.98] } }],
  ['corpus-2', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 1.00], pupil: [0.97, 1.00], staff: [1.00, 1.00], sickness: [1.00, 1.00], disparaging: [1.00, 0.97], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 1.00], 'child-comment': [0.91, 1.00] } }],
  ['corpus-3', { kind: 'labelled', unlabelledQuiet: 0.97, categories: { school: [1.00, 0.97], pupil: [0.96, 1.00], staff: [1.00, 0.97], sickness: [1.00, 1.00], disparaging: [0.98, 0.93], offensive: [1.00, 0.80], 'personal-data': [1.00, 1.00], confidential: [0.98, 0.98], 'child-comment': [1.00, 0.92] } }],
  ['corpus-4', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.93], pupil: [1.00, 0.96], staff: [0.95, 1.00], sickness: [0.85, 0.85], disparaging: [0.91, 1.00], offensive: [0.90, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.98], 'child-comment': [0.95, 0.92] } }],
  ['check-corpus', { kind: 'labelled', unlabelledQuiet: 0.94, categories: { school: [0.86, 0.95], pupil: [1.00, 0.91], staff: [1.00, 1.00], sickness: [1.00, 1.00], disparaging: [1.00, 0.94], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.91], 'child-comment': [0.95, 1.00] } }],
  ['train/t01', { kind: 'labelled', unlabelledQuiet: 0.92, categories: { school: [1.00, 1.00], pupil: [0.89, 0.91], staff: [1.00, 0.91], sickness: [0.96, 0.96], disparaging: [0.84, 0.80], offensive: [0.95, 0.92], 'personal-data': [1.00, 0.95], confidential: [0.97, 0.86], 'child-comment': [0.88, 0.80] } }],
  ['train/t02', { kind: 'labelled', unlabelledQuiet: 0.92, categories: { school: [0.97, 0.95], pupil: [0.95, 1.00], staff: [0.98, 0.94], sickness: [1.00, 0.83], disparaging: [0.80, 0.89], offensive: [1.00, 0.90], 'personal-data': [1.00, 0.95], confidential: [0.95, 0.93], 'child-comment': [0.81, 0.89] } }],
  ['train/t03', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 1.00], pupil: [0.96, 1.00], staff: [0.98, 0.91], sickness: [1.00, 0.84], disparaging: [0.93, 0.91], offensive: [0.92, 0.85], 'personal-data': [1.00, 1.00], confidential: [0.91, 0.90], 'child-comment': [0.93, 0.85] } }],
  ['train/t04', { kind: 'labelled', unlabelledQuiet: 0.97, categories: { school: [1.00, 1.00], pupil: [0.97, 0.95], staff: [0.96, 0.92], sickness: [0.89, 0.86], disparaging: [0.89, 0.86], offensive: [0.94, 0.68], 'personal-data': [1.00, 0.96], confidential: [0.93, 0.88], 'child-comment': [0.96, 0.89] } }],
  ['train/t05', { kind: 'labelled', unlabelledQuiet: 0.91, categories: { school: [0.97, 0.95], pupil: [0.96, 0.67], staff: [0.97, 0.93], sickness: [1.00, 0.96], disparaging: [0.78, 0.87], offensive: [1.00, 1.00], 'personal-data': [0.96, 0.96], confidential: [0.86, 0.88], 'child-comment': [0.90, 0.64] } }],
  ['train/t06', { kind: 'labelled', unlabelledQuiet: 0.99, categories: { school: [1.00, 1.00], pupil: [0.97, 1.00], staff: [1.00, 0.95], sickness: [1.00, 0.94], disparaging: [0.94, 0.88], offensive: [1.00, 0.90], 'personal-data': [1.00, 0.95], confidential: [0.92, 0.95], 'child-comment': [0.95, 0.82] } }],
  ['train/t07', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.85], pupil: [0.97, 1.00], staff: [1.00, 1.00], sickness: [1.00, 0.76], disparaging: [0.86, 0.86], offensive: [1.00, 0.65], 'personal-data': [0.95, 1.00], confidential: [0.95, 0.91], 'child-comment': [0.85, 0.89] } }],
  ['train/t08', { kind: 'labelled', unlabelledQuiet: 0.99, categories: { school: [1.00, 0.97], pupil: [1.00, 1.00], staff: [1.00, 0.95], sickness: [0.95, 0.88], disparaging: [0.90, 0.92], offensive: [1.00, 0.80], 'personal-data': [1.00, 0.88], confidential: [0.97, 0.94], 'child-comment': [0.98, 0.91] } }],
  ['train/t09', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 1.00], pupil: [0.97, 1.00], staff: [0.95, 0.93], sickness: [1.00, 0.76], disparaging: [0.88, 0.76], offensive: [1.00, 0.96], 'personal-data': [1.00, 1.00], confidential: [0.97, 0.82], 'child-comment': [0.90, 0.85] } }],
  ['train/t10', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.96], pupil: [1.00, 0.48], staff: [0.97, 0.95], sickness: [1.00, 0.96], disparaging: [0.80, 0.92], offensive: [0.96, 0.92], 'personal-data': [1.00, 1.00], confidential: [0.96, 0.74], 'child-comment': [0.86, 0.76] } }],
  ['train/t11', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.93], pupil: [1.00, 0.85], staff: [1.00, 0.90], sickness: [1.00, 1.00], disparaging: [0.91, 0.87], offensive: [1.00, 0.85], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.76], 'child-comment': [0.97, 0.79] } }],
  ['train/t12', { kind: 'labelled', unlabelledQuiet: 0.92, categories: { school: [1.00, 1.00], pupil: [0.93, 0.97], staff: [1.00, 0.93], sickness: [1.00, 0.92], disparaging: [0.93, 0.91], offensive: [1.00, 0.95], 'personal-data': [1.00, 1.00], confidential: [0.94, 0.96], 'child-comment': [0.83, 0.91] } }],
  ['train/t13', { kind: 'labelled', unlabelledQuiet: 0.92, categories: { school: [1.00, 1.00], pupil: [0.95, 0.66], staff: [0.96, 1.00], sickness: [0.96, 0.74], disparaging: [0.80, 0.96], offensive: [1.00, 0.95], 'personal-data': [1.00, 0.95], confidential: [0.96, 0.91], 'child-comment': [0.74, 0.85] } }],
  ['train/t14', { kind: 'labelled', unlabelledQuiet: 0.97, categories: { school: [1.00, 0.95], pupil: [1.00, 0.94], staff: [1.00, 0.90], sickness: [0.96, 0.82], disparaging: [0.79, 0.78], offensive: [0.93, 0.75], 'personal-data': [1.00, 0.85], confidential: [0.94, 0.87], 'child-comment': [0.89, 0.94] } }],
  ['train/t15', { kind: 'labelled', unlabelledQuiet: 0.91, categories: { school: [1.00, 0.95], pupil: [0.93, 0.65], staff: [0.94, 0.86], sickness: [1.00, 0.91], disparaging: [0.94, 0.85], offensive: [0.89, 0.85], 'personal-data': [1.00, 1.00], confidential: [0.94, 0.84], 'child-comment': [0.69, 0.78] } }],
  ['train/t16', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.90], pupil: [1.00, 0.96], staff: [0.98, 0.90], sickness: [0.96, 0.81], disparaging: [0.92, 0.79], offensive: [0.95, 0.86], 'personal-data': [1.00, 1.00], confidential: [0.97, 0.77], 'child-comment': [0.94, 0.85] } }],
  ['train/t17', { kind: 'labelled', unlabelledQuiet: 0.96, categories: { school: [1.00, 0.97], pupil: [1.00, 0.94], staff: [1.00, 1.00], sickness: [0.94, 0.97], disparaging: [0.94, 0.85], offensive: [1.00, 0.85], 'personal-data': [1.00, 1.00], confidential: [0.95, 0.85], 'child-comment': [0.81, 0.89] } }],
  ['train/t18', { kind: 'labelled', unlabelledQuiet: 0.88, categories: { school: [1.00, 0.95], pupil: [0.95, 1.00], staff: [1.00, 0.95], sickness: [1.00, 0.86], disparaging: [0.83, 0.86], offensive: [1.00, 0.95], 'personal-data': [1.00, 1.00], confidential: [0.94, 0.91], 'child-comment': [0.75, 0.86] } }],
  ['train/t19', { kind: 'labelled', unlabelledQuiet: 0.90, categories: { school: [1.00, 1.00], pupil: [1.00, 0.78], staff: [1.00, 0.85], sickness: [1.00, 0.86], disparaging: [0.86, 0.95], offensive: [1.00, 0.85], 'personal-data': [1.00, 1.00], confidential: [0.97, 0.80], 'child-comment': [0.79, 0.90] } }],
  ['train/t20', { kind: 'labelled', unlabelledQuiet: 0.96, categories: { school: [1.00, 1.00], pupil: [0.95, 0.90], staff: [0.96, 0.92], sickness: [1.00, 0.80], disparaging: [0.82, 0.82], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.97, 0.87], 'child-comment': [0.90, 0.96] } }],
  ['train/t21', { kind: 'labelled', unlabelledQuiet: 0.92, categories: { school: [1.00, 1.00], pupil: [0.95, 0.79], staff: [0.96, 0.93], sickness: [1.00, 0.77], disparaging: [0.90, 0.88], offensive: [1.00, 0.80], 'personal-data': [1.00, 1.00], confidential: [0.94, 0.78], 'child-comment': [0.87, 0.79] } }],
  ['train/t22', { kind: 'labelled', unlabelledQuiet: 0.95, categories: { school: [1.00, 0.96], pupil: [0.94, 1.00], staff: [1.00, 0.94], sickness: [1.00, 1.00], disparaging: [0.97, 0.86], offensive: [1.00, 0.66], 'personal-data': [1.00, 1.00], confidential: [0.78, 0.93], 'child-comment': [0.92, 0.92] } }],
  ['train/t23', { kind: 'labelled', unlabelledQuiet: 0.92, categories: { school: [1.00, 0.94], pupil: [0.93, 1.00], staff: [0.96, 0.96], sickness: [1.00, 0.93], disparaging: [0.61, 1.00], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.94, 1.00], 'child-comment': [0.96, 0.96] } }],
  ['train/t24', { kind: 'labelled', unlabelledQuiet: 0.94, categories: { school: [1.00, 0.95], pupil: [1.00, 0.57], staff: [1.00, 0.86], sickness: [0.90, 0.75], disparaging: [0.74, 0.80], offensive: [1.00, 1.00], 'personal-data': [1.00, 0.93], confidential: [0.94, 0.81], 'child-comment': [0.86, 0.79] } }],
  ['train/t25', { kind: 'labelled', unlabelledQuiet: 0.96, categories: { school: [1.00, 0.96], pupil: [0.94, 0.78], staff: [0.97, 1.00], sickness: [0.88, 1.00], disparaging: [0.89, 0.93], offensive: [0.93, 0.93], 'personal-data': [1.00, 0.81], confidential: [0.92, 0.88], 'child-comment': [0.92, 0.92] } }],
  ['train/t26', { kind: 'labelled', unlabelledQuiet: 0.92, categories: { school: [1.00, 0.96], pupil: [1.00, 0.62], staff: [0.95, 0.95], sickness: [1.00, 1.00], disparaging: [0.89, 0.92], offensive: [0.93, 0.82], 'personal-data': [1.00, 1.00], confidential: [0.94, 0.81], 'child-comment': [0.60, 0.68] } }],
  ['heldout/2026-12-h01', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [0.96, 0.90], pupil: [0.94, 0.94], staff: [1.00, 0.97], sickness: [1.00, 0.80], disparaging: [0.82, 0.96], offensive: [0.94, 1.00], 'personal-data': [0.92, 0.81], confidential: [0.88, 0.95], 'child-comment': [0.94, 0.92] } }],
  ['heldout/2026-12-h02', { kind: 'labelled', unlabelledQuiet: 0.97, categories: { school: [1.00, 0.96], pupil: [1.00, 0.73], staff: [0.95, 0.85], sickness: [1.00, 1.00], disparaging: [0.93, 0.90], offensive: [0.94, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.93, 0.77], 'child-comment': [0.91, 0.83] } }],
  ['heldout/2026-12-h03', { kind: 'labelled', unlabelledQuiet: 0.97, categories: { school: [1.00, 0.96], pupil: [1.00, 1.00], staff: [0.96, 0.86], sickness: [1.00, 1.00], disparaging: [0.91, 0.95], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.88, 0.80], 'child-comment': [0.85, 0.76] } }],
  ['heldout/2026-12-h04', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 1.00], pupil: [1.00, 0.68], staff: [1.00, 0.84], sickness: [1.00, 0.75], disparaging: [0.89, 0.74], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.80], 'child-comment': [0.94, 0.82] } }],
  ['heldout/2026-12-h05', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.96], pupil: [1.00, 0.92], staff: [0.97, 0.86], sickness: [1.00, 1.00], disparaging: [0.94, 1.00], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.89], 'child-comment': [0.89, 1.00] } }],
  ['heldout/2026-12-h06', { kind: 'labelled', unlabelledQuiet: 0.95, categories: { school: [1.00, 1.00], pupil: [0.89, 0.89], staff: [1.00, 0.97], sickness: [1.00, 0.93], disparaging: [0.82, 0.97], offensive: [1.00, 0.87], 'personal-data': [1.00, 1.00], confidential: [0.94, 1.00], 'child-comment': [0.95, 0.82] } }],
  ['heldout/2026-12-h07', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 1.00], pupil: [0.95, 1.00], staff: [0.97, 1.00], sickness: [1.00, 0.94], disparaging: [0.87, 0.95], offensive: [0.93, 0.93], 'personal-data': [1.00, 0.87], confidential: [0.89, 1.00], 'child-comment': [1.00, 0.90] } }],
  ['heldout/2026-12-h08', { kind: 'labelled', unlabelledQuiet: 0.97, categories: { school: [1.00, 1.00], pupil: [0.95, 0.88], staff: [0.95, 0.88], sickness: [1.00, 0.93], disparaging: [0.97, 0.90], offensive: [0.93, 0.87], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.88], 'child-comment': [0.96, 0.82] } }],
  ['heldout/2026-12-h09', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.95], pupil: [1.00, 1.00], staff: [0.97, 0.91], sickness: [1.00, 0.86], disparaging: [0.91, 0.88], offensive: [1.00, 1.00], 'personal-data': [1.00, 0.93], confidential: [0.94, 0.85], 'child-comment': [0.94, 0.97] } }],
  ['heldout/2026-12-h10', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 1.00], pupil: [0.96, 0.92], staff: [1.00, 0.92], sickness: [0.94, 0.94], disparaging: [0.90, 0.96], offensive: [1.00, 0.84], 'personal-data': [1.00, 1.00], confidential: [0.95, 0.91], 'child-comment': [0.88, 0.93] } }],
  ['heldout/2026-12-h11', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 1.00], pupil: [0.97, 1.00], staff: [1.00, 0.98], sickness: [1.00, 1.00], disparaging: [0.93, 0.90], offensive: [0.94, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.96, 0.92], 'child-comment': [0.90, 0.93] } }],
  ['heldout/2026-12-h12', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.97], pupil: [0.93, 0.96], staff: [1.00, 0.89], sickness: [1.00, 1.00], disparaging: [0.89, 0.89], offensive: [1.00, 0.93], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.90], 'child-comment': [0.88, 0.91] } }],
  ['heldout/2026-12-h13', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.95], pupil: [0.96, 1.00], staff: [1.00, 0.95], sickness: [1.00, 0.86], disparaging: [0.84, 0.90], offensive: [0.93, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.91], 'child-comment': [0.96, 0.90] } }],
  ['heldout/2026-12-h14', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.88], pupil: [1.00, 1.00], staff: [1.00, 0.91], sickness: [1.00, 0.93], disparaging: [0.94, 0.94], offensive: [1.00, 1.00], 'personal-data': [1.00, 0.93], confidential: [0.95, 0.85], 'child-comment': [0.91, 0.94] } }],
  ['heldout/2026-12-h15', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.90], pupil: [0.95, 0.95], staff: [1.00, 0.94], sickness: [1.00, 0.87], disparaging: [0.92, 0.85], offensive: [1.00, 0.77], 'personal-data': [1.00, 1.00], confidential: [0.95, 0.91], 'child-comment': [0.96, 0.86] } }],
  ['heldout/2026-12-h16', { kind: 'labelled', unlabelledQuiet: 0.95, categories: { school: [1.00, 0.96], pupil: [1.00, 0.90], staff: [1.00, 0.93], sickness: [1.00, 1.00], disparaging: [0.83, 0.80], offensive: [1.00, 0.87], 'personal-data': [1.00, 0.93], confidential: [0.84, 0.84], 'child-comment': [0.92, 0.92] } }],
  ['heldout/2026-12-h17', { kind: 'labelled', unlabelledQuiet: 0.96, categories: { school: [0.95, 0.91], pupil: [0.85, 0.90], staff: [0.94, 0.91], sickness: [1.00, 0.93], disparaging: [0.93, 0.93], offensive: [0.93, 1.00], 'personal-data': [1.00, 0.93], confidential: [1.00, 0.94], 'child-comment': [0.94, 0.72] } }],
  ['heldout/2026-12-h18', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 1.00], pupil: [0.96, 0.96], staff: [1.00, 0.82], sickness: [1.00, 0.88], disparaging: [0.92, 0.95], offensive: [1.00, 0.88], 'personal-data': [1.00, 0.93], confidential: [1.00, 0.80], 'child-comment': [0.94, 0.92] } }],
  ['heldout/2026-12-h19', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.95], pupil: [1.00, 0.94], staff: [0.97, 0.97], sickness: [1.00, 1.00], disparaging: [0.97, 0.87], offensive: [1.00, 1.00], 'personal-data': [1.00, 0.86], confidential: [0.85, 1.00], 'child-comment': [1.00, 0.83] } }],
  ['heldout/2026-12-h20', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.94], pupil: [1.00, 0.82], staff: [0.97, 0.90], sickness: [1.00, 0.93], disparaging: [0.90, 0.85], offensive: [1.00, 0.93], 'personal-data': [1.00, 1.00], confidential: [0.95, 0.90], 'child-comment': [0.89, 0.87] } }],
  ['heldout/2026-12-h21', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [0.96, 0.96], pupil: [0.90, 0.86], staff: [0.96, 0.89], sickness: [1.00, 1.00], disparaging: [0.90, 0.80], offensive: [1.00, 1.00], 'personal-data': [1.00, 0.88], confidential: [0.88, 0.88], 'child-comment': [0.87, 0.80] } }],
  ['heldout/2026-12-h22', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.95], pupil: [0.95, 0.82], staff: [1.00, 0.97], sickness: [1.00, 1.00], disparaging: [0.89, 0.91], offensive: [1.00, 0.93], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.91], 'child-comment': [0.91, 0.91] } }],
  ['heldout/2026-12-h23', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.95], pupil: [0.92, 1.00], staff: [1.00, 0.97], sickness: [1.00, 1.00], disparaging: [0.94, 0.88], offensive: [1.00, 0.94], 'personal-data': [1.00, 0.93], confidential: [1.00, 0.88], 'child-comment': [0.95, 0.88] } }],
  ['heldout/2026-12-h24', { kind: 'labelled', unlabelledQuiet: 0.97, categories: { school: [1.00, 0.92], pupil: [1.00, 1.00], staff: [0.97, 0.97], sickness: [1.00, 0.94], disparaging: [0.89, 0.94], offensive: [1.00, 0.88], 'personal-data': [1.00, 1.00], confidential: [0.96, 0.96], 'child-comment': [0.94, 0.94] } }],
  ['heldout/2026-12-h25', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 1.00], pupil: [0.88, 0.88], staff: [1.00, 0.94], sickness: [1.00, 0.89], disparaging: [0.84, 0.82], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.83], 'child-comment': [0.90, 0.79] } }],
  ['heldout/2026-12-h26', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.97], pupil: [1.00, 0.81], staff: [1.00, 0.97], sickness: [1.00, 1.00], disparaging: [0.91, 0.91], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.91], 'child-comment': [0.93, 0.90] } }],
  ['heldout/2026-12-h27', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.91], pupil: [1.00, 0.88], staff: [1.00, 0.92], sickness: [1.00, 0.82], disparaging: [0.84, 0.95], offensive: [1.00, 0.81], 'personal-data': [1.00, 0.86], confidential: [0.84, 0.87], 'child-comment': [0.93, 0.95] } }],
  ['heldout/2026-12-h28', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.95], pupil: [0.93, 1.00], staff: [0.97, 0.86], sickness: [1.00, 0.88], disparaging: [0.95, 0.90], offensive: [0.94, 0.94], 'personal-data': [1.00, 0.93], confidential: [0.96, 1.00], 'child-comment': [0.97, 0.93] } }],
  ['heldout/2026-12-h29', { kind: 'labelled', unlabelledQuiet: 0.94, categories: { school: [0.97, 0.97], pupil: [0.96, 0.75], staff: [0.93, 1.00], sickness: [1.00, 0.94], disparaging: [0.90, 0.85], offensive: [1.00, 0.83], 'personal-data': [1.00, 1.00], confidential: [0.95, 0.83], 'child-comment': [0.96, 0.83] } }],
  ['heldout/2026-12-h30', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 1.00], pupil: [1.00, 0.95], staff: [1.00, 0.85], sickness: [1.00, 1.00], disparaging: [0.82, 0.95], offensive: [1.00, 0.93], 'personal-data': [1.00, 0.93], confidential: [0.94, 1.00], 'child-comment': [0.88, 0.91] } }],
  ['heldout/2026-12-h31', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 1.00], pupil: [1.00, 0.93], staff: [1.00, 0.86], sickness: [1.00, 0.78], disparaging: [0.91, 0.88], offensive: [1.00, 0.89], 'personal-data': [1.00, 1.00], confidential: [0.96, 0.88], 'child-comment': [0.88, 0.91] } }],
  ['heldout/2026-12-h32', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.95], pupil: [0.95, 0.73], staff: [1.00, 0.87], sickness: [1.00, 1.00], disparaging: [0.90, 0.90], offensive: [0.93, 0.88], 'personal-data': [1.00, 1.00], confidential: [0.97, 0.84], 'child-comment': [0.91, 0.73] } }],
  ['heldout/2026-12-h33', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.97], pupil: [0.95, 0.82], staff: [0.95, 0.94], sickness: [1.00, 0.81], disparaging: [0.95, 0.93], offensive: [0.94, 0.94], 'personal-data': [1.00, 0.93], confidential: [0.89, 0.92], 'child-comment': [0.97, 0.91] } }],
  ['heldout/2026-12-h34', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 1.00], pupil: [0.90, 1.00], staff: [0.97, 0.95], sickness: [1.00, 0.93], disparaging: [0.83, 0.92], offensive: [0.94, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.94, 0.88], 'child-comment': [0.91, 0.81] } }],
  ['heldout/2026-12-h35', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.96], pupil: [0.95, 0.83], staff: [1.00, 0.90], sickness: [0.94, 1.00], disparaging: [0.91, 0.94], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.86, 0.95], 'child-comment': [0.90, 0.88] } }],
  ['heldout/2026-12-h36', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 1.00], pupil: [1.00, 0.95], staff: [1.00, 0.97], sickness: [1.00, 0.93], disparaging: [0.94, 0.94], offensive: [1.00, 0.88], 'personal-data': [1.00, 1.00], confidential: [0.96, 0.96], 'child-comment': [0.94, 0.94] } }],
  ['heldout/2026-12-h37', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.96], pupil: [0.96, 0.92], staff: [1.00, 0.92], sickness: [0.94, 0.94], disparaging: [0.84, 0.84], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.95], 'child-comment': [0.91, 0.93] } }],
  ['heldout/2026-12-h38', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.84], pupil: [1.00, 0.96], staff: [0.97, 0.94], sickness: [1.00, 0.94], disparaging: [0.93, 0.85], offensive: [0.93, 0.93], 'personal-data': [1.00, 1.00], confidential: [0.96, 0.96], 'child-comment': [0.94, 0.94] } }],
  ['heldout/2026-12-h39', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.95], pupil: [1.00, 0.86], staff: [0.94, 0.81], sickness: [1.00, 0.94], disparaging: [0.96, 0.80], offensive: [1.00, 0.87], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.88], 'child-comment': [0.87, 0.85] } }],
  ['heldout/2026-12-h40', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.93], pupil: [0.96, 1.00], staff: [1.00, 0.87], sickness: [1.00, 1.00], disparaging: [0.88, 0.96], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.83, 0.96], 'child-comment': [0.92, 0.89] } }],
  ['heldout/2026-12-h41', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 1.00], pupil: [0.94, 0.88], staff: [1.00, 0.90], sickness: [1.00, 1.00], disparaging: [0.85, 0.88], offensive: [1.00, 0.94], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.93], 'child-comment': [0.94, 0.84] } }],
  ['heldout/2026-12-h42', { kind: 'labelled', unlabelledQuiet: 0.97, categories: { school: [1.00, 1.00], pupil: [1.00, 1.00], staff: [1.00, 0.93], sickness: [0.93, 0.82], disparaging: [0.82, 0.84], offensive: [0.94, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.96, 0.92], 'child-comment': [0.94, 0.94] } }],
  ['heldout/2026-12-h43', { kind: 'labelled', unlabelledQuiet: 0.96, categories: { school: [1.00, 0.97], pupil: [1.00, 0.96], staff: [1.00, 0.86], sickness: [0.93, 0.93], disparaging: [0.90, 0.90], offensive: [1.00, 0.87], 'personal-data': [0.94, 1.00], confidential: [0.95, 0.92], 'child-comment': [0.89, 1.00] } }],
  ['heldout/2026-12-h44', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.91], pupil: [0.96, 0.96], staff: [1.00, 0.94], sickness: [0.87, 0.87], disparaging: [0.92, 0.86], offensive: [0.92, 0.81], 'personal-data': [1.00, 0.93], confidential: [0.96, 0.93], 'child-comment': [0.94, 0.89] } }],
  ['heldout/2026-12-h45', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.93], pupil: [0.92, 0.89], staff: [1.00, 0.97], sickness: [0.94, 1.00], disparaging: [1.00, 0.95], offensive: [1.00, 0.94], 'personal-data': [1.00, 1.00], confidential: [0.96, 0.92], 'child-comment': [0.93, 0.86] } }],
  ['heldout/2026-12-h46', { kind: 'labelled', unlabelledQuiet: 0.97, categories: { school: [0.97, 0.95], pupil: [1.00, 1.00], staff: [1.00, 0.88], sickness: [0.94, 0.94], disparaging: [0.87, 0.89], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [0.93, 0.96], 'child-comment': [0.90, 0.95] } }],
  ['heldout/2026-12-h47', { kind: 'labelled', unlabelledQuiet: 0.95, categories: { school: [1.00, 0.95], pupil: [0.94, 0.97], staff: [0.98, 0.96], sickness: [1.00, 1.00], disparaging: [0.88, 1.00], offensive: [1.00, 0.82], 'personal-data': [1.00, 1.00], confidential: [0.93, 0.93], 'child-comment': [0.97, 0.97] } }],
  ['heldout/2026-12-h48', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.97], pupil: [0.92, 1.00], staff: [0.94, 0.94], sickness: [1.00, 1.00], disparaging: [0.93, 0.90], offensive: [1.00, 0.94], 'personal-data': [1.00, 1.00], confidential: [0.96, 1.00], 'child-comment': [0.92, 0.94] } }],
  ['heldout/2026-12-h49', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.94], pupil: [1.00, 0.97], staff: [1.00, 0.93], sickness: [1.00, 0.93], disparaging: [0.97, 0.92], offensive: [1.00, 0.82], 'personal-data': [1.00, 0.93], confidential: [1.00, 1.00], 'child-comment': [0.96, 1.00] } }],
  ['heldout/2026-12-h50', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.91], pupil: [1.00, 0.93], staff: [1.00, 0.89], sickness: [0.94, 1.00], disparaging: [0.97, 0.88], offensive: [1.00, 1.00], 'personal-data': [1.00, 0.93], confidential: [1.00, 0.78], 'child-comment': [0.93, 0.95] } }],
  ['heldout/2026-12-h51', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 0.96], pupil: [0.92, 0.88], staff: [1.00, 0.95], sickness: [1.00, 1.00], disparaging: [0.82, 0.75], offensive: [1.00, 0.88], 'personal-data': [1.00, 1.00], confidential: [0.95, 0.84], 'child-comment': [0.92, 0.84] } }],
  ['heldout/2026-12-h52', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.94], pupil: [1.00, 1.00], staff: [1.00, 0.88], sickness: [1.00, 0.84], disparaging: [0.78, 0.73], offensive: [0.94, 0.90], 'personal-data': [1.00, 0.94], confidential: [1.00, 0.75], 'child-comment': [0.82, 0.82] } }],
  ['hard-negatives', { kind: 'hard-negative', maxRate: 0.024 }],
  ['real-text', { kind: 'real-text', maxPerThousand: 2.4, maxByCategory: { school: 2, pupil: 3, staff: 3, sickness: 0, disparaging: 5, offensive: 1, 'personal-data': 3, confidential: 4, 'child-comment': 2 }, offensive: [0.99, 0.94] }],
];

describe('every evaluation set has floors exactly once', () => {
  const registered = evalSets().map((s) => s.id);
  it.each(registered)('%s', (id) => {
    expect(FLOORS.filter(([set]) => set === id).length, `floors for ${id}`).toBe(1);
  });
  it('no floors for a set eval does not report', () => {
    expect(FLOORS.map(([set]) => set).filter((set) => !registered.includes(set))).toEqual([]);
  });
});

for (const set of evalSets()) {
  const floors = FLOORS.find(([id]) => id === set.id)?.[1];
  if (!floors) continue; // reported as a failure above
  describe(`${set.id} holds its floors`, () => checkFloors(set, floors));
}

function checkFloors(set: EvalSet, floors: Floors): void {
  if (set.kind === 'labelled' && floors.kind === 'labelled') {
    const result = evaluateCorpus(set.dir);
    it.each(result.scores.map((s) => [s.category, s] as const))('%s precision and recall', (category, score) => {
      const [precision, recall] = floors.categories[category]!;
      expect(score.precision).toBeGreaterThanOrEqual(precision);
      expect(score.recall).toBeGreaterThanOrEqual(recall);
    });
    it(`at least ${Math.round(floors.unlabelledQuiet * 100)}% of unlabelled posts left quiet`, () => {
      expect(result.unlabeledClean / result.unlabeled).toBeGreaterThanOrEqual(floors.unlabelledQuiet);
    });
  } else if (set.kind === 'hard-negative' && floors.kind === 'hard-negative') {
    it(`at most ${(floors.maxRate * 100).toFixed(1)}% raise pupil or staff`, () => {
      const result = evaluateHardNegatives();
      expect(result.posts).toBeGreaterThan(0);
      expect(result.rate).toBeLessThanOrEqual(floors.maxRate);
    });
  } else if (set.kind === 'real-text' && floors.kind === 'real-text') {
    const result = evaluateRealText();
    it('has at least 9,000 snippets', () => expect(result.snippets).toBeGreaterThanOrEqual(9000));
    it(`at most ${floors.maxPerThousand} false findings per 1,000`, () => expect(result.perThousand).toBeLessThanOrEqual(floors.maxPerThousand));
    it.each(Object.entries(result.falseByCategory))('%s false findings', (category, n) => {
      expect(n).toBeLessThanOrEqual(floors.maxByCategory[category]!);
    });
    it('offensive precision and recall against read labels', () => {
      expect(result.offensive.precision).toBeGreaterThanOrEqual(floors.offensive[0]);
      expect(result.offensive.recall).toBeGreaterThanOrEqual(floors.offensive[1]);
    });
  } else {
    it('floors are of the same kind as the set', () => expect(floors.kind).toBe(set.kind));
  }
}
