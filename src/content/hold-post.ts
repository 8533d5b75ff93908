import { SEVERITY_RANK } from '../rules/types';
import type { SiteAdapter } from '../sites';
import { isDisabledControl, isPostButton } from '../sites/locate';
import type { ComposerSession, ShownFinding } from './session';

export interface HeldPost {
  session: ComposerSession;
  findings: ShownFinding[];
  /** Block mode and a `block` finding: no "post anyway" until the text changes. */
  blocking: boolean;
}

export interface HoldPostOptions {
  adapter: SiteAdapter;
  signal: AbortSignal;
  sessions: () => Iterable<ComposerSession>;
  mode: () => 'warn' | 'block';
  onHeld: (held: HeldPost) => void;
}

/**
 * The longest a post waits for the engine to load or an attached image to be checked before
 * it is decided anyway (issue 11: fail closed, briefly).
 */
export const DECIDE_WAIT_MS = 1_000;
const DECIDE_POLL_MS = 25;

/** How many ancestors up from `from` the first one holding `target` is. */
function stepsUpToContain(from: Element, target: Element): number {
  let steps = 0;
  for (let node: Element | null = from; node; node = node.parentElement, steps++) if (node.contains(target)) return steps;
  return Number.POSITIVE_INFINITY;
}

/**
 * Holds the post while findings are outstanding. Listens on `window` in the capture phase, so
 * it runs before React's root listeners (composers.md §4), and decides synchronously from a
 * check run on the spot: cancelling an event cannot wait for anything.
 */
export class PostHold {
  /**
   * The one-shot pass for "post anyway". `click()` and `dispatchEvent` run listeners
   * synchronously, so the pass is spent or withdrawn before `postAnyway` returns: no later
   * click can ride on it.
   */
  private passFor: HTMLElement | null = null;
  /** Posts held until their check finishes. */
  private readonly waiting = new Set<ComposerSession>();

  constructor(private readonly options: HoldPostOptions) {
    const { signal } = options;
    window.addEventListener('click', (event) => this.onClick(event), { capture: true, signal });
    window.addEventListener('keydown', (event) => this.onKeydown(event), { capture: true, signal });
  }

  /**
   * Lets exactly this post through using the site's own action: a click on its post button,
   * or, for composers sent only by a key, that key re-dispatched to the editor.
   */
  postAnyway(session: ComposerSession): boolean {
    const button = session.postButton();
    if (button && !isDisabledControl(button)) {
      this.passFor = button;
      try {
        button.click();
      } finally {
        this.passFor = null;
      }
      return true;
    }
    const editable = session.editable;
    const key = session.kind.submitKeys[0];
    if (!editable || !key) return false;
    this.passFor = editable;
    try {
      editable.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: key === 'mod+enter', bubbles: true, cancelable: true, composed: true }),
      );
    } finally {
      this.passFor = null;
    }
    return true;
  }

  private consumePass(target: HTMLElement): boolean {
    if (this.passFor !== target) return false;
    this.passFor = null;
    return true;
  }

  private decide(event: Event, session: ComposerSession, target: HTMLElement): void {
    if (this.consumePass(target)) return;
    if (!session.readyToDecide()) {
      // Not checked yet (the engine is loading, or a photo is being checked): hold the post
      // until it is, then warn or send it on with the site's own action.
      event.preventDefault();
      event.stopImmediatePropagation();
      // A second press while waiting is the same post: it is decided once.
      if (this.waiting.has(session)) return;
      this.waiting.add(session);
      void this.whenReady(session).then(() => {
        this.waiting.delete(session);
        if (session.isDisposed) return;
        session.checkNow();
        if (!this.holdIfNeeded(session)) this.postAnyway(session);
      });
      return;
    }
    // A check only scheduled (typing within CHECK_INTERVAL_MS) is run now, on the text as it
    // stands: the post is decided before this handler returns, so nothing needs re-sending.
    session.checkNow();
    if (this.holdIfNeeded(session)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }

  /** Shows the question when findings are outstanding; true when the post is held. */
  private holdIfNeeded(session: ComposerSession): boolean {
    const findings = session.holdingFindings();
    if (findings.length === 0) return false;
    const blocking = this.options.mode() === 'block' && findings.some((shown) => SEVERITY_RANK[shown.finding.severity] >= SEVERITY_RANK.block);
    this.options.onHeld({ session, findings, blocking });
    return true;
  }

  private whenReady(session: ComposerSession): Promise<void> {
    const deadline = performance.now() + DECIDE_WAIT_MS;
    return new Promise((resolve) => {
      const poll = () => {
        if (session.readyToDecide() || session.isDisposed || performance.now() >= deadline || this.options.signal.aborted) resolve();
        else setTimeout(poll, DECIDE_POLL_MS);
      };
      poll();
    });
  }

  private postButtonIn(path: EventTarget[]): { session: ComposerSession; button: HTMLElement } | undefined {
    const { adapter } = this.options;
    const candidates = path.filter((node): node is HTMLElement => node instanceof HTMLElement && adapter.composers.some((kind) => isPostButton(kind, node)));
    if (candidates.length === 0) return undefined;
    // An empty comment box whose own button is not rendered yet finds the nearest one around
    // it, which can be a neighbouring reply box's: the button belongs to the closest composer.
    let best: { session: ComposerSession; button: HTMLElement; distance: number } | undefined;
    for (const session of this.options.sessions()) {
      const button = session.postButton();
      if (!button || !candidates.includes(button)) continue;
      const distance = stepsUpToContain(session.marker, button);
      if (!best || distance < best.distance) best = { session, button, distance };
    }
    return best && { session: best.session, button: best.button };
  }

  private onClick(event: MouseEvent): void {
    const hit = this.postButtonIn(event.composedPath());
    if (!hit || isDisabledControl(hit.button)) return;
    this.decide(event, hit.session, hit.button);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.isComposing || (event.key !== 'Enter' && event.key !== ' ')) return;
    const path = event.composedPath();
    // Keyboard activation of a focused post control: some sites post on keydown itself.
    const hit = this.postButtonIn(path);
    if (hit && path[0] === hit.button) {
      if (!isDisabledControl(hit.button)) this.decide(event, hit.session, hit.button);
      return;
    }
    if (event.key !== 'Enter') return;
    for (const session of this.options.sessions()) {
      const editable = session.editable;
      if (!editable || !path.includes(editable)) continue;
      const mod = event.ctrlKey || event.metaKey;
      const bare = !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
      const submits = (mod && session.kind.submitKeys.includes('mod+enter')) || (bare && session.kind.submitKeys.includes('enter'));
      if (submits) this.decide(event, session, editable);
      return;
    }
  }
}
