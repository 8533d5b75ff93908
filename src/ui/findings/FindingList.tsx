import type { Finding } from '../../rules/types';
import { SEVERITY_LABELS, WHY_IT_MATTERS } from '../card/why';

/**
 * Findings as the composer card words them (the same labels, reasons and quoted clause, from
 * src/ui/card/why.ts), for pages that have no composer: the options page's "try a post".
 */
export function FindingList(props: { findings: readonly Finding[] }) {
  return (
    <ul class="findings">
      {props.findings.map((finding, index) => (
        <li key={`${finding.ruleId}:${finding.spans[0]?.start ?? index}`} class={`finding sev-${finding.severity}`} data-category={finding.category} data-rule={finding.ruleId}>
          <p class="finding-what">
            <span class="finding-sev">{SEVERITY_LABELS[finding.severity]}</span> {finding.message}
            {finding.excerpt ? <span class="finding-excerpt"> “{finding.excerpt}”</span> : null}
          </p>
          <p class="finding-why">{WHY_IT_MATTERS[finding.category]}</p>
          <blockquote class="finding-clause">
            <p>“{finding.clause.text}”</p>
            <footer>
              <cite>{finding.clause.policyTitle}</cite>, <span data-testid="clause-ref">{finding.clause.ref}</span>
            </footer>
          </blockquote>
        </li>
      ))}
    </ul>
  );
}
