import type { ComposerKind, SiteAdapter } from './types';

/** How far up from a composer to look for its post button before giving up. */
const MAX_POST_BUTTON_ANCESTORS = 16;

export interface LocatedComposer {
  kind: ComposerKind;
  /** The element the site's markers identify. */
  marker: HTMLElement;
  /** Where the text is typed, or null when PostCheck cannot read it ("not checking here"). */
  editable: HTMLElement | null;
}

const EDITABLE_SELECTOR = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

function isEditable(element: HTMLElement): boolean {
  return element instanceof HTMLTextAreaElement || (element instanceof HTMLElement && element.isContentEditable);
}

/** The editable a marker stands for: itself, the closest editable around it, or one inside it. */
export function editableOf(marker: HTMLElement): HTMLElement | null {
  if (isEditable(marker)) {
    // Lexical and Quill nest no editables, but a contenteditable child of an editable is
    // still the same editing host: read from the outermost.
    let host: HTMLElement = marker;
    while (host.parentElement && host.parentElement.isContentEditable) host = host.parentElement;
    return host;
  }
  const inner = marker.querySelector(EDITABLE_SELECTOR);
  return inner instanceof HTMLElement ? inner : null;
}

export function composerKindOf(adapter: SiteAdapter, element: Element): ComposerKind | undefined {
  return adapter.composers.find((kind) => kind.markerSelectors.some((selector) => element.matches(selector)));
}

/**
 * The open shadow roots of the site's shadow hosts (LinkedIn's `#interop-outlet`). A closed
 * root is out of every content script's reach; a composer in one is never found.
 */
export function composerShadowRoots(adapter: SiteAdapter, root: ParentNode = document): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const selector of adapter.shadowHosts) {
    for (const host of root.querySelectorAll(selector)) if (host.shadowRoot) roots.push(host.shadowRoot);
  }
  return roots;
}

/**
 * All composers of this site currently in `root` and in its shadow hosts' open shadow roots
 * (one per marker, outermost markers only).
 */
export function findComposers(adapter: SiteAdapter, root: ParentNode = document): LocatedComposer[] {
  const found: LocatedComposer[] = [];
  const seen = new Set<Element>();
  for (const scope of [root, ...composerShadowRoots(adapter, root)]) {
    for (const kind of adapter.composers) {
      for (const selector of kind.markerSelectors) {
        for (const marker of scope.querySelectorAll<HTMLElement>(selector)) {
          if (seen.has(marker)) continue;
          seen.add(marker);
          found.push({ kind, marker, editable: editableOf(marker) });
        }
      }
    }
  }
  // A marker inside another composer's marker (a wrapper and its editable both matching)
  // is the same composer.
  return found.filter((composer) => !found.some((other) => other !== composer && other.marker.contains(composer.marker)));
}

/** The composer an element (e.g. the focus target) belongs to, if any. */
export function composerAround(adapter: SiteAdapter, element: Element): LocatedComposer | undefined {
  let outermost: LocatedComposer | undefined;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const kind = composerKindOf(adapter, node);
    if (kind && node instanceof HTMLElement) outermost = { kind, marker: node, editable: editableOf(node) };
  }
  return outermost;
}

function accessibleLabel(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
}

export function isPostButton(kind: ComposerKind, element: Element): boolean {
  if (kind.postButtonSelectors.some((selector) => element.matches(selector))) return true;
  if (!element.matches('button, [role="button"]')) return false;
  return kind.postButtonLabels.includes(accessibleLabel(element));
}

function postButtonWithin(kind: ComposerKind, scope: Element): HTMLElement | undefined {
  for (const selector of kind.postButtonSelectors) {
    const match = scope.querySelector<HTMLElement>(selector);
    if (match) return match;
  }
  if (kind.postButtonLabels.length === 0) return undefined;
  for (const candidate of scope.querySelectorAll<HTMLElement>('button, [role="button"]')) {
    if (kind.postButtonLabels.includes(accessibleLabel(candidate))) return candidate;
  }
  return undefined;
}

/**
 * The post control for a composer: the first one in the nearest ancestor that holds one.
 * Re-queried each time because X and Meta re-create and move these buttons.
 */
export function findPostButton(kind: ComposerKind, marker: Element): HTMLElement | undefined {
  let scope: Element | null = marker.parentElement;
  for (let depth = 0; scope && depth < MAX_POST_BUTTON_ANCESTORS; depth++, scope = scope.parentElement) {
    const button = postButtonWithin(kind, scope);
    if (button) return button;
  }
  return undefined;
}

export function isDisabledControl(element: HTMLElement): boolean {
  return (element instanceof HTMLButtonElement && element.disabled) || element.getAttribute('aria-disabled') === 'true';
}

/**
 * A composer's attachment area: the nearest ancestor of its marker that holds one of its
 * file inputs (the toolbar's, the dialog's). Undefined when the composer takes no images.
 */
export function findAttachScope(kind: ComposerKind, marker: Element): Element | undefined {
  if (kind.attachInputSelectors.length === 0) return undefined;
  const selector = kind.attachInputSelectors.join(', ');
  let scope: Element | null = marker.parentElement;
  for (let depth = 0; scope && depth < MAX_POST_BUTTON_ANCESTORS; depth++, scope = scope.parentElement) {
    if (scope.querySelector(selector)) return scope;
  }
  return undefined;
}

/** Whether an element is one of this site's composer file inputs. */
export function isAttachInput(adapter: SiteAdapter, element: Element): element is HTMLInputElement {
  return element instanceof HTMLInputElement && element.type === 'file' && adapter.composers.some((kind) => kind.attachInputSelectors.some((selector) => element.matches(selector)));
}

/** The site's previews of attached images inside an attachment area. */
export function attachPreviewsIn(kind: ComposerKind, scope: Element): HTMLImageElement[] {
  if (kind.attachPreviewSelectors.length === 0) return [];
  return [...scope.querySelectorAll(kind.attachPreviewSelectors.join(', '))].filter((element): element is HTMLImageElement => element instanceof HTMLImageElement);
}
