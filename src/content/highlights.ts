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
  /** Shadow roots whose text has been checked for our underline style (see `styleShadowRoot`). */
  private readonly checkedRoots = new WeakSet<ShadowRoot>();
  /** Shadow roots given our stylesheet, to take it back on dispose. */
  private readonly adoptedInto = new Set<ShadowRoot>();
  private shadowSheet: CSSStyleSheet | null = null;

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
    for (const entry of ranges) {
      this.highlights.get(entry.severity)?.add(entry.range);
      const root = entry.range.startContainer.getRootNode();
      if (root instanceof ShadowRoot) this.styleShadowRoot(root, entry.range.startContainer);
    }
    this.rangesByOwner.set(owner, ranges);
  }

  clear(owner: object): void {
    for (const entry of this.rangesByOwner.get(owner) ?? []) this.highlights.get(entry.severity)?.delete(entry.range);
    this.rangesByOwner.delete(owner);
  }

  /**
   * The highlight registry is the document's, ranges inside an open shadow root included, but
   * `::highlight()` rules apply per tree. Chromium carries the page's rules into shadow text by
   * highlight inheritance; where the text still shows no underline, the same rules are adopted
   * into that shadow root as a constructed stylesheet: no element is added to the site's DOM.
   */
  private styleShadowRoot(root: ShadowRoot, node: Node): void {
    if (this.checkedRoots.has(root)) return;
    const element = node instanceof Element ? node : node.parentElement;
    if (!element) return;
    this.checkedRoots.add(root);
    if (getComputedStyle(element, `::highlight(${HIGHLIGHT_NAMES.warn})`).textDecorationLine.includes('underline')) return;
    try {
      if (!this.shadowSheet) {
        this.shadowSheet = new CSSStyleSheet();
        this.shadowSheet.replaceSync(HIGHLIGHT_CSS);
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.shadowSheet];
      this.adoptedInto.add(root);
    } catch {
      // A browser that will not share the sheet: the highlight is still registered and the
      // card still quotes the span; only its underline is missing in this root.
    }
  }

  dispose(): void {
    for (const [severity, highlight] of this.highlights) {
      highlight.clear();
      if (CSS.highlights.get(HIGHLIGHT_NAMES[severity]) === highlight) CSS.highlights.delete(HIGHLIGHT_NAMES[severity]);
    }
    this.rangesByOwner.clear();
    this.style.remove();
    for (const root of this.adoptedInto) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.shadowSheet);
    this.adoptedInto.clear();
  }
}
