/** Up to this many items, an insertion sort; above it, Array.prototype.sort. */
const SMALL = 16;

/**
 * Sorts `items` in place and returns them, exactly as `items.sort(compare)` would: both sorts are
 * stable, so for a consistent comparator they agree item for item. A check sorts a handful of short
 * lists (mentions, subjects, findings), and V8's sort allocates its working state on every call,
 * ~0.8 kB however short the list: a share of the garbage that sets a check's p99 (issue 10).
 */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SMALL) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i;
    // Only a strictly greater item moves past: equal items keep their order, as a stable sort keeps them.
    for (; j > 0 && compare(items[j - 1]!, item) > 0; j--) items[j] = items[j - 1]!;
    items[j] = item;
  }
  return items;
}
