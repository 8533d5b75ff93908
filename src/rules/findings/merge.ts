import { SEVERITY_RANK, type CategoryId, type Finding } from '../types';

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
