import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { logFindingEvents } from '../messaging';
import type { CompiledPack } from '../rules';
import type { ActiveConfig } from '../settings/active';
import type { SiteAdapter } from '../sites';
import { composerAround, composerShadowRoots, findComposers, type LocatedComposer } from '../sites/locate';
import { mountCardLayer, pageLooksDark, type CardLayer } from '../ui/card/mount';
import type { HeldView } from '../ui/card/Layer';
import { SEVERITY_LABELS } from '../ui/vocabulary';
import { checkAttachedImage, packChecksImages, watchAttachments, watchFileInputsIn, type AttachmentWatch } from './attachments';
import { loadPageEngine, type PageEngine } from './engine';
import { HighlightPainter, supportsCustomHighlights } from './highlights';
import { PostHold, type HeldPost } from './hold-post';
import { ComposerSession, type AttachedImage, type AttachmentSource, type CheckerState, type SessionHost } from './session';

/** Page mutations are coalesced into one composer scan per this many milliseconds. */
const SCAN_THROTTLE_MS = 250;

/**
 * Everything PostCheck attaches to one page while it is on for this site: discovery
 * (focusin + one throttled MutationObserver), a session per composer, the post hold and the
 * card layer. Startup only registers listeners; the engine, the pack and the UI load when
 * the first composer appears.
 */
export class PostCheckPage {
  private readonly abort = new AbortController();
  private readonly sessions = new Map<HTMLElement, ComposerSession>();
  private readonly hold: PostHold;
  private readonly host: SessionHost;
  private checker: CheckerState = { status: 'loading' };
  private engine: Promise<PageEngine> | null = null;
  private compiledFor: unknown = undefined;
  private painter: HighlightPainter | null = null;
  private layer: Promise<CardLayer> | null = null;
  private mountedLayer: CardLayer | null = null;
  private activeSessionId: number | null = null;
  private held: HeldView | null = null;
  /** The post's text when it was held: editing it answers the question, so the dialog goes. */
  private heldText: string | null = null;
  /** Where focus was when the post was held, to return it when the dialog closes. */
  private focusBeforeHold: HTMLElement | null = null;
  /** Finding keys already announced to screen readers, per session. */
  private readonly announced = new Map<number, Set<string>>();
  private announcement = '';
  private scanScheduled = false;
  private renderScheduled = false;
  private frame = 0;
  private nextImageId = 1;
  /** Images attached before their composer appeared (Instagram: photo first, caption after). */
  private orphanImages: AttachedImage[] = [];
  /** Size and type of the sites' `blob:` previews, to tell which attached image each shows. */
  private readonly previewBlobs = new Map<string, Promise<{ size: number; type: string } | null>>();
  private readonly attachmentWatch: AttachmentWatch;
  /** Composer shadow roots already observed: the document's observer stops at their boundary. */
  private readonly watchedShadowRoots = new WeakSet<ShadowRoot>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
    private config: ActiveConfig,
  ) {
    const signal = this.abort.signal;
    ctx.signal.addEventListener('abort', () => this.dispose(), { once: true, signal });
    const page = this;
    this.host = {
      signal,
      checker: () => page.checker,
      painter: () => page.painter,
      setTimeout: (handler, delay) => ctx.setTimeout(handler, delay),
      changed: (session) => {
        // The text changed under a held post (cleared, undone, rewritten): the question no longer applies.
        if (page.held?.sessionId === session.id && session.text !== page.heldText) page.dropHeld();
        page.announceNew(session);
        page.requestRender();
      },
      activated: (session) => {
        if (page.activeSessionId !== session.id) {
          page.activeSessionId = session.id;
          // Switching composer leaves the other composer's question behind.
          if (page.held && page.held.sessionId !== session.id) page.dropHeld();
          page.requestRender();
        }
      },
    };
    this.hold = new PostHold({
      adapter,
      signal,
      sessions: () => this.sessions.values(),
      mode: () => this.config.mode,
      onHeld: (held) => this.showHeld(held),
    });
    window.addEventListener('focusin', (event) => this.onFocusIn(event), { capture: true, signal });
    window.addEventListener('keydown', (event) => this.onEditorTab(event), { capture: true, signal });
    this.attachmentWatch = {
      adapter,
      signal,
      attached: (files, source, target, input) => this.onImagesAttached(files, source, target, input),
      emptied: (input) => {
        for (const session of this.sessions.values()) session.removeImagesFrom(input);
        this.orphanImages = this.orphanImages.filter((image) => image.input !== input);
      },
    };
    watchAttachments(this.attachmentWatch);
    window.addEventListener('wxt:locationchange', () => this.scheduleScan(), { signal });
    window.addEventListener('scroll', () => this.requestFrame(), { capture: true, passive: true, signal });
    window.addEventListener('resize', () => this.requestFrame(), { passive: true, signal });
    // Watching the page and the first scan (which imports the engine when it finds a
    // composer) wait for the load event and then an idle moment: nothing here adds to the
    // page's own load, and the parser's insertions are never observed.
    const startWatching = () =>
      ctx.requestIdleCallback(
        () => {
          if (signal.aborted) return;
          const observer = new MutationObserver(() => this.scheduleScan());
          // childList only: attribute and text mutations fire thousands of times a second on X and Facebook.
          observer.observe(document.documentElement, { childList: true, subtree: true });
          signal.addEventListener('abort', () => observer.disconnect(), { once: true });
          this.scan();
        },
        { timeout: 1_000 },
      );
    if (document.readyState === 'complete') startWatching();
    else window.addEventListener('load', startWatching, { once: true, signal });
  }

  updateConfig(config: ActiveConfig): void {
    this.config = config;
    if (this.engine && config.pack !== this.compiledFor) void this.compile();
  }

  dispose(): void {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
    this.painter?.dispose();
    this.painter = null;
    this.mountedLayer?.remove();
  }

  private onFocusIn(event: FocusEvent): void {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    // A shadow host that appeared since the last scan: watch it from now on.
    if (target.getRootNode() instanceof ShadowRoot) this.watchShadowRoots();
    const located = composerAround(this.adapter, target);
    if (!located) return;
    const session = this.attach(located);
    this.host.activated(session);
  }

  private scheduleScan(): void {
    if (this.scanScheduled) return;
    this.scanScheduled = true;
    this.ctx.setTimeout(() => {
      this.scanScheduled = false;
      this.scan();
    }, SCAN_THROTTLE_MS);
  }

  private scan(): void {
    if (this.abort.signal.aborted) return;
    for (const [marker, session] of this.sessions) {
      if (!session.isConnected) {
        session.dispose();
        this.sessions.delete(marker);
        if (this.held?.sessionId === session.id) this.held = null;
        this.requestRender();
      }
    }
    this.watchShadowRoots();
    for (const located of findComposers(this.adapter)) this.attach(located);
    this.orphanImages = this.orphanImages.filter((image) => image.input?.isConnected);
    for (const session of this.sessions.values()) session.reconcilePreviews((url) => this.previewBlob(url));
  }

  /**
   * Observes each open composer shadow root once, as the document is observed: composers
   * that appear inside it later (LinkedIn opens its share dialog there) are found without
   * waiting for the user to focus them.
   */
  private watchShadowRoots(): void {
    const signal = this.abort.signal;
    for (const root of composerShadowRoots(this.adapter)) {
      if (this.watchedShadowRoots.has(root)) continue;
      this.watchedShadowRoots.add(root);
      const observer = new MutationObserver(() => this.scheduleScan());
      observer.observe(root, { childList: true, subtree: true });
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
      watchFileInputsIn(root, this.attachmentWatch);
    }
  }

  private previewBlob(url: string): Promise<{ size: number; type: string } | null> {
    let info = this.previewBlobs.get(url);
    if (!info) {
      // The site's own blob: URL, read in this page (no network); only its size and type are kept.
      info = fetch(url)
        .then((response) => response.blob())
        .then((blob) => ({ size: blob.size, type: blob.type }))
        .catch(() => null);
      this.previewBlobs.set(url, info);
    }
    return info;
  }

  /** The composer an image was attached to: by file input, or where it was pasted or dropped. */
  private sessionForAttachment(target: Element, source: AttachmentSource): ComposerSession | undefined {
    let best: { session: ComposerSession; scope: Element } | undefined;
    for (const session of this.sessions.values()) {
      if (session.isDisposed) continue;
      if (source !== 'file' && (session.marker.contains(target) || session.editable?.contains(target))) return session;
      const scope = session.attachScope();
      if (scope?.contains(target) && (!best || best.scope.contains(scope))) best = { session, scope };
    }
    return best?.session;
  }

  private onImagesAttached(files: File[], source: AttachmentSource, target: Element, input: HTMLInputElement | null): void {
    if (!packChecksImages(this.config.pack)) return;
    let session = this.sessionForAttachment(target, source);
    if (!session) {
      this.scan();
      session = this.sessionForAttachment(target, source);
    }
    if (!session && !input) return;
    for (const file of files) {
      const image: AttachedImage = { id: this.nextImageId++, source, input, size: file.size, type: file.type, findings: null, preview: null };
      if (session) session.addImage(image);
      else this.orphanImages.push(image);
      void checkAttachedImage(file).then((findings) => {
        if (this.abort.signal.aborted) return;
        image.findings = findings;
        for (const owner of this.sessions.values()) {
          if (!owner.hasImage(image.id)) continue;
          owner.imageChecked(image.id, findings);
          // Match the site's previews to the image now, so its removal is noticed from here on.
          owner.reconcilePreviews((url) => this.previewBlob(url));
        }
      });
    }
    this.scheduleScan();
  }

  private attach(located: LocatedComposer): ComposerSession {
    const existing = this.sessions.get(located.marker);
    if (existing && !existing.isDisposed && existing.editable === located.editable) return existing;
    existing?.dispose();
    this.start();
    const session = new ComposerSession(located.kind, located.marker, located.editable, this.host);
    this.sessions.set(located.marker, session);
    const scope = session.attachScope();
    if (scope && this.orphanImages.length > 0) {
      const adopted = this.orphanImages.filter((image) => image.input && scope.contains(image.input));
      this.orphanImages = this.orphanImages.filter((image) => !adopted.includes(image));
      for (const image of adopted) {
        session.addImage(image);
        if (image.findings) session.imageChecked(image.id, image.findings);
      }
    }
    this.requestRender();
    return session;
  }

  /** First composer on the page: load the engine, compile the pack, mount the UI. */
  private start(): void {
    if (!this.painter && supportsCustomHighlights()) {
      this.painter = new HighlightPainter();
      // WXT notices an extension update or reload lazily, when ctx is next consulted; this
      // tick makes it notice within two seconds, so no badge or underline outlives it.
      this.ctx.setInterval(() => undefined, 2_000);
    }
    if (!this.engine) {
      this.engine = loadPageEngine();
      void this.compile();
    }
    if (!this.layer) {
      this.layer = mountCardLayer(this.ctx, {
        ignoreOnce: (sessionId, key) => this.ignoreOnce(sessionId, key),
        setCardOpen: (sessionId, open) => this.sessionById(sessionId)?.setCardOpen(open),
        closeCard: (sessionId) => this.closeCard(sessionId),
        leaveCard: (sessionId, direction) => this.leaveCard(sessionId, direction),
        editHeld: () => this.editHeld(),
        postAnywayHeld: () => this.postAnywayHeld(),
      });
      void this.layer.then((layer) => {
        if (this.abort.signal.aborted) {
          layer.remove();
          return;
        }
        this.mountedLayer = layer;
        this.requestRender();
      });
    }
  }

  private async compile(): Promise<void> {
    let engine: PageEngine | null;
    try {
      engine = await this.engine;
    } catch {
      // Visible, not silent: the badge says "not checking here" with the reason.
      this.engine = null;
      this.checker = { status: 'no-policy', detail: 'PostCheck could not start its checker on this page; reload the page to try again' };
      this.requestRender();
      return;
    }
    if (!engine || this.abort.signal.aborted) return;
    const pack = this.config.pack;
    this.compiledFor = pack;
    if (pack === null || pack === undefined) {
      // Only when the background could not answer: with no school pack it sends the general pack.
      this.checker = { status: 'no-policy', detail: 'PostCheck could not read its settings; reload the page to try again' };
    } else {
      const result = engine.compile(pack);
      // One throwaway check while the page is idle: the NLP library sets itself up on its
      // first parse, and that pause must not land on the user's first keystroke (where it
      // would also split the editor's undo steps differently).
      if (result.ok) engine.check(result.compiled, 'Warming up before the first post.');
      this.checker = result.ok
        ? { status: 'ready', compiled: result.compiled, check: (compiled: CompiledPack, text: string) => engine.check(compiled, text) }
        : { status: 'no-policy', detail: `the school pack has problems: ${result.problems.slice(0, 3).join('; ')}` };
    }
    for (const session of this.sessions.values()) session.checkNow();
    this.requestRender();
  }

  private sessionById(id: number): ComposerSession | undefined {
    for (const session of this.sessions.values()) if (session.id === id) return session;
    return undefined;
  }

  private ignoreOnce(sessionId: number, key: string): void {
    const session = this.sessionById(sessionId);
    const shown = session?.visibleFindings().find((candidate) => candidate.key === key);
    if (!session || !shown) return;
    const index = session.visibleFindings().indexOf(shown);
    session.ignoreOnce(key);
    // The event log keeps category, rule and severity only: never the text (messaging.ts).
    logFindingEvents(this.adapter.id, [shown.finding], 'ignored-once');
    // Focus moves to the next finding's "Ignore once", or back to the post when none is left.
    this.render();
    const left = session.visibleFindings().length;
    if (left === 0 || !this.mountedLayer) session.editable?.focus();
    else this.mountedLayer.focus(`[data-postcheck="ignore"][data-index="${Math.min(index, left - 1)}"]`);
  }

  private closeCard(sessionId: number): void {
    const session = this.sessionById(sessionId);
    if (!session) return;
    session.setCardOpen(false);
    session.editable?.focus();
  }

  /** Tab out of the card goes on to the post button (or what follows the editor); Shift+Tab back to the editor. */
  private leaveCard(sessionId: number, direction: 'forward' | 'back'): void {
    const session = this.sessionById(sessionId);
    if (!session) return;
    const button = session.postButton();
    if (direction === 'forward' && button && !button.hasAttribute('disabled')) button.focus();
    else session.editable?.focus();
  }

  /** Tab from the editor goes into the open card first: it belongs right after the text it is about. */
  private onEditorTab(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || this.held) return;
    const session = this.activeSessionId === null ? undefined : this.sessionById(this.activeSessionId);
    if (!session?.editable || !event.composedPath().includes(session.editable)) return;
    if (!session.snapshot().cardOpen || !this.mountedLayer) return;
    if (!this.mountedLayer.focus('[data-postcheck="card"] button')) return;
    event.preventDefault();
    event.stopPropagation();
  }

  /** New findings in the composer being typed in are read out once each, the newest first. */
  private announceNew(session: ComposerSession): void {
    const seen = this.announced.get(session.id) ?? new Set<string>();
    const shown = session.visibleFindings();
    const fresh = shown.filter((item) => !seen.has(item.key));
    this.announced.set(session.id, new Set(shown.map((item) => item.key)));
    if (fresh.length === 0 || (this.activeSessionId !== null && session.id !== this.activeSessionId)) return;
    const [first] = fresh;
    const more = fresh.length > 1 ? ` And ${fresh.length - 1} more.` : '';
    this.announcement = `PostCheck: ${SEVERITY_LABELS[first!.finding.severity]}. ${first!.finding.message}${more}`;
  }

  private dropHeld(): void {
    this.held = null;
    this.heldText = null;
    this.focusBeforeHold = null;
    this.requestRender();
  }

  private showHeld(held: HeldPost): void {
    const focused = document.activeElement;
    this.focusBeforeHold = focused instanceof HTMLElement && focused !== document.body ? focused : held.session.editable;
    this.held = { sessionId: held.session.id, findings: held.findings, blocking: held.blocking };
    this.heldText = held.session.text;
    this.activeSessionId = held.session.id;
    this.requestRender();
  }

  private editHeld(): void {
    const session = this.held ? this.sessionById(this.held.sessionId) : undefined;
    const first = this.held?.findings[0]?.finding;
    if (this.held) logFindingEvents(this.adapter.id, this.held.findings.map((shown) => shown.finding), 'edited');
    this.dropHeld();
    const editable = session?.editable;
    if (!session || !editable) return;
    // Focus and selection belong to the user; moving them is not writing to the editor.
    editable.focus();
    const span = first?.spans[0];
    if (editable instanceof HTMLTextAreaElement) {
      if (span) editable.setSelectionRange(span.start, span.end);
      return;
    }
    const range = first ? session.rangeOf(first) : undefined;
    const selection = window.getSelection();
    if (range && selection) {
      selection.removeAllRanges();
      selection.addRange(range);
    }
  }

  private postAnywayHeld(): void {
    const session = this.held ? this.sessionById(this.held.sessionId) : undefined;
    const held = this.held;
    const restore = this.focusBeforeHold;
    this.dropHeld();
    if (!session || !held || held.blocking) return;
    logFindingEvents(this.adapter.id, held.findings.map((shown) => shown.finding), 'posted-anyway');
    this.hold.postAnyway(session);
    // Focus goes back where it was when Post was pressed (the post button, or the editor).
    (restore?.isConnected ? restore : session.editable)?.focus();
  }

  private requestFrame(): void {
    if (this.sessions.size === 0) return;
    this.frame++;
    this.requestRender();
  }

  private requestRender(): void {
    if (this.renderScheduled || this.abort.signal.aborted) return;
    this.renderScheduled = true;
    queueMicrotask(() => {
      this.renderScheduled = false;
      this.render();
    });
  }

  private render(): void {
    const layer = this.mountedLayer;
    if (!layer || this.abort.signal.aborted) return;
    layer.render({
      sessions: [...this.sessions.values()].map((session) => session.snapshot()),
      activeSessionId: this.activeSessionId,
      held: this.held,
      dark: pageLooksDark(),
      frame: this.frame,
      generalPolicy: this.config.packLabel?.general === true,
      announcement: this.announcement,
    });
  }
}
