/** Says why a control is greyed out ("Managed by <school>"); renders nothing when it is not. */
export function LockNote(props: { reason: string | null; what: string }) {
  if (!props.reason) return null;
  return (
    <p class="lock-note" data-testid="lock-note">
      <span aria-hidden="true">🔒</span> {props.reason}. {props.what} can only be changed by your school's IT team.
    </p>
  );
}
