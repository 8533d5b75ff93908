import { SEVERITY_RANK, type CategoryId, type Finding, type Span } from '../types';

/**
 * One finding per underlined span: a pupil's name that is also a comment on a child is one
 * finding, at the strongest severity, citing that category's clause once (issue 11). Ties go to
 * the first raised, which follows the detector registry's order.
 */
export function mergeSameSpan(findings: Finding[]): Finding[] {
  // Each span list's place in `merged`, in the order first seen.
  const placeOf = new Map<string | number, number>();
  const merged: Finding[] = [];
  for (const finding of findings) {
    const key = spansKey(finding.spans);
    const place = placeOf.get(key);
    if (place === undefined) {
      placeOf.set(key, merged.length);
      merged.push(finding);
      continue;
    }
    const kept = merged[place]!;
    const findingWins = SEVERITY_RANK[finding.severity] > SEVERITY_RANK[kept.severity];
    const winner = findingWins ? finding : kept;
    const other = findingWins ? kept : finding;
    // The other categories either raised, each once, in the order first raised.
    const also: CategoryId[] = [];
    for (const ids of [kept.alsoRaises, finding.alsoRaises, [other.category]]) {
      for (const id of ids ?? []) if (id !== winner.category && !also.includes(id)) also.push(id);
    }
    merged[place] = also.length > 0 ? { ...winner, alsoRaises: also } : winner;
  }
  return merged;
}

/** Equal for equal lists of spans: a number for one span (most findings; no string to build), else a string. */
function spansKey(spans: Span[]): string | number {
  const only = spans.length === 1 ? spans[0]! : undefined;
  if (only && only.start < SPAN_KEY_BASE && only.end < SPAN_KEY_BASE) return only.start * SPAN_KEY_BASE + only.end;
  return spans.map((s) => `${s.start}-${s.end}`).join(',');
}
/** Below 2^26, start * 2^26 + end is exact in a double and tells every span apart. */
const SPAN_KEY_BASE = 2 ** 26;

/** Every category the findings raise, including those folded into another finding on the same span. */
export function raisedCategories(findings: readonly Finding[]): Set<CategoryId> {
  return new Set(findings.flatMap((finding) => [finding.category, ...(finding.alsoRaises ?? [])]));
}
