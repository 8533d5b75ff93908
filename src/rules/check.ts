import type { CompiledPack, ResolvedCategory } from './compile';
import { memoize, type CheckContext, type Detector, type DetectorHit } from './detector';
import { DETECTORS } from './detectors';
import { parsePost } from './document';
import type { CategoryId, Finding, Span } from './types';

export interface PostInput {
  text: string;
}

/** Every finding for one post, in text order. Pure; cheap enough to run on each pause in typing. */
export function checkPost(compiled: CompiledPack, input: PostInput): Finding[] {
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
  return dedupe(findings).sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || a.category.localeCompare(b.category));
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
