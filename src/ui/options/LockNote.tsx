/** A padlock drawn inline: emoji fonts are not on every school computer. */
export function LockIcon() {
  return (
    <svg class="lock-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" stroke-width="1.6" />
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}

/** Says why a control is greyed out ("Managed by <school>"); renders nothing when it is not. */
export function LockNote(props: { reason: string | null; what: string }) {
  if (!props.reason) return null;
  return (
    <p class="lock-note" data-testid="lock-note">
      <LockIcon />
      {props.reason}. {props.what} can only be changed by your school's IT team.
    </p>
  );
}
