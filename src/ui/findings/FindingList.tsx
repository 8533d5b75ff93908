import type { Finding } from '../../rules/types';
import { quoteClauseOnce, SEVERITY_LABELS, spanTexts, underlinedNote } from '../vocabulary';

/**
 * Findings as the composer card words them (the same labels, underline note and quoted clause,
 * from src/ui/vocabulary.ts), for pages that have no composer: the options page's "try a post"
 * and the first-run page.
 */
export function FindingList(props: { findings: readonly Finding[]; text: string }) {
  const quote = quoteClauseOnce(props.findings.map((finding) => finding.clause.id));
  return (
    <ul class="findings">
      {props.findings.map((finding, index) => (
        <li key={`${finding.ruleId}:${finding.spans[0]?.start ?? index}`} class={`finding sev-${finding.severity}`} data-category={finding.category} data-rule={finding.ruleId}>
          <p class="finding-what">
            <span class="finding-sev">{SEVERITY_LABELS[finding.severity]}</span> {finding.message}
          </p>
          <p class="finding-underlined">{underlinedNote(spanTexts(props.text, finding.spans))}</p>
          {quote[index] ? (
            <blockquote class="finding-clause">
              <p>“{finding.clause.text}”</p>
              <footer>
                <cite>{finding.clause.policyTitle}</cite>, <span data-testid="clause-ref">{finding.clause.ref}</span>
              </footer>
            </blockquote>
          ) : (
            <p class="finding-clause-again">Same policy clause as above ({finding.clause.ref}).</p>
          )}
        </li>
      ))}
    </ul>
  );
}
