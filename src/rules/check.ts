import type { CompiledPack, ResolvedCategory } from './compile';
import { memoize, type CheckContext, type Detector, type DetectorHit } from './detector';
import { DETECTORS } from './detectors';
import { parsePost } from './document';
import { pupilName } from './detectors/pupil-name';
import { staffName } from './detectors/staff-name';
import { judgePost, LEARNED } from './judgement';
import { judgePersons } from './judgement/person';
import { SEVERITY_RANK, type CategoryId, type Finding, type Span } from './types';

export interface PostInput {
  text: string;
}

/** Every finding for one post, in text order. Pure; cheap enough to run on each pause in typing. */
export function checkPost(compiled: CompiledPack, input: PostInput): Finding[] {
  const { ctx, findings } = checkWithRules(compiled, input);
  return mergeSameSpan(applyJudgement(ctx, findings)).sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || a.category.localeCompare(b.category));
}

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

function toFinding(ctx: CheckContext, detector: Pick<Detector, 'meta' | 'messages'>, category: ResolvedCategory, hit: DetectorHit): Finding | null {
  const spans: Span[] = hit.spans.map(([s, e]) => ctx.doc.span(s, e));
  const first = spans[0];
  if (!first) return null;
  const excerpt = ctx.doc.original.slice(first.start, first.end);
  if (category.allow && overlapsAllowed(ctx, category, hit.spans)) return null;
  const data: Record<string, string> = { excerpt, ...hit.data };
  const template = detector.messages[hit.messageId] ?? hit.messageId;
  return {
    category: category.id as CategoryId,
    ruleId: detector.meta.id,
    messageId: hit.messageId,
    data,
    message: template.replace(/\{(\w+)\}/g, (_, key: string) => data[key] ?? ''),
    severity: category.severity,
    spans,
    excerpt,
    clause: category.clause,
  };
}

/**
 * A pack's `allow` phrase ("Stoke Mandeville") silences any finding in its
 * category that touches it: "Mandeville" inside it is the hospital, not the school.
 */
function overlapsAllowed(ctx: CheckContext, category: ResolvedCategory, spans: [number, number][]): boolean {
  const allowed = memoize(ctx, `allow:${category.id}`, () => category.allow!.find(ctx.doc.lower));
  return spans.some(([s, e]) => allowed.some(([as, ae]) => s < ae && as < e));
}

/**
 * One finding per underlined span: a pupil's name that is also a comment on a child is one
 * finding, at the strongest severity, citing that category's clause once (issue 11). Ties go to
 * the first raised, which follows the detector registry's order.
 */
export function mergeSameSpan(findings: Finding[]): Finding[] {
  const strongest = new Map<string, Finding>();
  for (const finding of findings) {
    const key = finding.spans.map((s) => `${s.start}-${s.end}`).join(',');
    const kept = strongest.get(key);
    if (!kept) {
      strongest.set(key, finding);
      continue;
    }
    const [winner, other] = SEVERITY_RANK[finding.severity] > SEVERITY_RANK[kept.severity] ? [finding, kept] : [kept, finding];
    const also = [...(kept.alsoRaises ?? []), ...(finding.alsoRaises ?? []), other.category].filter((id) => id !== winner.category);
    strongest.set(key, also.length > 0 ? { ...winner, alsoRaises: [...new Set(also)] } : winner);
  }
  return [...strongest.values()];
}

/** Every category the findings raise, including those folded into another finding on the same span. */
export function raisedCategories(findings: readonly Finding[]): Set<CategoryId> {
  return new Set(findings.flatMap((finding) => [finding.category, ...(finding.alsoRaises ?? [])]));
}
