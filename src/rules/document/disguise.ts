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
// An ending may be masked too ("f*****g"), and "shithouse" is a compound.
const ENDINGS = `(?:ing|in|in'|ed|er|ers|s|es|y|ty|head|heads|hole|holes|house|houses|show|bag|bags|faced|wit|wits|storm|ter|ters|test|tastic|${MASK}{1,3}n?g)?`;

/** Words swearing is compounded onto: "motherfucking", "clusterfuck", "dipshit", "dumbass". Not "jack": a jackass is a male donkey. */
const COMPOUND_HEADS = '(?:mother|cluster|mind|brain|bull|horse|dip|ape|bat|dog|chicken|dumb|smart|fat|lard|bad|kick|half)?';

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
/** Roots people write without their vowel ("fck", "sht", "btch", or "f🤬ck" once the emoji is dropped). Not "slut": "SLT" is a school's leadership team. */
const VOWEL_OPTIONAL = new Set(['fuck', 'shit', 'bitch']);

function letter(ch: string, masked: boolean, vowelOptional: boolean, inner: boolean): string {
  const alts = letterAlternatives(ch, inner);
  if (!masked) return `[${alts}]+`;
  const optional = vowelOptional && VOWELS.has(ch);
  return `(?:[${alts}]+|${MASK}{1,3})${optional ? '?' : ''}`;
}

/** The characters that may stand for a letter, escaped for a character class. */
const letterAlternatives = (ch: string, inner: boolean) => (LEET[ch] ?? ch).replace(/[$|]/g, (c) => `\\${c}`) + (ch === 'i' && inner ? '!' : '');

/** One root, e.g. "fuck": f + (u|*) + (c|*) + (k|*) with endings; at least the first letter shows. */
export function disguisedPattern(root: string, loose = false): string {
  const core = disguisedCore(root, loose);
  return core === null ? root : `${COMPOUND_HEADS}${core}${ENDINGS}`;
}

/**
 * The root's letters without compound heads or endings; null for a root of two letters, which stands as written.
 * `loose`: a superset of the exact pattern, cheap to compile and linear to run. Masks are read only as runs
 * (after the first letter and after each letter shown), and a letter not shown must follow a mask. The exact
 * form's "letter or 1–3 masks" per letter, run loosely as "letter or masks" with `+`, is not linear: on a run
 * of masks every split between the letters is tried, n^k for k letters.
 */
function disguisedCore(root: string, loose: boolean): string | null {
  const chars = [...root];
  if (chars.length <= 2) return null;
  const [first, ...rest] = chars;
  // Short roots ("ass", "tit") only in plain or with the last letters intact, or they match too much.
  const masked = chars.length >= 4;
  if (loose && masked) {
    const masks = `${MASK}*`;
    const body = rest.map((c, i) => {
      const shown = letterAlternatives(c, i < rest.length - 1).replace(/\\?[*#@$%]/g, '');
      const optional = VOWEL_OPTIONAL.has(root) && VOWELS.has(c);
      return `(?:[${shown}]+${masks}|(?<=${MASK}))${optional ? '?' : ''}`;
    });
    return `${FIRST[first!] ?? first}${masks}${body.join('')}`;
  }
  const body = rest.map((c, i) => letter(c, masked && i < rest.length, VOWEL_OPTIONAL.has(root), i < rest.length - 1)).join('');
  return `${FIRST[first!] ?? first}${body}`;
}

/** A group that never matches: an alternation with no members left. */
const NEVER = '(?!)';
/** `(?:a|b|c)`, or a group that never matches when the list is empty. */
export const alternation = (patterns: readonly string[]) => (patterns.length ? `(?:${patterns.join('|')})` : NEVER);

/**
 * Disguised roots, matched at the cost of the roots a post may contain. One word regex over every
 * root's disguised pattern takes V8 0.2–0.6 s to compile on its first use (its bytecode optimiser is
 * superlinear in the regex's size), and that was most of a fresh process's first check. An
 * alternative that matches nowhere in a text cannot change what a regex finds there, so each check
 * builds its regex from only the roots whose loose pattern (each letter or its mask as one
 * character class: a superset, cheap to compile) occurs in the text, in list order; clean posts,
 * most of them, compile nothing big. Regexes are cached by the set of roots present.
 */
export class DisguisedRoots {
  /** Built on first use, not at import: start-up pays only for what a check asks. */
  private patterns: string[] | undefined;
  private presence: RootPresence | undefined;
  private readonly cache = new Map<string, RegExp>();

  constructor(
    private readonly roots: readonly string[],
    private readonly build: (present: string[]) => RegExp,
  ) {}

  /** The regex `build` makes from the disguised patterns of the roots that may occur in `lower`. */
  regexFor(lower: string): RegExp {
    this.presence ??= rootPresence(this.roots);
    this.patterns ??= this.roots.map((r) => disguisedPattern(r));
    const present = this.presence.in(lower);
    const key = present.join(',');
    let re = this.cache.get(key);
    if (!re) {
      // A bound on memory for adversarial input; ordinary use sees a handful of sets.
      if (this.cache.size >= 64) this.cache.clear();
      this.cache.set(key, (re = this.build(present.map((i) => this.patterns![i]!))));
    }
    re.lastIndex = 0;
    return re;
  }
}

/** Which roots of a list may occur in a text: shared by every detector using the same list, and asked once per text. */
interface RootPresence {
  in(lower: string): number[];
}

const presenceByList = new WeakMap<readonly string[], RootPresence>();

function rootPresence(roots: readonly string[]): RootPresence {
  const known = presenceByList.get(roots);
  if (known) return known;
  const loose = roots.map((r) => disguisedPattern(r, true));
  // The gate: every root's loose core between one set of heads and endings. A text matches it exactly
  // when it matches some root's loose pattern, and it is a quarter of their size.
  const cores = roots.map((r) => disguisedCore(r, true));
  const short = roots.filter((_, i) => cores[i] === null);
  const long = cores.filter((c): c is string => c !== null);
  const any = wordsRegex([...(long.length ? [`${COMPOUND_HEADS}${alternation(long)}${ENDINGS}`] : []), ...short], 'u');
  const each: (RegExp | undefined)[] = loose.map(() => undefined);
  let lastText: string | undefined;
  let lastPresent: number[] = [];
  const presence: RootPresence = {
    in(lower) {
      if (lower === lastText) return lastPresent;
      const present: number[] = [];
      if (roots.length && any.test(lower)) {
        for (let i = 0; i < loose.length; i++) if ((each[i] ??= wordsRegex([loose[i]!], 'u')).test(lower)) present.push(i);
      }
      lastText = lower;
      return (lastPresent = present);
    },
  };
  presenceByList.set(roots, presence);
  return presence;
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
