/**
 * The engine's public contract. Category ids are shared with the corpus
 * labels, the pack format and the UI: do not rename them.
 */
export const CATEGORY_IDS = [
  'school',
  'pupil',
  'staff',
  'sickness',
  'disparaging',
  'offensive',
  'personal-data',
  'confidential',
  'child-comment',
  'logo',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Categories judged from text; `logo` is judged from images. */
export const TEXT_CATEGORY_IDS = CATEGORY_IDS.filter((c) => c !== 'logo') as Exclude<CategoryId, 'logo'>[];

export const SEVERITIES = ['info', 'warn', 'block'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

/** A half-open range [start, end) of UTF-16 code units in the post text as given. */
export interface Span {
  start: number;
  end: number;
}

export interface CitedClause {
  id: string;
  /** The reference as printed in the policy, e.g. "5(d)". */
  ref: string;
  /** The clause quoted. */
  text: string;
  policyTitle: string;
  policyUrl?: string;
}

export interface Finding {
  category: CategoryId;
  /** The detector that raised it, e.g. "pupil-name". */
  ruleId: string;
  /** Stable key of the message, for UIs and tests that must not parse prose. */
  messageId: string;
  /** Values interpolated into the message. */
  data: Record<string, string>;
  /** Short, plain British English. */
  message: string;
  severity: Severity;
  /** Where in the text; at least one span. Empty for image findings. */
  spans: Span[];
  /** The matched text (first span), as typed. */
  excerpt: string;
  clause: CitedClause;
  /** Where a score decided the finding (the learned judgement, a logo match): the score and the threshold it passed. */
  score?: number;
  threshold?: number;
}
