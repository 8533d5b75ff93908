/**
 * The model's features found from their parts ("b:" + word + " " + next) without building their
 * names. Named, a judged post made some 150 new strings, most of them not in the model, and the
 * Sets and arrays that held them: a third of what a check allocated, and so of how often the
 * young-generation collector paused one (issue 10: p99 of a 280-character check).
 *
 * Built straight from weights.json's prefix-coded feature string (model.ts PackedWeights), no name
 * ever made: making and hashing the 8,000-odd names was most of loading the model in a fresh engine.
 */
export class FeatureIndex {
  readonly size: number;
  /**
   * Feature i's characters from shared[i] on are text[start[i] ...], length[i] - shared[i] of them;
   * its first shared[i] are those of feature up[i], the last before it that shares less with its
   * own predecessor (every feature between shares at least shared[i] characters with the one before).
   */
  private readonly text: string;
  private readonly start: Int32Array;
  private readonly shared: Uint8Array;
  private readonly length: Int32Array;
  private readonly up: Int32Array;
  /** Each feature's FNV-1a hash, and open addressing on it: id + 1 per slot, 0 when empty. */
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Scratch for de-duplicating a post's features, one sentence's, and a post's words: one post at a time per index. */
  readonly seenInPost: IdSet;
  readonly seenInSentence: IdSet;
  readonly seenInWords: IdSet;

  /** From the features' names, in id order. */
  static fromNames(names: readonly string[]): FeatureIndex {
    const capital = names.find((name) => /[A-Z]/u.test(name));
    if (capital !== undefined) throw new Error(`feature ${JSON.stringify(capital)} has a capital letter; features are lower case`);
    return new FeatureIndex(names.map((name) => PREFIX_CODE_NONE + name).join(''), names.length);
  }

  /**
   * From features coded as PackedWeights.features: each led by a capital (A + how many characters
   * it shares with the feature before), features themselves having none.
   */
  static fromPrefixCoded(text: string): FeatureIndex {
    // Counted by a native replace: a loop over 38,000 characters runs interpreted in a fresh engine.
    return new FeatureIndex(text, text.length - text.replace(/[A-Z]/gu, '').length);
  }

  private constructor(text: string, count: number) {
    this.size = count;
    this.text = text;
    const starts = (this.start = new Int32Array(count));
    const shareds = (this.shared = new Uint8Array(count));
    const lengths = (this.length = new Int32Array(count));
    const ups = (this.up = new Int32Array(count));
    const hashes = (this.hashes = new Int32Array(count));
    let size = 2;
    while (size < count * 2) size *= 2;
    const slots = (this.slots = new Int32Array(size));
    const mask = (this.mask = size - 1);
    // The hash of each prefix of the feature before: a feature hashes only the characters it adds.
    let prefixHashes = new Int32Array(64);
    prefixHashes[0] = FNV_OFFSET;
    const lessShared: number[] = [];
    for (let id = 0, at = 0; id < count; id++) {
      const shared = text.charCodeAt(at) - CAPITAL_A;
      // One pass over the characters the feature adds: hashing them, and finding the next feature's capital.
      let h = prefixHashes[shared]!;
      let length = shared;
      let end = at + 1;
      for (; end < text.length; end++) {
        const code = text.charCodeAt(end);
        if (code >= CAPITAL_A && code <= CAPITAL_Z) break;
        if (++length === prefixHashes.length) {
          const grown = new Int32Array(2 * length);
          grown.set(prefixHashes);
          prefixHashes = grown;
        }
        prefixHashes[length] = h = Math.imul(h ^ code, FNV_PRIME);
      }
      while (lessShared.length > 0 && shareds[lessShared[lessShared.length - 1]!]! >= shared) lessShared.pop();
      starts[id] = at + 1;
      shareds[id] = shared;
      lengths[id] = length;
      ups[id] = lessShared.length > 0 ? lessShared[lessShared.length - 1]! : -1;
      hashes[id] = h;
      lessShared.push(id);
      let slot = h & mask;
      while (slots[slot] !== 0 && !this.sameFeature(slots[slot]! - 1, id)) slot = (slot + 1) & mask;
      // A name listed twice keeps its last id, as a Map built from the list does.
      slots[slot] = id + 1;
      at = end;
    }
    this.seenInPost = new IdSet(count);
    this.seenInSentence = new IdSet(count);
    this.seenInWords = new IdSet(count);
  }

  /** The id of the feature named a + b + c + d, or -1 when the model has none. */
  idOf(a: string, b = '', c = '', d = ''): number {
    const length = a.length + b.length + c.length + d.length;
    const h = hash(hash(hash(hash(FNV_OFFSET, a), b), c), d);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const id = entry - 1;
      if (this.hashes[id] === h && this.length[id] === length && this.named(id, a, b, c, d)) return id;
    }
  }

  /** Whether feature `id` is named a + b + c + d (its length already checked): its characters compared from the last, stretch by stretch. */
  private named(id: number, a: string, b: string, c: string, d: string): boolean {
    const ab = a.length + b.length;
    const abc = ab + c.length;
    for (let k = id, end = this.length[id]!; end > 0; k = this.up[k]!) {
      const from = this.shared[k]!;
      const offset = this.start[k]! - from;
      for (let p = from; p < end; p++) {
        const code = p < a.length ? a.charCodeAt(p) : p < ab ? b.charCodeAt(p - a.length) : p < abc ? c.charCodeAt(p - ab) : d.charCodeAt(p - abc);
        if (this.text.charCodeAt(offset + p) !== code) return false;
      }
      end = from;
    }
    return true;
  }

  private sameFeature(x: number, y: number): boolean {
    if (this.hashes[x] !== this.hashes[y] || this.length[x] !== this.length[y]) return false;
    for (let p = 0; p < this.length[x]!; p++) if (this.charCodeAt(x, p) !== this.charCodeAt(y, p)) return false;
    return true;
  }

  private charCodeAt(id: number, p: number): number {
    while (p < this.shared[id]!) id = this.up[id]!;
    return this.text.charCodeAt(this.start[id]! + p - this.shared[id]!);
  }
}

/** Features are lower case, so a capital can both start a feature and say how much it shares: no separator needed. */
export const PREFIX_CODES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CAPITAL_A = 65;
const CAPITAL_Z = CAPITAL_A + PREFIX_CODES.length - 1;
const PREFIX_CODE_NONE = PREFIX_CODES[0]!;
export const isPrefixCode = (code: number) => code >= CAPITAL_A && code < CAPITAL_A + PREFIX_CODES.length;
/** How many characters the feature a prefix code starts shares with the one before it. */
export const sharedLengthOf = (code: number) => code - CAPITAL_A;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
function hash(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
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
