/** A viewport rectangle; DOMRect-compatible. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 8;

function intersects(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

function fits(box: Box, viewport: { width: number; height: number }): boolean {
  return box.left >= 0 && box.top >= 0 && box.left + box.width <= viewport.width && box.top + box.height <= viewport.height;
}

function clampInto(box: Box, viewport: { width: number; height: number }): Box {
  return {
    ...box,
    left: Math.max(GAP, Math.min(box.left, viewport.width - box.width - GAP)),
    top: Math.max(GAP, Math.min(box.top, viewport.height - box.height - GAP)),
  };
}

/** Shorter than this, a card shows too little to be worth placing there. */
const MIN_HEIGHT = 160;

/**
 * Where to put a card of `size` next to a composer. In order: beside the composer (below,
 * above, right, left); beside its dialog (`container`); then a shorter card (it scrolls inside)
 * in a free band above or below the composer and its controls. Every choice leaves the
 * composer's text and every `avoid` box (post button, toolbar, dialog heading and close)
 * uncovered and stays in the viewport. Only when none does is part of the composer covered,
 * never a control; last, the viewport corner clear of the controls.
 */
export function placeCard(composer: Box, size: { width: number; height: number }, avoid: Box[], viewport: { width: number; height: number }, container?: Box): Box {
  const { width, height } = size;
  const blocked = [composer, ...avoid];
  const clear = (box: Box) => fits(box, viewport) && !blocked.some((other) => intersects(box, other));
  const beside = (around: Box): Box[] => [
    { left: around.left, top: around.top + around.height + GAP, width, height },
    { left: around.left, top: around.top - height - GAP, width, height },
    { left: around.left + around.width + GAP, top: around.top, width, height },
    { left: around.left - width - GAP, top: around.top, width, height },
  ];
  for (const candidate of [...beside(composer), ...(container ? beside(container) : [])]) {
    const clamped = clampInto(candidate, viewport);
    if (clear(clamped)) return clamped;
  }
  // Shorter cards in the free bands below and above each obstacle, tallest band first.
  const bands: Box[] = [];
  for (const edge of blocked) {
    const below = edge.top + edge.height + GAP;
    bands.push({ left: composer.left, top: below, width, height: Math.min(height, viewport.height - GAP - below) });
    const above = edge.top - GAP;
    const bandHeight = Math.min(height, above - GAP);
    bands.push({ left: composer.left, top: above - bandHeight, width, height: bandHeight });
  }
  const fitting = bands
    .filter((band) => band.height >= MIN_HEIGHT)
    .map((band) => ({ ...band, left: Math.max(GAP, Math.min(band.left, viewport.width - width - GAP)) }))
    .filter(clear)
    .sort((a, b) => b.height - a.height);
  if (fitting[0]) return fitting[0];
  // Nothing beside the composer: accept covering part of the composer, never a control.
  for (const candidate of beside(composer)) {
    const clamped = clampInto(candidate, viewport);
    if (!avoid.some((box) => intersects(clamped, box))) return clamped;
  }
  const corners: Box[] = [
    { left: GAP, top: GAP, width, height },
    { left: viewport.width - width - GAP, top: GAP, width, height },
    { left: GAP, top: viewport.height - height - GAP, width, height },
    { left: viewport.width - width - GAP, top: viewport.height - height - GAP, width, height },
  ];
  return corners.find((corner) => !avoid.some((box) => intersects(corner, box))) ?? corners[0]!;
}
