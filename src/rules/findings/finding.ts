import type { ResolvedCategory } from '../compile';
import { memoize, type CheckContext, type Detector, type DetectorHit } from '../detector';
import type { CategoryId, Finding, Span } from '../types';

/** "{excerpt}" in a message template. */
const PLACEHOLDER = /\{(\w+)\}/g;

/** A detector's hit as the card shows it: spans in the original text, the message filled in, the category's clause cited. */
export function toFinding(ctx: CheckContext, detector: Pick<Detector, 'meta' | 'messages'>, category: ResolvedCategory, hit: DetectorHit): Finding | null {
  const spans: Span[] = hit.spans.map((span) => ctx.doc.span(span[0], span[1]));
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
    message: template.replace(PLACEHOLDER, (_, key: string) => data[key] ?? ''),
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

