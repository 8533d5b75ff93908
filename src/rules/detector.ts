import type { PostDocument } from './document/document';
import type { CompiledPack } from './compile';
import type { TextCategoryId, Severity } from './types';

/**
 * One detector: one file, like an eslint rule. It carries its metadata, its messages
 * and its check, and exports beside it the `examples` one harness runs
 * (tests/unit/detectors.test.ts) against the example school in tests/unit/example-school.ts.
 * The examples are a separate export so the engine's bundle, which never imports them, leaves them out.
 */
export interface DetectorMeta {
  /** Rule id, e.g. "pupil-name". */
  id: string;
  category: TextCategoryId;
  defaultSeverity: Severity;
  /** One line: what it flags. */
  description: string;
  /** Which kind of policy clause it cites (the pack maps its category to the school's clause). */
  cites: string;
}

export interface DetectorHit {
  /** [start, end) in the normalized text (doc.text). */
  spans: [number, number][];
  messageId: string;
  data?: Record<string, string>;
}

export interface DetectorExamples {
  /** Posts that must not raise this detector. */
  valid: string[];
  /** Posts that must raise it; `excerpt` (case-insensitive) pins what is underlined. */
  invalid: (string | { text: string; excerpt: string })[];
}

export interface CheckContext {
  doc: PostDocument;
  compiled: CompiledPack;
  /** Per-check memo so detectors share derived facts (e.g. name mentions) without recomputing. */
  memo: Map<string, unknown>;
}

export interface Detector {
  meta: DetectorMeta;
  /** messageId → template with {placeholders}. */
  messages: Record<string, string>;
  check(ctx: CheckContext): DetectorHit[];
}

/** `compute` is best a function declared once, not an arrow written at the call: that is a new closure on every call, memoized or not. */
export function memoize<T>(ctx: CheckContext, key: string, compute: (ctx: CheckContext) => T): T {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const value = compute(ctx);
  ctx.memo.set(key, value);
  return value;
}
