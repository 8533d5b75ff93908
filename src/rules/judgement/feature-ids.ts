/**
 * The model's features found from their parts ("b:" + word + " " + next) without building their
 * names. Named, a judged post made some 150 new strings, most of them not in the model, and the
 * Sets and arrays that held them: a third of what a check allocated, and so of how often the
 * young-generation collector paused one (issue 10: p99 of a 280-character check).
 */
export class FeatureIndex {
  readonly names: readonly string[];
  /** Open addressing on the FNV-1a hash of a name: id + 1 per slot, 0 when empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Scratch for de-duplicating a post's features, one sentence's, and a post's words: one post at a time per index. */
  readonly seenInPost: IdSet;
  readonly seenInSentence: IdSet;
  readonly seenInWords: IdSet;

  constructor(names: readonly string[]) {
    this.names = names;
    let size = 2;
    while (size < names.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    names.forEach((name, id) => {
      let slot = hash(FNV_OFFSET, name) & this.mask;
      while (this.slots[slot] !== 0 && names[this.slots[slot]! - 1] !== name) slot = (slot + 1) & this.mask;
      // A name listed twice keeps its last id, as a Map built from the list does.
      this.slots[slot] = id + 1;
    });
    this.seenInPost = new IdSet(names.length);
    this.seenInSentence = new IdSet(names.length);
    this.seenInWords = new IdSet(names.length);
  }

  /** The id of the feature named a + b + c + d, or -1 when the model has none. */
  idOf(a: string, b = '', c = '', d = ''): number {
    const length = a.length + b.length + c.length + d.length;
    for (let slot = hash(hash(hash(hash(FNV_OFFSET, a), b), c), d) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const name = this.names[entry - 1]!;
      if (name.length === length && name.startsWith(a) && name.startsWith(b, a.length) && name.startsWith(c, a.length + b.length) && name.startsWith(d, length - d.length)) return entry - 1;
    }
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
function hash(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** A set of ids below a size fixed up front that empties in O(1): a stamp per id, not a Set per use. */
export class IdSet {
  private readonly stamps: Uint32Array;
  private stamp = 1;

  constructor(size: number) {
    this.stamps = new Uint32Array(size);
  }

  clear(): void {
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** Adds `id`, saying whether it was new. */
  add(id: number): boolean {
    if (this.stamps[id] === this.stamp) return false;
    this.stamps[id] = this.stamp;
    return true;
  }
}
