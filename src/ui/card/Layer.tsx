import { useEffect, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { SessionSnapshot, ShownFinding, TextareaUnderline } from '../../content/session';
import { placeCard, type Box } from './placement';
import { GENERAL_POLICY_NOTE, LOAD_SCHOOL_PACK_HINT, quoteClauseOnce, SEVERITY_LABELS, thingsToCheck, underlinedNote } from '../vocabulary';

export interface HeldView {
  sessionId: number;
  findings: ShownFinding[];
  blocking: boolean;
}

export interface LayerState {
  sessions: SessionSnapshot[];
  /** The composer last typed in: only its card is shown. */
  activeSessionId: number | null;
  held: HeldView | null;
  dark: boolean;
  /** Bumped on scroll and resize so positions are recomputed. */
  frame: number;
  /** The built-in general pack is in use: the card says so and how to load the school's own. */
  generalPolicy: boolean;
  /** Read out by screen readers when it changes: the newest warning, in one sentence. */
  announcement: string;
}

export interface LayerActions {
  ignoreOnce(sessionId: number, key: string): void;
  /** The badge toggles the card. */
  setCardOpen(sessionId: number, open: boolean): void;
  /** × or Escape: the card closes and focus goes back to the editor. */
  closeCard(sessionId: number): void;
  /** Tab past the card's last control (forward) or Shift+Tab before its first (back). */
  leaveCard(sessionId: number, direction: 'forward' | 'back'): void;
  editHeld(): void;
  postAnywayHeld(): void;
}

function boxOf(element: Element): Box {
  const rect = element.getBoundingClientRect();
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

function viewport() {
  return { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
}

/**
 * The badge's words. Its accessible name is `before + short + after`, so the visible text is
 * part of the name (WCAG 2.5.3); `before` and `after` are for screen readers only.
 */
function badgeText(session: SessionSnapshot, general: boolean): { before: string; short: string; after: string; tone: string } {
  const { badge } = session;
  const before = general ? 'PostCheck (general policy): ' : 'PostCheck: ';
  switch (badge.kind) {
    case 'empty':
      return { before, short: '', after: '', tone: 'neutral' };
    case 'checking':
      return { before, short: 'Checking…', after: ' this post', tone: 'neutral' };
    case 'clear':
      return { before, short: general ? 'Clear · general policy' : 'Clear', after: ': nothing to check in this post', tone: 'clear' };
    case 'issues':
      return { before, short: thingsToCheck(badge.count), after: ' in this post', tone: badge.worst };
    case 'unreadable':
      return { before: 'PostCheck cannot read this box: ', short: 'Not checking here', after: '', tone: 'muted' };
    case 'no-policy':
      return { before, short: 'Not checking', after: `: ${badge.detail}`, tone: 'muted' };
  }
}

/** Focusable controls inside a card, in tab order. */
function controlsIn(element: HTMLElement): HTMLElement[] {
  return [...element.querySelectorAll<HTMLElement>('button:not([disabled]), a[href]')];
}

/** Positions its child next to the composer, clear of the text, the composer's controls and the dialog chrome. */
function Floating(props: {
  anchor: Element;
  avoid: Element[];
  frame: number;
  class: string;
  children: ComponentChildren;
  role?: 'region' | 'alertdialog';
  labelledBy?: string;
  onKeyDown?: (event: KeyboardEvent) => void;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // The composer grows as lines wrap and pushes its own buttons down between renders:
  // place the card again whenever the composer or a control changes size.
  const [, replace] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    const observer = new ResizeObserver(() => replace(undefined));
    for (const element of [props.anchor, ...props.avoid]) observer.observe(element);
    return () => observer.disconnect();
  }, [props.anchor, ...props.avoid]);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.style.maxHeight = '';
    // CSS's 100vw counts the page's scrollbar: at 360 px the card was wider than the room
    // beside the scrollbar, fitted nowhere, and fell back to covering the composer.
    const room = viewport();
    element.style.width = '';
    element.style.boxSizing = '';
    if (element.offsetWidth > room.width - 16) {
      element.style.boxSizing = 'border-box';
      element.style.width = `${room.width - 16}px`;
    }
    const dialog = props.anchor.closest('[role="dialog"], dialog');
    const placed = placeCard(
      boxOf(props.anchor),
      { width: element.offsetWidth, height: element.offsetHeight },
      props.avoid.map(boxOf),
      room,
      dialog ? boxOf(dialog) : undefined,
    );
    element.style.left = `${Math.round(placed.left)}px`;
    element.style.top = `${Math.round(placed.top)}px`;
    // Where nothing beside the composer has room, the card gets shorter and scrolls inside.
    element.style.maxHeight = placed.height < element.offsetHeight ? `${Math.round(placed.height)}px` : '';
  });
  return (
    <div
      ref={ref}
      class={props.class}
      role={props.role}
      aria-modal={props.role === 'alertdialog' ? 'true' : undefined}
      aria-labelledby={props.labelledBy}
      tabIndex={-1}
      data-postcheck={props.testId}
      onKeyDown={props.onKeyDown}
    >
      {props.children}
    </div>
  );
}

function Badge(props: { session: SessionSnapshot; actions: LayerActions; frame: number; general: boolean }) {
  const { session, actions } = props;
  const target = session.editable ?? session.marker;
  const box = boxOf(target);
  if (box.width === 0 && box.height === 0) return null;
  // An empty composer shows nothing ("Clear" on every empty box is noise); the hidden marker
  // says the composer is attached and checked, for tests and tools.
  if (session.badge.kind === 'empty') return <span hidden data-postcheck="badge" data-state="empty" />;
  const text = badgeText(session, props.general);
  const style = { left: `${Math.round(box.left + box.width)}px`, top: `${Math.round(Math.max(2, box.top - 22))}px` };
  const canOpen = session.badge.kind === 'issues';
  return (
    <button
      type="button"
      class={`pc-badge pc-tone-${text.tone}`}
      style={style}
      data-postcheck="badge"
      data-state={session.badge.kind}
      data-policy={props.general ? 'general' : 'school'}
      data-images={session.images.total > 0 ? `${session.images.checked}/${session.images.total}` : undefined}
      title={`${text.before}${text.short}${text.after}`}
      aria-expanded={canOpen ? session.cardOpen : undefined}
      disabled={!canOpen}
      // Reached from the card, not on its own: the card follows the editor in tab order.
      tabIndex={-1}
      onClick={() => actions.setCardOpen(session.id, !session.cardOpen)}
    >
      <span class="pc-badge-dot" aria-hidden="true" />
      <span class="pc-sr-only">{text.before}</span>
      {text.short}
      {text.after ? <span class="pc-sr-only">{text.after}</span> : null}
    </button>
  );
}

function ClauseQuote(props: { shown: ShownFinding }) {
  const { clause } = props.shown.finding;
  return (
    <blockquote class="pc-clause" data-postcheck="clause">
      <p class="pc-clause-text">“{clause.text}”</p>
      <footer class="pc-clause-source">
        <cite>{clause.policyTitle}</cite>, <span data-postcheck="clause-ref">{clause.ref}</span>
      </footer>
    </blockquote>
  );
}

function FindingItem(props: { shown: ShownFinding; quoteClause: boolean; onIgnore?: () => void; index: number }) {
  const { finding } = props.shown;
  const underlined = props.shown.image ? '' : underlinedNote(props.shown.underlined ?? []);
  return (
    <li class={`pc-finding pc-sev-${finding.severity}`} data-postcheck="finding" data-category={finding.category} data-rule={finding.ruleId}>
      <p class="pc-what">
        <span class="pc-sev">{SEVERITY_LABELS[finding.severity]}</span>{' '}
        {props.shown.image ? (
          // An image finding has no text to underline: say which image instead.
          <span class="pc-image" data-postcheck="image">
            In {props.shown.image}:{' '}
          </span>
        ) : null}
        {finding.message}
      </p>
      {underlined ? (
        <p class="pc-underlined" data-postcheck="underlined">
          {underlined}
        </p>
      ) : null}
      {props.quoteClause ? (
        <ClauseQuote shown={props.shown} />
      ) : (
        <p class="pc-clause-again" data-postcheck="clause-again">
          Same policy clause as above ({finding.clause.ref}).
        </p>
      )}
      {props.onIgnore ? (
        <button
          type="button"
          class="pc-link"
          data-postcheck="ignore"
          data-index={props.index}
          onClick={props.onIgnore}
          aria-label={`Ignore once: ${props.shown.image ?? (finding.excerpt || finding.message)}`}
        >
          Ignore once
        </button>
      ) : null}
    </li>
  );
}

function FindingList(props: { findings: ShownFinding[]; onIgnore?: (key: string) => void }) {
  const quote = quoteClauseOnce(props.findings.map((shown) => shown.finding.clause.id));
  return (
    <ul class="pc-list">
      {props.findings.map((shown, index) => (
        <FindingItem key={shown.key} shown={shown} index={index} quoteClause={quote[index]!} onIgnore={props.onIgnore ? () => props.onIgnore!(shown.key) : undefined} />
      ))}
    </ul>
  );
}

function PolicyNote(props: { general: boolean }) {
  if (!props.general) return null;
  return (
    <p class="pc-policy-note" data-postcheck="general-policy">
      {GENERAL_POLICY_NOTE} {LOAD_SCHOOL_PACK_HINT}
    </p>
  );
}

/** What the card must not cover: the composer's controls and previews, and its dialog's chrome. */
function avoidFor(session: SessionSnapshot): Element[] {
  return [...(session.postButton ? [session.postButton] : []), ...session.previews, ...session.controls];
}

function FindingsCard(props: { session: SessionSnapshot; actions: LayerActions; frame: number; general: boolean }) {
  const { session, actions } = props;
  const headingId = `pc-card-heading-${session.id}`;
  const onKeyDown = (event: KeyboardEvent) => {
    const card = event.currentTarget as HTMLElement;
    if (event.key === 'Escape') {
      event.preventDefault();
      actions.closeCard(session.id);
      return;
    }
    if (event.key !== 'Tab') return;
    const controls = controlsIn(card);
    const here = (card.getRootNode() as ShadowRoot).activeElement;
    if (!event.shiftKey && here === controls.at(-1)) {
      event.preventDefault();
      actions.leaveCard(session.id, 'forward');
    } else if (event.shiftKey && (here === controls[0] || here === card)) {
      event.preventDefault();
      actions.leaveCard(session.id, 'back');
    }
  };
  return (
    <Floating anchor={session.editable ?? session.marker} avoid={avoidFor(session)} frame={props.frame} class="pc-card" role="region" labelledBy={headingId} onKeyDown={onKeyDown} testId="card">
      <header class="pc-head">
        <h2 id={headingId} class="pc-title">
          PostCheck: {thingsToCheck(session.findings.length)} in this {session.composerLabel}
        </h2>
        <button type="button" class="pc-close" data-postcheck="close" aria-label="Close PostCheck card" onClick={() => actions.closeCard(session.id)}>
          ×
        </button>
      </header>
      <FindingList findings={session.findings} onIgnore={(key) => actions.ignoreOnce(session.id, key)} />
      <PolicyNote general={props.general} />
    </Floating>
  );
}

function ConfirmCard(props: { session: SessionSnapshot; held: HeldView; actions: LayerActions; frame: number; general: boolean }) {
  const { session, held, actions } = props;
  const editRef = useRef<HTMLButtonElement>(null);
  // The user asked to post: move focus here so keyboard and screen-reader users meet the question.
  useLayoutEffect(() => editRef.current?.focus(), [held]);
  const headingId = `pc-confirm-heading-${session.id}`;
  const count = held.findings.length;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      actions.editHeld();
      return;
    }
    if (event.key !== 'Tab') return;
    // A modal question: Tab stays inside it until it is answered.
    const controls = controlsIn(event.currentTarget as HTMLElement);
    const here = ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot).activeElement;
    const at = controls.indexOf(here as HTMLElement);
    const next = event.shiftKey ? (at <= 0 ? controls.length - 1 : at - 1) : at === controls.length - 1 ? 0 : at + 1;
    event.preventDefault();
    controls[next]?.focus();
  };
  return (
    <Floating anchor={session.editable ?? session.marker} avoid={avoidFor(session)} frame={props.frame} class="pc-card pc-confirm" role="alertdialog" labelledBy={headingId} onKeyDown={onKeyDown} testId="confirm">
      {/* The question and its answers first, so they are on screen before any detail. */}
      <h2 id={headingId} class="pc-title">
        {held.blocking ? `${SEVERITY_LABELS.block}: your school's policy does not allow this post as written` : `Post this anyway? PostCheck found ${thingsToCheck(count)}`}
      </h2>
      {held.blocking ? <p class="pc-hint">Change the underlined text to post it.</p> : null}
      <div class="pc-actions">
        <button type="button" ref={editRef} class="pc-primary" onClick={actions.editHeld}>
          Go back and edit
        </button>
        {held.blocking ? null : (
          <button type="button" class="pc-secondary" onClick={actions.postAnywayHeld}>
            Post anyway
          </button>
        )}
      </div>
      <div class="pc-details">
        <FindingList findings={held.findings} />
        <PolicyNote general={props.general} />
      </div>
    </Floating>
  );
}

function splitByUnderlines(text: string, underlines: TextareaUnderline[]) {
  const sorted = [...underlines].sort((a, b) => a.start - b.start);
  const pieces: { text: string; severity: TextareaUnderline['severity'] | null }[] = [];
  let at = 0;
  for (const mark of sorted) {
    if (mark.start < at) continue;
    pieces.push({ text: text.slice(at, mark.start), severity: null });
    pieces.push({ text: text.slice(mark.start, mark.end), severity: mark.severity });
    at = mark.end;
  }
  pieces.push({ text: text.slice(at), severity: null });
  return pieces;
}

/** Underlines for a <textarea>: a transparent mirror of its text drawn over it. */
function TextareaMirror(props: { textarea: NonNullable<SessionSnapshot['textarea']>; frame: number }) {
  const { element, text, underlines } = props.textarea;
  if (underlines.length === 0) return null;
  const box = boxOf(element);
  const computed = getComputedStyle(element);
  const style = {
    left: `${box.left}px`,
    top: `${box.top}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
    font: computed.font,
    letterSpacing: computed.letterSpacing,
    wordSpacing: computed.wordSpacing,
    lineHeight: computed.lineHeight,
    textIndent: computed.textIndent,
    textAlign: computed.textAlign,
    direction: computed.direction,
    padding: computed.padding,
    borderStyle: 'solid',
    borderColor: 'transparent',
    borderWidth: computed.borderWidth,
    boxSizing: computed.boxSizing,
  };
  return (
    <div class="pc-mirror" style={style} aria-hidden="true" data-postcheck="textarea-underlines">
      <div style={{ transform: `translateY(${-element.scrollTop}px)` }}>
        {splitByUnderlines(text, underlines).map((piece, index) =>
          piece.severity ? (
            <span key={index} class={`pc-mirror-mark pc-sev-${piece.severity}`} data-postcheck="underline">
              {piece.text}
            </span>
          ) : (
            piece.text
          ),
        )}
      </div>
    </div>
  );
}

export function Layer(props: { state: LayerState; actions: LayerActions }) {
  const { state, actions } = props;
  const active = state.sessions.find((session) => session.id === state.activeSessionId);
  const held = state.held ? state.sessions.find((session) => session.id === state.held?.sessionId) : undefined;
  return (
    <div class={`pc-layer ${state.dark ? 'pc-dark' : ''}`}>
      <div class="pc-sr-only" role="status" aria-live="polite" data-postcheck="announce">
        {state.announcement}
      </div>
      {state.sessions.map((session) => (
        <Badge key={session.id} session={session} actions={actions} frame={state.frame} general={state.generalPolicy} />
      ))}
      {state.sessions.map((session) =>
        session.textarea ? <TextareaMirror key={`m${session.id}`} textarea={session.textarea} frame={state.frame} /> : null,
      )}
      {held && state.held ? (
        <ConfirmCard session={held} held={state.held} actions={actions} frame={state.frame} general={state.generalPolicy} />
      ) : active?.cardOpen ? (
        <FindingsCard session={active} actions={actions} frame={state.frame} general={state.generalPolicy} />
      ) : null}
    </div>
  );
}
