import type { CompiledPack, Finding, Severity } from '../rules';
import { SEVERITY_RANK } from '../rules/types';
import type { ComposerKind } from '../sites';
import { attachPreviewsIn, findAttachScope, findPostButton } from '../sites/locate';
import type { HighlightPainter, SeverityRange } from './highlights';
import { spanTexts } from '../ui/vocabulary';
import { composerControls } from './controls';
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
  /** Nothing typed and nothing attached: no badge, rather than "Clear" on every empty box. */
  | { kind: 'empty' }
  | { kind: 'checking' }
  | { kind: 'clear' }
  | { kind: 'issues'; count: number; worst: Severity }
  | { kind: 'unreadable' }
  | { kind: 'no-policy'; detail: string };

export interface ShownFinding {
  /** Stable across typing, so "Ignore once" survives edits elsewhere in the post. */
  key: string;
  finding: Finding;
  /** For an image finding (no text span): which image, e.g. "the attached photo". */
  image?: string;
  /** The underlined text of each span, as typed, so the card can say what is underlined and why. */
  underlined?: string[];
}

/** How an image reached the composer. */
export type AttachmentSource = 'file' | 'paste' | 'drop';

/** An image attached to a composer, and what the logo check found in it. */
export interface AttachedImage {
  id: number;
  source: AttachmentSource;
  /** The file input it came through, so emptying that input removes it. */
  input: HTMLInputElement | null;
  size: number;
  type: string;
  /** Null while the check runs. */
  findings: Finding[] | null;
  /** The `blob:` URL of the site's preview of this image, once found. */
  preview: string | null;
}

const IMAGE_LABELS: Record<AttachmentSource, string> = { file: 'the attached photo', paste: 'the pasted image', drop: 'the dropped image' };

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
  /** Attached images, and how many of them have been checked for the school's logo. */
  images: { total: number; checked: number };
  /** The site's previews of them (with their remove buttons): the card must not cover these either. */
  previews: HTMLElement[];
  /** The composer's own controls (attach, media, emoji, close) and its dialog's heading: not to be covered. */
  controls: HTMLElement[];
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
  private images: AttachedImage[] = [];
  /** The site has shown previews of this composer's images since they were attached. */
  private previewsSeen = false;

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

  /** The text last checked; null before the first check. */
  get text(): string | null {
    return this.checkedText;
  }

  /**
   * Whether "may this post go?" can be answered now: the engine is ready and every attached
   * image has been checked. Until then the post is held briefly (hold-post.ts).
   */
  readyToDecide(): boolean {
    return this.host.checker().status !== 'loading' && this.images.every((image) => image.findings !== null);
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
    const several = this.images.length > 1;
    const imageFindings = this.images.flatMap((image, index) =>
      (image.findings ?? []).map((finding) => ({
        key: `${findingKey(finding)}|image ${image.id}`,
        finding,
        image: several ? `${IMAGE_LABELS[image.source]} (image ${index + 1})` : IMAGE_LABELS[image.source],
      })),
    );
    const text = this.checkedText ?? '';
    const textFindings = this.findings.map((finding) => ({ key: findingKey(finding), finding, underlined: spanTexts(text, finding.spans) }));
    return [...textFindings, ...imageFindings]
      .filter((shown) => !this.ignored.has(shown.key))
      .sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] || (a.finding.spans[0]?.start ?? 0) - (b.finding.spans[0]?.start ?? 0));
  }

  /** Findings that hold the post: `warn` and above, not ignored. */
  holdingFindings(): ShownFinding[] {
    return this.visibleFindings().filter((shown) => SEVERITY_RANK[shown.finding.severity] >= SEVERITY_RANK.warn);
  }

  /** The composer's attachment area (around its file input), if it takes images. */
  attachScope(): Element | undefined {
    return findAttachScope(this.kind, this.marker);
  }

  /** An image arrived; its findings follow with `imageChecked`. */
  addImage(image: AttachedImage): void {
    this.images.push(image);
  }

  hasImage(id: number): boolean {
    return this.images.some((image) => image.id === id);
  }

  imageChecked(id: number, findings: Finding[]): void {
    const image = this.images.find((candidate) => candidate.id === id);
    if (!image || this.isDisposed) return;
    image.findings = findings;
    if (findings.length > 0) this.host.activated(this);
    this.host.changed(this);
  }

  /** The user emptied a file input: the images it brought are gone. */
  removeImagesFrom(input: HTMLInputElement): void {
    this.removeImages((image) => image.input === input);
  }

  /**
   * Matches attached images to the site's `blob:` previews and forgets images whose preview
   * has gone (removed by the user, or the composer reset after posting). An image whose
   * preview was never recognised stays until the composer goes: missing a logo is worse.
   */
  reconcilePreviews(blobInfo: (url: string) => Promise<{ size: number; type: string } | null>): void {
    if (this.images.length === 0) return;
    const scope = this.attachScope() ?? this.marker.parentElement;
    const urls = new Set(scope ? attachPreviewsIn(this.kind, scope).map((img) => img.src) : []);
    if (urls.size > 0) this.previewsSeen = true;
    else if (this.previewsSeen) {
      // Every preview has gone (removed, or the composer reset after posting): so have the images.
      this.previewsSeen = false;
      this.removeImages(() => true);
      return;
    }
    this.removeImages((image) => image.preview !== null && !urls.has(image.preview));
    const bound = new Set(this.images.map((image) => image.preview));
    for (const url of urls) {
      if (bound.has(url) || !this.images.some((image) => image.preview === null)) continue;
      void blobInfo(url).then((info) => {
        if (!info || this.isDisposed || this.images.some((image) => image.preview === url)) return;
        const match = this.images.find((image) => image.preview === null && image.size === info.size && image.type === info.type);
        if (match) match.preview = url;
      });
    }
  }

  private previewElements(): HTMLElement[] {
    const scope = this.images.length > 0 ? (this.attachScope() ?? this.marker.parentElement) : null;
    if (!scope) return [];
    return attachPreviewsIn(this.kind, scope).map((img) => img.parentElement ?? img);
  }

  private removeImages(gone: (image: AttachedImage) => boolean): void {
    const kept = this.images.filter((image) => !gone(image));
    if (kept.length === this.images.length) return;
    this.images = kept;
    this.host.changed(this);
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
    // Findings show as soon as there are any; "clear" waits for the text and every image.
    else if (findings.length === 0 && (checker.status === 'loading' || this.checkedText === null || this.images.some((image) => image.findings === null))) badge = { kind: 'checking' };
    else if (findings.length === 0) badge = (this.checkedText ?? '').trim() === '' && this.images.length === 0 ? { kind: 'empty' } : { kind: 'clear' };
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
      images: { total: this.images.length, checked: this.images.filter((image) => image.findings !== null).length },
      previews: this.previewElements(),
      controls: composerControls(this.marker, this.editable, this.attachScope()),
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
