import { childReferences } from './children';
import { memoize, type CheckContext } from '../detector';
import { sentenceAt } from '../document/document';
import { nameMentions } from '../evidence/names';
import { schoolMentions } from '../evidence/school';
import { boundedTerms, COLLEAGUE_ROLE_OR_GROUP } from '../vocab';
import * as subjects from '../vocab/subjects.json';
import { allMatches } from '../document/matches';
import { sortInPlace } from '../document/sort';

/**
 * Who (or what) each sentence is about, as far as the school's policy cares:
 * a child of the school (named or described), a named pupil, a named member of
 * staff, a colleague by role, parents, the school's leaders and partners, or the
 * school itself. A judgement reads the stance of a sentence against these.
 */
export type SubjectKind = 'child' | 'pupil' | 'staff' | 'colleague' | 'parents' | 'leadership' | 'school';
export const SUBJECT_KINDS: readonly SubjectKind[] = ['child', 'pupil', 'staff', 'colleague', 'parents', 'leadership', 'school'];

export interface Subject {
  kind: SubjectKind;
  start: number;
  end: number;
  sentence: number;
}

/** Colleagues named by role ("the caretaker", "our SENCo", "the TAs"): one scan a post, shared with the setting. */
export function roleMentions(ctx: CheckContext): [number, number][] {
  return memoize(ctx, 'roles', rolesOf);
}
const rolesOf = (ctx: CheckContext): [number, number][] => allMatches(COLLEAGUE_ROLE_OR_GROUP, ctx.doc.lower).map((m) => [m.index, m.index + m[0].length]);
const GROUPS: { kind: SubjectKind; pattern: RegExp }[] = [
  { kind: 'leadership', pattern: boundedTerms(subjects.leadership, 'gu') },
  { kind: 'parents', pattern: boundedTerms(subjects.parents, 'gu') },
  { kind: 'school', pattern: boundedTerms(subjects.place, 'gu') },
];

export function postSubjects(ctx: CheckContext): Subject[] {
  return memoize(ctx, 'subjects', subjectsOf);
}

function subjectsOf(ctx: CheckContext): Subject[] {
  const { doc } = ctx;
  const found: Subject[] = [];
  const add = (kind: SubjectKind, start: number, end: number) => found.push({ kind, start, end, sentence: sentenceAt(doc, start) });
  for (const ref of childReferences(ctx)) add(ref.named ? 'pupil' : 'child', ref.start, ref.end);
  for (const m of nameMentions(ctx)) if (m.person.kind === 'staff') add('staff', m.start, m.end);
  for (const m of schoolMentions(ctx)) add('school', m.start, m.end);
  for (const role of roleMentions(ctx)) add('colleague', role[0], role[1]);
  for (const { kind, pattern } of GROUPS) {
    for (const m of allMatches(pattern, doc.lower)) add(kind, m.index, m.index + m[0].length);
  }
  return sortInPlace(found, (a, b) => a.start - b.start);
}
