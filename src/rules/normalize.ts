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
  if (!NEEDS_FOLDING.test(original) && !SPACED_LETTERS.test(original)) {
    const origin = new Int32Array(original.length);
    for (let i = 0; i < origin.length; i++) origin[i] = i;
    return { text: original, lower: original.toLowerCase(), origin, original };
  }
  const chars: string[] = [];
  const origin: number[] = [];
  if (!NEEDS_FOLDING.test(original)) {
    for (let i = 0; i < original.length; i++) {
      chars.push(original[i]!);
      origin.push(i);
    }
  } else {
    for (let i = 0; i < original.length; ) {
      const cp = original.codePointAt(i)!;
      if (cp < 0x80 && cp !== 0x60) {
        chars.push(original[i]!);
        origin.push(i);
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
        if (isPictograph(ch) && isLetter(chars[chars.length - 1]) && isLetter(nextLetterAfterPictographs(original, i + width))) {
          // "Gr🙂ace": drop the emoji so the word reads whole.
        } else {
          for (let k = 0; k < ch.length; k++) {
            chars.push(ch[k]!);
            origin.push(i);
          }
        }
      }
      i += width;
    }
  }
  if (SPACED_LETTERS.test(original)) collapseSpacedLetters(chars, origin);
  const text = chars.join('');
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = chars.map((c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c)).join('');
  return { text, lower, origin: Int32Array.from(origin), original };
}

function nextLetterAfterPictographs(text: string, from: number): string | undefined {
  let i = from;
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (!isPictograph(ch) && !INVISIBLE.test(ch)) return ch;
    i += ch.length;
  }
  return undefined;
}

/**
 * "G r a c e" / "G.r.a.c.e" / "g-r-a-c-e" → "Grace": a run of at least three
 * single letters joined by one separator each. Runs of ordinary one-letter
 * words ("I a") are too short to collapse.
 */
function collapseSpacedLetters(chars: string[], origin: number[]): void {
  const isSep = (c: string | undefined) => c === ' ' || c === '.' || c === '-' || c === '_' || c === '*';
  const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}]/u.test(c);
  for (let i = 0; i < chars.length; i++) {
    if (!isAlnum(chars[i]) || isAlnum(chars[i - 1])) continue;
    // Find a run: letter (sep letter)+ where each letter stands alone.
    let j = i;
    let letters = 1;
    while (isSep(chars[j + 1]) && chars[j + 1] === chars[i + 1] && isAlnum(chars[j + 2]) && !isAlnum(chars[j + 3])) {
      j += 2;
      letters++;
    }
    // "a s h i t": the article "a" (or "I") stands alone before the spelled-out word.
    if (letters >= 4 && /[aAiI]/.test(chars[i]!)) {
      i += 1;
      continue;
    }
    if (letters >= 3 && !isAlnum(chars[j + 1])) {
      // Remove the separators inside the run.
      for (let k = j - 1; k > i; k -= 2) {
        chars.splice(k, 1);
        origin.splice(k, 1);
      }
      i += letters - 1;
    }
  }
}

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
