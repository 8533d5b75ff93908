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

/**
 * Where to put a card of `size` next to a composer: below, above, right, then left of it,
 * taking the first that fits the viewport and leaves every `avoid` box (the post button)
 * uncovered. Falls back to the viewport corner furthest from those boxes.
 */
export function placeCard(composer: Box, size: { width: number; height: number }, avoid: Box[], viewport: { width: number; height: number }): Box {
  const { width, height } = size;
  const candidates: Box[] = [
    { left: composer.left, top: composer.top + composer.height + GAP, width, height },
    { left: composer.left, top: composer.top - height - GAP, width, height },
    { left: composer.left + composer.width + GAP, top: composer.top, width, height },
    { left: composer.left - width - GAP, top: composer.top, width, height },
  ];
  for (const candidate of candidates) {
    const clamped = clampInto(candidate, viewport);
    if (fits(clamped, viewport) && !avoid.some((box) => intersects(clamped, box)) && !intersects(clamped, composer)) return clamped;
  }
  // Nothing beside the composer: accept covering part of the composer, never the button.
  for (const candidate of candidates) {
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
