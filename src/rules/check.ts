import type { CompiledPack } from './compile';
import type { CheckContext, Detector } from './detector';
import { DETECTORS } from './detectors';
import { parsePost } from './document/document';
import { pupilName } from './evidence/detectors/pupil-name';
import { staffName } from './evidence/detectors/staff-name';
import { judgePost, LEARNED } from './judgement';
import { judgePersons } from './judgement/person';
import { toFinding } from './findings/finding';
import { mergeSameSpan } from './findings/merge';
import type { CategoryId, Finding } from './types';
import { sortInPlace } from './document/sort';

export { mergeSameSpan, raisedCategories } from './findings/merge';

export interface PostInput {
  text: string;
}

/** Every finding for one post, in text order. Pure; cheap enough to run on each pause in typing. */
export function checkPost(compiled: CompiledPack, input: PostInput): Finding[] {
  const { ctx, findings } = checkWithRules(compiled, input);
  return sortInPlace(mergeSameSpan(applyJudgement(ctx, findings)), (a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || byCategoryId(a.category, b.category));
}

/**
 * Category ids in alphabetical order. Compared by code unit, which orders these lower-case ids as
 * localeCompare does (a test holds it to that), without the ~20 ms a fresh process spends loading
 * a collator on its first localeCompare.
 */
export const byCategoryId = (a: CategoryId, b: CategoryId) => (a < b ? -1 : a > b ? 1 : 0);

/** The rules alone: every detector and the pack's own phrases, before the learned judgement (which training needs). */
export function checkWithRules(compiled: CompiledPack, input: PostInput): { ctx: CheckContext; findings: Finding[] } {
  const doc = parsePost(input.text);
  const ctx: CheckContext = { doc, compiled, memo: new Map() };
  const findings: Finding[] = [];
  for (const detector of DETECTORS) {
    const category = compiled.categories.get(detector.meta.category);
    if (!category) continue;
    for (const hit of detector.check(ctx)) {
      const finding = toFinding(ctx, detector, category, hit);
      if (finding) findings.push(finding);
    }
  }
  // A school's own phrases, for any category it enabled.
  for (const category of compiled.categories.values()) {
    if (!category.phrases) continue;
    for (const [start, end] of category.phrases.find(doc.lower)) {
      const finding = toFinding(ctx, PACK_PHRASE, category, { spans: [[start, end]], messageId: 'phrase' });
      if (finding) findings.push(finding);
    }
  }
  return { ctx, findings };
}

/** The learned judgement adds what the rules missed. */
function applyJudgement(ctx: CheckContext, findings: Finding[]): Finding[] {
  const added: Finding[] = [];
  for (const decision of judgePost(ctx, new Set(findings.map((f) => f.category)))) {
    const category = ctx.compiled.categories.get(decision.category)!;
    const finding = toFinding(ctx, LEARNED, category, { spans: [decision.span], messageId: decision.category });
    if (finding) added.push({ ...finding, ruleId: LEARNED.meta.id, score: decision.score, threshold: decision.threshold });
  }
  // A first name the rules left alone that the person-in-context model takes as a listed pupil or colleague.
  for (const decision of judgePersons(ctx)) {
    const detector = decision.person.kind === 'pupil' ? pupilName : staffName;
    const category = ctx.compiled.categories.get(detector.meta.category);
    if (!category) continue;
    const finding = toFinding(ctx, detector, category, { spans: [decision.span], messageId: 'named', data: { name: decision.person.name, form: 'first-name' } });
    if (finding) added.push({ ...finding, ruleId: LEARNED.meta.id, score: decision.score, threshold: decision.threshold });
  }
  return [...findings, ...added];
}

/** One detector alone on one post: for its examples and for tests. */
export function runDetector(compiled: CompiledPack, detector: Detector, text: string): Finding[] {
  const category = compiled.categories.get(detector.meta.category);
  if (!category) return [];
  const ctx: CheckContext = { doc: parsePost(text), compiled, memo: new Map() };
  return detector.check(ctx).flatMap((hit) => toFinding(ctx, detector, category, hit) ?? []);
}

/** The rule behind a school's own `phrases`; not in the registry because it has no fixed category. */
const PACK_PHRASE: Pick<Detector, 'meta' | 'messages'> = {
  meta: { id: 'pack-phrase', category: 'school', defaultSeverity: 'warn', description: "A phrase the school's pack lists.", cites: 'the clause the pack names' },
  messages: { phrase: 'Your school asks staff not to post “{excerpt}”.' },
};
