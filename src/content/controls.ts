/** Controls a card must leave uncovered: buttons, file pickers and headings. */
const CONTROL_SELECTOR = 'button, [role="button"], [role="heading"], h1, h2, h3, [aria-label][tabindex], label';
/** Enough for any composer's toolbar and header; a bound on work done per render. */
const MAX_CONTROLS = 40;

/**
 * The composer's own controls (post, attach, media, emoji, close) and its dialog's heading, so
 * the card is placed clear of them. Looked for in the composer's dialog when it has one, else
 * in the attachment area or the few elements around the editor.
 */
export function composerControls(marker: HTMLElement, editable: HTMLElement | null, attachScope: Element | undefined): HTMLElement[] {
  const dialog = (editable ?? marker).closest('[role="dialog"], dialog');
  const scope = dialog ?? attachScope ?? marker.parentElement?.parentElement ?? marker.parentElement;
  if (!scope) return [];
  const controls: HTMLElement[] = [];
  for (const element of scope.querySelectorAll<HTMLElement>(CONTROL_SELECTOR)) {
    if (editable?.contains(element) || element.contains(editable)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    controls.push(element);
    if (controls.length >= MAX_CONTROLS) break;
  }
  return controls;
}
