import type { Severity } from '../rules/types';

/**
 * Underlines findings in page text without writing to the editor: one CSS Custom Highlight
 * per severity (Chrome 105+), shared by every composer session on the page. Editors replace
 * their text nodes on each keystroke, so sessions hand over fresh Ranges after every check.
 */
export const HIGHLIGHT_NAMES: Record<Severity, string> = {
  info: 'postcheck-info',
  warn: 'postcheck-warn',
  block: 'postcheck-block',
};

/**
 * Solid underlines, not wavy: wavy decorations are slow with many spans (composers.md §3).
 * Colours hold up on the sites' light and dark backgrounds.
 */
const HIGHLIGHT_CSS = `
::highlight(postcheck-info) { text-decoration: underline solid 2px #2563eb; text-decoration-skip-ink: none; }
::highlight(postcheck-warn) { text-decoration: underline solid 2px #d97706; text-decoration-skip-ink: none; background-color: rgba(217, 119, 6, 0.14); }
::highlight(postcheck-block) { text-decoration: underline solid 2px #dc2626; text-decoration-skip-ink: none; background-color: rgba(220, 38, 38, 0.16); }
`;

export function supportsCustomHighlights(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS && CSS.supports('selector(::highlight(x))');
}

export interface SeverityRange {
  range: Range;
  severity: Severity;
}

export class HighlightPainter {
  private readonly highlights = new Map<Severity, Highlight>();
  private readonly rangesByOwner = new Map<object, SeverityRange[]>();
  private readonly style: HTMLStyleElement;

  constructor() {
    for (const [severity, name] of Object.entries(HIGHLIGHT_NAMES) as [Severity, string][]) {
      const highlight = new Highlight();
      highlight.priority = severity === 'block' ? 2 : severity === 'warn' ? 1 : 0;
      this.highlights.set(severity, highlight);
      CSS.highlights.set(name, highlight);
    }
    // ::highlight() must be styled from the page's own stylesheet: a shadow root cannot reach
    // page text. The <style> goes in <head>, never inside an editor.
    this.style = document.createElement('style');
    this.style.dataset.postcheck = 'highlights';
    this.style.textContent = HIGHLIGHT_CSS;
    (document.head ?? document.documentElement).append(this.style);
  }

  /** Replaces everything `owner` had underlined. */
  paint(owner: object, ranges: SeverityRange[]): void {
    this.clear(owner);
    for (const entry of ranges) this.highlights.get(entry.severity)?.add(entry.range);
    this.rangesByOwner.set(owner, ranges);
  }

  clear(owner: object): void {
    for (const entry of this.rangesByOwner.get(owner) ?? []) this.highlights.get(entry.severity)?.delete(entry.range);
    this.rangesByOwner.delete(owner);
  }

  dispose(): void {
    for (const [severity, highlight] of this.highlights) {
      highlight.clear();
      if (CSS.highlights.get(HIGHLIGHT_NAMES[severity]) === highlight) CSS.highlights.delete(HIGHLIGHT_NAMES[severity]);
    }
    this.rangesByOwner.clear();
    this.style.remove();
  }
}
