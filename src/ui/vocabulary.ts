import type { Severity } from '../rules/types';

/**
 * The words PostCheck uses for what it found, in one place: the card, the popup, the options
 * page and the docs say the same thing the same way (issue 11). Severity ids (info, warn,
 * block) are the pack's format and never shown.
 */
export const SEVERITY_LABELS: Record<Severity, string> = {
  info: 'Worth a look',
  warn: 'Check before posting',
  block: 'Not allowed here',
};

/** "1 thing to check", "3 things to check". */
export function thingsToCheck(count: number): string {
  return `${count} ${count === 1 ? 'thing' : 'things'} to check`;
}

/** What the composers, popup and options page say while the built-in general pack is in use. */
export const GENERAL_POLICY_NOTE = 'Checking against the general staff policy (Durham County Council model), as no school pack is loaded.';
export const LOAD_SCHOOL_PACK_HINT = "To check against your school's own policy, load its pack in PostCheck's settings (Settings → School pack).";

/**
 * Why these words are underlined. A finding read from two places ("rang in sick" … "Twickenham")
 * says so, so that an underlined word that is harmless on its own is explained.
 */
export function underlinedNote(parts: readonly string[]): string {
  const quoted = parts.map((part) => `“${part}”`);
  if (quoted.length === 0) return '';
  if (quoted.length === 1) return `Underlined: ${quoted[0]}.`;
  return `Underlined: ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}, read together.`;
}

/** The text of each span of a finding, as typed. */
export function spanTexts(text: string, spans: readonly { start: number; end: number }[]): string[] {
  return spans.map((span) => text.slice(span.start, span.end).trim()).filter((part) => part.length > 0);
}

/**
 * Findings in a list quote each clause once: the first finding citing it shows the quote,
 * later ones refer back to it. Returns, per finding, whether to quote its clause.
 */
export function quoteClauseOnce(clauseIds: readonly string[]): boolean[] {
  const seen = new Set<string>();
  return clauseIds.map((id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
