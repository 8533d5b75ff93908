/**
 * Patterns for swear words however they are disguised: symbols for letters
 * (f*ck, a**e, f***ing), digits for letters (sh1t), repeated letters
 * (fuuuck), with the endings words take (fucking, shitty, pissed). Whole words
 * only, so Scunthorpe, Penistone and Dickens stay quiet.
 */
// Not "." or "_": "to..." and "s_l" are punctuation, not masks.
const MASK = '[*#@$%!]';
const LEET: Record<string, string> = { a: 'a4@', e: 'e3', i: 'i1!|', o: 'o0', s: 's5$', t: 't7', u: 'uv' };
const ENDINGS = '(?:ing|in|in\'|ed|er|ers|s|es|y|ty|head|heads|hole|holes|show|bag|bags|faced|wit|wits|storm|ter|ters|tastic)?';

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
/** Roots people write without their vowel ("fck", "sht", "btch", or "f🤬ck" once the emoji is dropped). Not "slut": "SLT" is a school's leadership team. */
const VOWEL_OPTIONAL = new Set(['fuck', 'shit', 'bitch']);

function letter(ch: string, masked: boolean, vowelOptional: boolean): string {
  const alts = (LEET[ch] ?? ch).replace(/[$|]/g, (c) => `\\${c}`);
  if (!masked) return `[${alts}]+`;
  return `(?:[${alts}]+|${MASK}{1,3})${vowelOptional && VOWELS.has(ch) ? '?' : ''}`;
}

/** One root, e.g. "fuck": f + (u|*) + (c|*) + (k|*) with endings; at least the first letter shows. */
export function disguisedPattern(root: string): string {
  const chars = [...root];
  if (chars.length <= 2) return root;
  const [first, ...rest] = chars;
  // Short roots ("ass", "tit") only in plain or with the last letters intact, or they match too much.
  const masked = chars.length >= 4;
  const body = rest.map((c, i) => letter(c, masked && i < rest.length, VOWEL_OPTIONAL.has(root))).join('');
  return `${first}${body}${ENDINGS}`;
}

export function wordsRegex(patterns: string[], flags = 'gu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}*])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, flags);
}
