import type { CompiledPack, Finding, Severity } from '../rules';
import { SEVERITY_RANK } from '../rules/types';
import type { ComposerKind } from '../sites';
import { findPostButton } from '../sites/locate';
import type { HighlightPainter, SeverityRange } from './highlights';
import { readContentEditable, rangeForSpan, type ReadText } from './read-text';

/**
 * Checks run on the next tick after an edit when the last check is older than this, else at
 * the end of the interval: every pause in typing is checked, and fast typing costs at most
 * one check per interval.
 */
export const CHECK_INTERVAL_MS = 100;

export type CheckerState =
  | { status: 'loading' }
  | { status: 'ready'; compiled: CompiledPack; check: (compiled: CompiledPack, text: string) => Finding[] }
  | { status: 'no-policy'; detail: string };

export type BadgeState =
  | { kind: 'checking' }
  | { kind: 'clear' }
  | { kind: 'issues'; count: number; worst: Severity }
  | { kind: 'unreadable' }
  | { kind: 'no-policy'; detail: string };

export interface ShownFinding {
  /** Stable across typing, so "Ignore once" survives edits elsewhere in the post. */
  key: string;
  finding: Finding;
}

export interface TextareaUnderline {
  start: number;
  end: number;
  severity: Severity;
}

export interface SessionSnapshot {
  id: number;
  composerLabel: string;
  badge: BadgeState;
  findings: ShownFinding[];
  cardOpen: boolean;
  marker: HTMLElement;
  editable: HTMLElement | null;
  /** Re-found on each snapshot: the card must never cover it. */
  postButton: HTMLElement | undefined;
  /** Textareas cannot hold DOM Ranges: their underlines are drawn by a mirror overlay. */
  textarea: { element: HTMLTextAreaElement; text: string; underlines: TextareaUnderline[] } | null;
}

export interface SessionHost {
  readonly signal: AbortSignal;
  checker(): CheckerState;
  painter(): HighlightPainter | null;
  setTimeout(handler: () => void, delay: number): number;
  /** The session's snapshot changed: re-render badges and cards. */
  changed(session: ComposerSession): void;
  /** The user typed into or focused this composer. */
  activated(session: ComposerSession): void;
}

let nextSessionId = 1;

export function findingKey(finding: Finding): string {
  return `${finding.category}|${finding.ruleId}|${finding.excerpt.trim().toLowerCase()}`;
}

/** One composer on the page: reads it, checks it, underlines it, and answers "may this post go?". */
export class ComposerSession {
  readonly id = nextSessionId++;
  private readonly abort = new AbortController();
  private read: ReadText | null = null;
  private checkedText: string | null = null;
  private findings: Finding[] = [];
  private readonly ignored = new Set<string>();
  /** Finding keys shown when the user closed the card; it reopens when they change. */
  private closedForKeys: string | null = null;
  private forcedOpen = false;
  private pending = false;
  private lastCheckAt = -Infinity;

  constructor(
    readonly kind: ComposerKind,
    readonly marker: HTMLElement,
    readonly editable: HTMLElement | null,
    private readonly host: SessionHost,
  ) {
    host.signal.addEventListener('abort', () => this.dispose(), { once: true });
    if (!editable) return;
    const signal = this.abort.signal;
    // Observe, never mutate: the editor's own mutations tell us the text changed.
    const observer = new MutationObserver(() => this.scheduleCheck());
    observer.observe(editable, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    editable.addEventListener('input', () => this.scheduleCheck(), { signal });
    // A pasted paragraph is checked as soon as the editor has taken it in.
    editable.addEventListener('paste', () => this.scheduleCheck(true), { signal });
    editable.addEventListener('focus', () => host.activated(this), { signal });
    this.scheduleCheck(true);
  }

  get isDisposed(): boolean {
    return this.abort.signal.aborted;
  }

  get isConnected(): boolean {
    return this.marker.isConnected && (this.editable === null || this.editable.isConnected);
  }

  postButton(): HTMLElement | undefined {
    return findPostButton(this.kind, this.marker);
  }

  scheduleCheck(immediate = false): void {
    if (this.isDisposed || this.pending) return;
    this.pending = true;
    const wait = immediate ? 0 : Math.max(0, this.lastCheckAt + CHECK_INTERVAL_MS - performance.now());
    this.host.setTimeout(() => {
      this.pending = false;
      if (!this.isDisposed) this.checkNow();
    }, wait);
  }

  /** Reads and checks the composer synchronously; cheap when the text has not changed. */
  checkNow(): void {
    if (!this.editable || this.isDisposed) return;
    const checker = this.host.checker();
    const read = this.readEditable(this.editable);
    this.read = read;
    if (checker.status !== 'ready') {
      this.host.changed(this);
      return;
    }
    this.lastCheckAt = performance.now();
    if (read.text !== this.checkedText) {
      this.checkedText = read.text;
      if (read.text.trim() === '') {
        // The post went out or was cleared: "Ignore once" was for that post only.
        this.ignored.clear();
        this.findings = [];
      } else {
        this.findings = checker.check(checker.compiled, read.text);
      }
      if (read.text.length > 0 && this.findings.length > 0) this.host.activated(this);
    }
    this.paint();
    this.host.changed(this);
  }

  /** Findings the user has not ignored, worst first. */
  visibleFindings(): ShownFinding[] {
    return this.findings
      .map((finding) => ({ key: findingKey(finding), finding }))
      .filter((shown) => !this.ignored.has(shown.key))
      .sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] || (a.finding.spans[0]?.start ?? 0) - (b.finding.spans[0]?.start ?? 0));
  }

  /** Findings that hold the post: `warn` and above, not ignored. */
  holdingFindings(): ShownFinding[] {
    return this.visibleFindings().filter((shown) => SEVERITY_RANK[shown.finding.severity] >= SEVERITY_RANK.warn);
  }

  ignoreOnce(key: string): void {
    this.ignored.add(key);
    this.paint();
    this.host.changed(this);
  }

  setCardOpen(open: boolean): void {
    const keys = this.visibleKeys();
    this.closedForKeys = open ? null : keys;
    this.forcedOpen = open;
    this.host.changed(this);
  }

  /** A DOM Range over a finding's first span, for "go back and edit". */
  rangeOf(finding: Finding): Range | undefined {
    const span = finding.spans[0];
    if (!span || !this.read) return undefined;
    return rangeForSpan(this.read, span.start, span.end);
  }

  snapshot(): SessionSnapshot {
    const findings = this.visibleFindings();
    const keys = this.visibleKeys();
    const checker = this.host.checker();
    let badge: BadgeState;
    if (!this.editable) badge = { kind: 'unreadable' };
    else if (checker.status === 'no-policy') badge = { kind: 'no-policy', detail: checker.detail };
    else if (checker.status === 'loading' || this.checkedText === null) badge = { kind: 'checking' };
    else if (findings.length === 0) badge = { kind: 'clear' };
    else {
      const worst = findings.reduce<Severity>((max, shown) => (SEVERITY_RANK[shown.finding.severity] > SEVERITY_RANK[max] ? shown.finding.severity : max), 'info');
      badge = { kind: 'issues', count: findings.length, worst };
    }
    const textarea =
      this.editable instanceof HTMLTextAreaElement && this.read
        ? {
            element: this.editable,
            text: this.read.text,
            underlines: findings.flatMap((shown) => shown.finding.spans.map((span) => ({ ...span, severity: shown.finding.severity }))),
          }
        : null;
    return {
      id: this.id,
      composerLabel: this.kind.label,
      badge,
      findings,
      cardOpen: findings.length > 0 && (this.forcedOpen || this.closedForKeys !== keys),
      marker: this.marker,
      editable: this.editable,
      postButton: this.postButton(),
      textarea,
    };
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.abort.abort();
    this.host.painter()?.clear(this);
  }

  private visibleKeys(): string {
    return this.visibleFindings()
      .map((shown) => shown.key)
      .join('\n');
  }

  private readEditable(editable: HTMLElement): ReadText {
    if (editable instanceof HTMLTextAreaElement) return { text: editable.value, segments: [] };
    return readContentEditable(editable);
  }

  private paint(): void {
    const painter = this.host.painter();
    if (!painter || !this.read || this.editable instanceof HTMLTextAreaElement) return;
    const ranges: SeverityRange[] = [];
    for (const shown of this.visibleFindings()) {
      for (const span of shown.finding.spans) {
        const range = rangeForSpan(this.read, span.start, span.end);
        if (range) ranges.push({ range, severity: shown.finding.severity });
      }
    }
    painter.paint(this, ranges);
  }
}
