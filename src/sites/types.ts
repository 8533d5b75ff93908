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
  /**
   * The composer's own `input[type=file]` for photos, matched on the input. Its images are
   * checked for the school's logo; the composer's attachment area is the nearest ancestor of
   * the marker holding one. Empty where PostCheck does not check this composer's images.
   */
  attachInputSelectors: readonly string[];
  /**
   * The composer's previews of attached images (the site's own `blob:` <img>s). An image whose
   * preview PostCheck found and that then leaves the page was removed, and so is its finding.
   */
  attachPreviewSelectors: readonly string[];
}

export interface SiteAdapter {
  id: SiteId;
  name: string;
  /**
   * When these selectors were last revised (YYYY-MM-DD), against composers.md or the live
   * site. Bumped with every selector change, so a report of a missed composer can be matched
   * to the selectors that missed it.
   */
  version: string;
  /** Host names this adapter serves (exact match). */
  hosts: readonly string[];
  /** Content-script match patterns for these hosts. */
  matches: readonly string[];
  composers: readonly ComposerKind[];
  /**
   * Elements whose open shadow root holds composers (LinkedIn's `#interop-outlet`). Page
   * selectors and observers stop at a shadow boundary, so these roots are searched and
   * observed as well as the document.
   */
  shadowHosts: readonly string[];
}
