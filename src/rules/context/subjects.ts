import { childReferences } from './children';
import { memoize, type CheckContext } from '../detector';
import { sentenceAt } from '../document/document';
import { nameMentions } from '../evidence/names';
import { schoolMentions } from '../evidence/school';
import { bounded, COLLEAGUE_ROLE, termsPattern } from '../vocab';
import * as subjects from '../vocab/subjects.json';
import { allMatches } from '../document/matches';

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

const ROLES = new RegExp(COLLEAGUE_ROLE.source, 'gu');

/** Colleagues named by role ("the caretaker", "our SENCo"): one scan a post, shared with the setting. */
export function roleMentions(ctx: CheckContext): [number, number][] {
  return memoize(ctx, 'roles', () => allMatches(ROLES, ctx.doc.lower).map((m) => [m.index, m.index + m[0].length]));
}
const GROUPS: [SubjectKind, RegExp][] = [
  ['leadership', bounded(termsPattern(subjects.leadership), 'gu')],
  ['parents', bounded(termsPattern(subjects.parents), 'gu')],
  ['school', bounded(termsPattern(subjects.place), 'gu')],
];

export function postSubjects(ctx: CheckContext): Subject[] {
  return memoize(ctx, 'subjects', () => {
    const { doc } = ctx;
    const found: Omit<Subject, 'sentence'>[] = [];
    for (const ref of childReferences(ctx)) found.push({ kind: ref.named ? 'pupil' : 'child', start: ref.start, end: ref.end });
    for (const m of nameMentions(ctx)) if (m.person.kind === 'staff') found.push({ kind: 'staff', start: m.start, end: m.end });
    for (const m of schoolMentions(ctx)) found.push({ kind: 'school', start: m.start, end: m.end });
    for (const [start, end] of roleMentions(ctx)) found.push({ kind: 'colleague', start, end });
    for (const [kind, pattern] of GROUPS) {
      for (const m of allMatches(pattern, doc.lower)) found.push({ kind, start: m.index, end: m.index + m[0].length });
    }
    return found.map((s) => ({ ...s, sentence: sentenceAt(doc, s.start) })).sort((a, b) => a.start - b.start);
  });
}
