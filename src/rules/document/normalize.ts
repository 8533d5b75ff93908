/**
 * Folds a post into a form detectors can match reliably, keeping a map back to
 * the text as typed so findings point at what the user sees.
 *
 * Handles the tricks people use (or that editors introduce) to slip past
 * checks: zero-width and bidi control characters, homoglyphs from other
 * scripts, accents (Zoë = Zoe), curly quotes, emoji wedged inside a word
 * ("Gr🙂ace"), and spaced-out letters ("G r a c e").
 */
export interface NormalizedText {
  /** The folded text. Same case as typed. */
  text: string;
  /** `text` lower-cased, same length. */
  lower: string;
  /** For each code unit of `text`, the index of the code unit it came from in the original. */
  origin: Int32Array;
  /** The text as typed. */
  original: string;
}

const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/;
const COMBINING = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/;

/** Letters from other scripts that render like Latin ones. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ɡ: 'g', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 's', æ: 'a', Æ: 'A', œ: 'o', Œ: 'O',
  '‘': "'", '’': "'", 'ʼ': "'", '`': "'", '´': "'", '′': "'", '“': '"', '”': '"', '„': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '−': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\u200A': ' ', '\u3000': ' ',
};

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);
/** Pictographs and symbols someone might wedge between letters. */
const isPictograph = (ch: string): boolean => /[\p{Extended_Pictographic}\p{So}]/u.test(ch);

// A plain ASCII post needs none of the above except spaced-letter folding.
const NEEDS_FOLDING = /[^\x20-\x7E\n\r\t]/;

/** Three or more single letters joined by one separator each: the only folding plain ASCII may need. */
const SPACED_LETTERS = /(?:^|[^\p{L}])\p{L}([ ._*-])\p{L}\1\p{L}(?!\p{L})/u;

export function normalizeText(original: string): NormalizedText {
  const folding = NEEDS_FOLDING.test(original);
  const spaced = SPACED_LETTERS.test(original);
  if (!folding && !spaced) {
    const origin = new Int32Array(original.length);
    for (let i = 0; i < origin.length; i++) origin[i] = i;
    return { text: original, lower: original.toLowerCase(), origin, original };
  }
  // Typed buffers, not arrays of one-character strings: those cost more per character the longer the post.
  // Folding never lengthens the text, so the original's length is room enough.
  const units = new Uint16Array(original.length);
  const origin = new Int32Array(original.length);
  let length = 0;
  if (!folding) {
    for (let i = 0; i < original.length; i++) {
      units[i] = original.charCodeAt(i);
      origin[i] = i;
    }
    length = original.length;
  } else {
    const characterAfterPictographs = pictographRunScanner(original);
    for (let i = 0; i < original.length; ) {
      const cp = original.codePointAt(i)!;
      if (cp < 0x80 && cp !== 0x60) {
        units[length] = cp;
        origin[length++] = i;
        i++;
        continue;
      }
      const raw = String.fromCodePoint(cp);
      const width = raw.length;
      if (!INVISIBLE.test(raw) && !COMBINING.test(raw)) {
        let ch = HOMOGLYPHS[raw] ?? raw;
        if (cp >= 0xff01 && cp <= 0xff5e) ch = String.fromCharCode(cp - 0xfee0);
        else if (ch === raw && cp > 0x7f) {
          const folded = raw.normalize('NFD').replace(/[\u0300-\u036F]/g, '');
          if (folded.length === 1 || (folded.length > 0 && !/\p{L}/u.test(raw))) ch = folded.length === 1 ? folded : raw;
        }
        if (isPictograph(ch) && length > 0 && isLetterUnit(units[length - 1]!) && isLetter(characterAfterPictographs(i + width))) {
          // "Gr🙂ace": drop the emoji so the word reads whole.
        } else {
          for (let k = 0; k < ch.length; k++) {
            units[length] = ch.charCodeAt(k);
            origin[length++] = i;
          }
        }
      }
      i += width;
    }
  }
  if (spaced) length = collapseSpacedLetters(units, origin, length);
  const text = fromUnits(units, length);
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // A letter whose lower case is longer ("İ") stays as it is, so offsets keep lining up.
    const parts: string[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      const l = c.toLowerCase();
      parts.push(l.length === 1 ? l : c);
    }
    lower = parts.join('');
  }
  return { text, lower, origin: origin.slice(0, length), original };
}

/** A string from UTF-16 code units, in slices small enough for fromCharCode's argument list. */
function fromUnits(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, Math.min(length, i + 8192))));
  return parts.join('');
}

/**
 * The first character after the pictographs from a position. Remembers the run it last
 * walked, so a thousand emoji between two letters are walked once, not once each.
 */
function pictographRunScanner(text: string): (from: number) => string | undefined {
  let runFrom = -1;
  let runEnd = -1;
  let found: string | undefined;
  return (from) => {
    if (from >= runFrom && from <= runEnd) return found;
    let i = from;
    found = undefined;
    while (i < text.length) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      if (!isPictograph(ch) && !INVISIBLE.test(ch)) {
        found = ch;
        break;
      }
      i += ch.length;
    }
    runFrom = from;
    runEnd = i;
    return found;
  };
}

/**
 * "G r a c e" / "G.r.a.c.e" / "g-r-a-c-e" → "Grace": a run of at least three
 * single letters joined by one separator each. Runs of ordinary one-letter
 * words ("I a") are too short to collapse. Returns the new length.
 *
 * Linear: run lengths are counted once, right to left, and the separators
 * dropped in one pass at the end ("a.a.a.…" once walked every run from every
 * letter and spliced the array per separator: quadratic).
 */
function collapseSpacedLetters(units: Uint16Array, origin: Int32Array, n: number): number {
  const letter = new Uint8Array(n + 3);
  for (let i = 0; i < n; i++) letter[i] = isLetterUnit(units[i]!) ? 1 : 0;
  const unit = (i: number) => (i < n ? units[i]! : -1);
  // " ", ".", "-", "_", "*"
  const isSep = (c: number) => c === 0x20 || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x2a;
  // runLetters[i]: letters in the run starting at i (a letter, then "separator letter" steps with one separator).
  const runLetters = new Int32Array(n + 3);
  for (let i = n - 1; i >= 0; i--) {
    if (!letter[i]) continue;
    const step = isSep(unit(i + 1)) && letter[i + 2] === 1 && letter[i + 3] === 0;
    runLetters[i] = step ? 1 + (unit(i + 3) === unit(i + 1) ? runLetters[i + 2]! : 1) : 1;
  }
  const drop = new Uint8Array(n);
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    if (!letter[i] || (i > 0 && letter[i - 1])) continue;
    // "it's a f***ing day": the "s" of a contraction or possessive ends a word; it starts no run ("s a f").
    if (i > 1 && (units[i - 1] === 0x27 || units[i - 1] === 0x2019) && letter[i - 2]) continue;
    const letters = runLetters[i]!;
    const j = i + 2 * (letters - 1);
    // "a s h i t": the article "a" (or "I") stands alone before the spelled-out word.
    const first = units[i]! | 0x20;
    if (letters >= 4 && (first === 0x61 || first === 0x69)) {
      i += 1;
      continue;
    }
    if (letters >= 3 && !letter[j + 1]) {
      for (let k = i + 1; k < j; k += 2) drop[k] = 1;
      dropped += letters - 1;
      i = j;
    }
  }
  if (dropped === 0) return n;
  let out = 0;
  for (let i = 0; i < n; i++) {
    if (drop[i]) continue;
    units[out] = units[i]!;
    origin[out] = origin[i]!;
    out++;
  }
  return out;
}

/** One UTF-16 code unit that is a letter; ASCII answered without the Unicode property table. */
function isLetterUnit(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return LETTER.test(String.fromCharCode(code));
}
const LETTER = /\p{L}/u;

/** Lower-case folded form of a short string such as a name, without building an offset map. */
export function foldForMatching(s: string): string {
  return NEEDS_FOLDING.test(s) || SPACED_LETTERS.test(s) ? normalizeText(s).lower : s.toLowerCase();
}

/** Maps a [start, end) range in normalized text back to the original text. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const { original } = norm;
  const s = start < norm.origin.length ? norm.origin[start]! : original.length;
  const lastIndex = end - 1;
  let e = original.length;
  if (lastIndex >= 0 && lastIndex < norm.origin.length) {
    const from = norm.origin[lastIndex]!;
    e = from + String.fromCodePoint(original.codePointAt(from) ?? 0).length;
    // Take in accents typed as combining marks so "Zoë" is underlined whole.
    while (e < original.length && COMBINING.test(original[e]!)) e++;
  }
  if (e < s) e = s;
  return { start: s, end: Math.min(e, original.length) };
}
