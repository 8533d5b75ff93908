/**
 * Patterns for swear words however they are disguised: symbols for letters
 * (f*ck, a**e, f***ing), digits for letters (sh1t), repeated letters
 * (fuuuck), with the endings words take (fucking, shitty, pissed). Whole words
 * only, so Scunthorpe, Penistone and Dickens stay quiet.
 */
// Not ".", "_", "!" or "?": "to...", "spa!!!", "Mon!!" are punctuation, not masked letters.
const MASK = '[*#@$%]';
// "!" stands for "i" only between letters ("sh!t"), never at a word's end.
const LEET: Record<string, string> = { a: 'a4@', e: 'e3', i: 'i1|', o: 'o0', s: 's5$', t: 't7', u: 'uv' };
/** The first letter may be leet too ("5h1t", "$hit") or, for f, sounded out ("phuck"). */
const FIRST: Record<string, string> = { f: '(?:f|ph)', s: '[s5$]', a: '[a4@]', b: 'b', c: 'c', t: '[t7]', w: 'w', p: 'p', d: 'd' };
const ENDINGS = '(?:ing|in|in\'|ed|er|ers|s|es|y|ty|head|heads|hole|holes|show|bag|bags|faced|wit|wits|storm|ter|ters|test|tastic)?';

/** Words swearing is compounded onto: "motherfucking", "clusterfuck", "dipshit", "dumbass". Not "jack": a jackass is a male donkey. */
const COMPOUND_HEADS = '(?:mother|cluster|mind|brain|bull|horse|dip|ape|bat|dog|chicken|dumb|smart|fat|lard|bad|kick|half)?';

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
/** Roots people write without their vowel ("fck", "sht", "btch", or "f🤬ck" once the emoji is dropped). Not "slut": "SLT" is a school's leadership team. */
const VOWEL_OPTIONAL = new Set(['fuck', 'shit', 'bitch']);

function letter(ch: string, masked: boolean, vowelOptional: boolean, inner: boolean): string {
  const alts = (LEET[ch] ?? ch).replace(/[$|]/g, (c) => `\\${c}`) + (ch === 'i' && inner ? '!' : '');
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
  const body = rest.map((c, i) => letter(c, masked && i < rest.length, VOWEL_OPTIONAL.has(root), i < rest.length - 1)).join('');
  return `${COMPOUND_HEADS}${FIRST[first!] ?? first}${body}${ENDINGS}`;
}

/** Whole words only; a mask symbol just outside the match means it is part of a run of symbols ("$$$", "%j$B"), not a word. */
export function wordsRegex(patterns: string[], flags = 'gu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}*#@$%])(?:${patterns.join('|')})(?![\\p{L}\\p{N}*#@$%])`, flags);
}

/** A disguised word still shows a letter: "$$$" or "@#$%" alone is punctuation, whatever it could stand for. */
export function showsALetter(matched: string): boolean {
  return /\p{L}/u.test(matched);
}

/**
 * Matches to drop: ordinary words that contain a swear word's letters
 * ("shaggy", "Shiites", "monger"), listed as data, and names: a match that is
 * one word of a capitalised run ("Van Dyke", "Dick Turpin", "Dyke Road") is a
 * surname or place. A post in capitals throughout says nothing by its capitals.
 */
export function innocentMatch(text: string, start: number, end: number, innocent: readonly string[]): boolean {
  const word = text.slice(start, end).toLowerCase();
  for (const entry of innocent) {
    // A phrase ("chinks and crannies") covers the match when the text around it reads the same.
    const at = entry.indexOf(word);
    if (at >= 0 && start - at >= 0 && text.slice(start - at, start - at + entry.length).toLowerCase() === entry && !/[\p{L}\p{N}]/u.test(text[start - at + entry.length] ?? '')) return true;
  }
  const matched = text.slice(start, end);
  if (!/^\p{Lu}\p{Ll}/u.test(matched)) return false;
  const startsSentence = /(?:^|[.!?\n][\s"'“‘(]*)$/u.test(text.slice(Math.max(0, start - 4), start)) || start === 0;
  if (startsSentence) return false;
  const before = /([\p{L}']+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 30), start));
  const after = /^[ \t]+(\p{L}+)/u.exec(text.slice(end, end + 30));
  const capitalised = (w: string | undefined) => !!w && /^\p{Lu}\p{Ll}/u.test(w);
  // The word before must not start a sentence to count: "Fuck Monday" is swearing at Monday.
  const beforeStartsSentence = before ? /(?:^|[.!?\n]\s*)$/u.test(text.slice(Math.max(0, start - 30), start - before[0].length)) : false;
  const nameParticle = !!before && /^(?:van|von|de|der|le|la|du|st|saint)$/iu.test(before[1]!);
  return nameParticle || (capitalised(before?.[1]) && (!beforeStartsSentence || before![1]!.endsWith("'s"))) || capitalised(after?.[1]);
}
