import type { CompiledPack, ResolvedCategory } from './compile';
import type { CheckContext, Detector, DetectorHit } from './detector';
import { DETECTORS } from './detectors';
import { parsePost } from './document';
import { judgePost, LEARNED } from './judgement';
import type { CategoryId, Finding, Span } from './types';

export interface PostInput {
  text: string;
}

/** Every finding for one post, in text order. Pure; cheap enough to run on each pause in typing. */
export function checkPost(compiled: CompiledPack, input: PostInput): Finding[] {
  const { ctx, findings } = checkWithRules(compiled, input);
  return dedupe(applyJudgement(ctx, findings)).sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || a.category.localeCompare(b.category));
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

/** The learned judgement adds what the rules missed, or overrules them where its category is in "model" mode. */
function applyJudgement(ctx: CheckContext, findings: Finding[]): Finding[] {
  const raised = new Set(findings.map((f) => f.category));
  let out = findings;
  for (const decision of judgePost(ctx, raised)) {
    const category = ctx.compiled.categories.get(decision.category)!;
    if (decision.overrule) out = out.filter((f) => f.category !== decision.category);
    if (decision.add) {
      const finding = toFinding(ctx, LEARNED, category, { spans: [decision.add], messageId: decision.category });
      if (finding) out.push({ ...finding, ruleId: LEARNED.meta.id, score: decision.score, threshold: decision.threshold });
    }
  }
  return out;
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
  if (category.allow && hit.spans.some(([s, e]) => category.allow!.containedIn(ctx.doc.text.slice(s, e)))) return null;
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

/** Two rules of one category underlining the same text say the same thing once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.category}:${f.spans.map((s) => `${s.start}-${s.end}`).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
