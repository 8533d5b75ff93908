import type { SiteId } from '../settings/active';

export type { SiteId };

/** How a composer sends its post from the keyboard. */
export type SubmitKey =
  /** Ctrl+Enter, or Cmd+Enter on macOS (X, LinkedIn). */
  | 'mod+enter'
  /** A bare Enter (Facebook and Instagram comment boxes); Shift+Enter stays a new line. */
  | 'enter';

/** One kind of composer on a site: the feed composer, the comment box, the caption… */
export interface ComposerKind {
  id: string;
  /** Shown in the card, e.g. "comment". */
  label: string;
  /**
   * Elements that mark this composer, most semantic first (role, aria-*, data-testid,
   * contenteditable). The marker is the editable itself or wraps it.
   */
  markerSelectors: readonly string[];
  /**
   * The control that sends this composer's post. Found in the nearest ancestor of the
   * composer that contains one, because the sites move the button around the composer.
   */
  postButtonSelectors: readonly string[];
  /**
   * Accessible names of the post control (its aria-label, else its text), matched on
   * `button` and `[role="button"]`: the sites hash their classes but keep these words.
   */
  postButtonLabels: readonly string[];
  submitKeys: readonly SubmitKey[];
}

export interface SiteAdapter {
  id: SiteId;
  name: string;
  /** Host names this adapter serves (exact match). */
  hosts: readonly string[];
  /** Content-script match patterns for these hosts. */
  matches: readonly string[];
  composers: readonly ComposerKind[];
}
