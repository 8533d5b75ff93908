import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { SessionSnapshot, ShownFinding, TextareaUnderline } from '../../content/session';
import { placeCard, type Box } from './placement';
import { SEVERITY_LABELS, WHY_IT_MATTERS } from './why';

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
}

export interface LayerActions {
  ignoreOnce(sessionId: number, key: string): void;
  setCardOpen(sessionId: number, open: boolean): void;
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

function badgeText(session: SessionSnapshot): { label: string; short: string; tone: string } {
  const { badge } = session;
  switch (badge.kind) {
    case 'checking':
      return { label: 'PostCheck is checking this post', short: 'Checking…', tone: 'neutral' };
    case 'clear':
      return { label: 'PostCheck: nothing to check in this post', short: 'Clear', tone: 'clear' };
    case 'issues': {
      const noun = badge.count === 1 ? 'issue' : 'issues';
      return { label: `PostCheck: ${badge.count} ${noun} in this post`, short: `${badge.count} ${noun}`, tone: badge.worst };
    }
    case 'unreadable':
      return { label: 'PostCheck cannot read this box: not checking here', short: 'Not checking here', tone: 'muted' };
    case 'no-policy':
      return { label: `PostCheck is not checking here: ${badge.detail}`, short: 'Not checking', tone: 'muted' };
  }
}

/** Positions its child next to the composer, never over the post button. */
function Floating(props: { anchor: Element; avoid: Element[]; frame: number; class: string; children: ComponentChildren; role?: 'region' | 'alertdialog'; label?: string; labelledBy?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const placed = placeCard(boxOf(props.anchor), { width: element.offsetWidth, height: element.offsetHeight }, props.avoid.map(boxOf), viewport());
    element.style.left = `${Math.round(placed.left)}px`;
    element.style.top = `${Math.round(placed.top)}px`;
  });
  return (
    <div ref={ref} class={props.class} role={props.role} aria-label={props.label} aria-labelledby={props.labelledBy}>
      {props.children}
    </div>
  );
}

function Badge(props: { session: SessionSnapshot; actions: LayerActions; frame: number }) {
  const { session, actions } = props;
  const target = session.editable ?? session.marker;
  const box = boxOf(target);
  if (box.width === 0 && box.height === 0) return null;
  const text = badgeText(session);
  const style = { left: `${Math.round(box.left + box.width)}px`, top: `${Math.round(Math.max(2, box.top - 22))}px` };
  const canOpen = session.badge.kind === 'issues';
  return (
    <button
      type="button"
      class={`pc-badge pc-tone-${text.tone}`}
      style={style}
      data-postcheck="badge"
      data-state={session.badge.kind}
      data-images={session.images.total > 0 ? `${session.images.checked}/${session.images.total}` : undefined}
      aria-label={text.label}
      title={text.label}
      aria-expanded={canOpen ? session.cardOpen : undefined}
      disabled={!canOpen}
      onClick={() => actions.setCardOpen(session.id, !session.cardOpen)}
    >
      <span class="pc-badge-dot" aria-hidden="true" />
      {text.short}
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

function FindingItem(props: { shown: ShownFinding; onIgnore?: () => void }) {
  const { finding } = props.shown;
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
        {finding.excerpt && !props.shown.image ? <span class="pc-excerpt"> “{finding.excerpt}”</span> : null}
      </p>
      <p class="pc-why">{WHY_IT_MATTERS[finding.category]}</p>
      <ClauseQuote shown={props.shown} />
      {props.onIgnore ? (
        <button type="button" class="pc-link" onClick={props.onIgnore} aria-label={`Ignore once: ${props.shown.image ?? (finding.excerpt || finding.message)}`}>
          Ignore once
        </button>
      ) : null}
    </li>
  );
}

function FindingsCard(props: { session: SessionSnapshot; actions: LayerActions; frame: number; postButton: Element | undefined }) {
  const { session, actions } = props;
  const count = session.findings.length;
  const headingId = `pc-card-heading-${session.id}`;
  return (
    <Floating anchor={session.editable ?? session.marker} avoid={[...(props.postButton ? [props.postButton] : []), ...session.previews]} frame={props.frame} class="pc-card" role="region" labelledBy={headingId}>
      <div data-postcheck="card">
        <header class="pc-head">
          <h2 id={headingId} class="pc-title">
            PostCheck: {count} {count === 1 ? 'thing' : 'things'} to check in this {session.composerLabel}
          </h2>
          <button type="button" class="pc-close" aria-label="Close PostCheck card" onClick={() => actions.setCardOpen(session.id, false)}>
            ×
          </button>
        </header>
        <ul class="pc-list">
          {session.findings.map((shown) => (
            <FindingItem key={shown.key} shown={shown} onIgnore={() => actions.ignoreOnce(session.id, shown.key)} />
          ))}
        </ul>
      </div>
    </Floating>
  );
}

function ConfirmCard(props: { session: SessionSnapshot; held: HeldView; actions: LayerActions; frame: number; postButton: Element | undefined }) {
  const { session, held, actions } = props;
  const editRef = useRef<HTMLButtonElement>(null);
  // The user asked to post: move focus here so keyboard and screen-reader users meet the question.
  useLayoutEffect(() => editRef.current?.focus(), [held]);
  const headingId = `pc-confirm-heading-${session.id}`;
  const count = held.findings.length;
  return (
    <Floating anchor={session.editable ?? session.marker} avoid={[...(props.postButton ? [props.postButton] : []), ...session.previews]} frame={props.frame} class="pc-card pc-confirm" role="alertdialog" labelledBy={headingId}>
      <div
        data-postcheck="confirm"
        onKeyDown={(event) => {
          if (event.key === 'Escape') actions.editHeld();
        }}
      >
        <h2 id={headingId} class="pc-title">
          {held.blocking
            ? "Your school's policy does not allow this post as written"
            : `Post this anyway? PostCheck found ${count} ${count === 1 ? 'thing' : 'things'} to check`}
        </h2>
        <ul class="pc-list">
          {held.findings.map((shown) => (
            <FindingItem key={shown.key} shown={shown} />
          ))}
        </ul>
        {held.blocking ? <p class="pc-why">Change the underlined text to post it.</p> : null}
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
  const issues = state.sessions.reduce((sum, session) => sum + session.findings.length, 0);
  return (
    <div class={`pc-layer ${state.dark ? 'pc-dark' : ''}`}>
      <div class="pc-sr-only" aria-live="polite">
        {issues > 0 ? `PostCheck found ${issues} ${issues === 1 ? 'thing' : 'things'} to check.` : ''}
      </div>
      {state.sessions.map((session) => (
        <Badge key={session.id} session={session} actions={actions} frame={state.frame} />
      ))}
      {state.sessions.map((session) =>
        session.textarea ? <TextareaMirror key={`m${session.id}`} textarea={session.textarea} frame={state.frame} /> : null,
      )}
      {held && state.held ? (
        <ConfirmCard session={held} held={state.held} actions={actions} frame={state.frame} postButton={held.postButton} />
      ) : active?.cardOpen ? (
        <FindingsCard session={active} actions={actions} frame={state.frame} postButton={active.postButton} />
      ) : null}
    </div>
  );
}
