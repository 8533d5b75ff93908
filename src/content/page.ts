import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { logFindingEvents } from '../messaging';
import type { CompiledPack } from '../rules';
import type { ActiveConfig } from '../settings/active';
import type { SiteAdapter } from '../sites';
import { composerAround, findComposers, type LocatedComposer } from '../sites/locate';
import { mountCardLayer, pageLooksDark, type CardLayer } from '../ui/card/mount';
import type { HeldView } from '../ui/card/Layer';
import { checkAttachedImage, packChecksImages, watchAttachments } from './attachments';
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
  private scanScheduled = false;
  private renderScheduled = false;
  private frame = 0;
  private nextImageId = 1;
  /** Images attached before their composer appeared (Instagram: photo first, caption after). */
  private orphanImages: AttachedImage[] = [];
  /** Size and type of the sites' `blob:` previews, to tell which attached image each shows. */
  private readonly previewBlobs = new Map<string, Promise<{ size: number; type: string } | null>>();

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
      changed: () => page.requestRender(),
      activated: (session) => {
        if (page.activeSessionId !== session.id) {
          page.activeSessionId = session.id;
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
    watchAttachments({
      adapter,
      signal,
      attached: (files, source, target, input) => this.onImagesAttached(files, source, target, input),
      emptied: (input) => {
        for (const session of this.sessions.values()) session.removeImagesFrom(input);
        this.orphanImages = this.orphanImages.filter((image) => image.input !== input);
      },
    });
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
    for (const located of findComposers(this.adapter)) this.attach(located);
    this.orphanImages = this.orphanImages.filter((image) => image.input?.isConnected);
    for (const session of this.sessions.values()) session.reconcilePreviews((url) => this.previewBlob(url));
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
      this.checker = { status: 'no-policy', detail: 'no school pack installed' };
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
    session.ignoreOnce(key);
    // The event log keeps category, rule and severity only: never the text (messaging.ts).
    logFindingEvents(this.adapter.id, [shown.finding], 'ignored-once');
  }

  private showHeld(held: HeldPost): void {
    this.held = { sessionId: held.session.id, findings: held.findings, blocking: held.blocking };
    this.activeSessionId = held.session.id;
    this.requestRender();
  }

  private editHeld(): void {
    const session = this.held ? this.sessionById(this.held.sessionId) : undefined;
    const first = this.held?.findings[0]?.finding;
    if (this.held) logFindingEvents(this.adapter.id, this.held.findings.map((shown) => shown.finding), 'edited');
    this.held = null;
    this.requestRender();
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
    this.held = null;
    this.requestRender();
    if (!session || !held || held.blocking) return;
    logFindingEvents(this.adapter.id, held.findings.map((shown) => shown.finding), 'posted-anyway');
    this.hold.postAnyway(session);
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
    });
  }
}
