import { GatedRegExp } from '../vocab/gated-regexp';
import type { PostDocument } from './document';

/**
 * A pre-check for a regular expression asked about many short windows of one post (the words
 * around each name): the post is searched once, and a window with no place the pattern could
 * start is answered without running it. The answer "cannot match" is exact: the pattern
 * searched is the original stripped of its assertions (lookarounds, \b, ^, $), which matches
 * wherever the original could in any slice of the text, and more. A window where it might is
 * left to the original pattern, so results are the same as without the pre-check.
 */

/** `pattern` with every assertion removed, global so it can be stepped through the post. */
export function withoutAssertions(pattern: RegExp): RegExp {
  const src = pattern.source;
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const next = src[i + 1]!;
      i++;
      if (next !== 'b' && next !== 'B') out += c + next;
      continue;
    }
    if (c === '[') {
      const end = classEnd(src, i);
      out += src.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '^' || c === '$') continue;
    if (c === '(' && src[i + 1] === '?' && (src[i + 2] === '=' || src[i + 2] === '!' || (src[i + 2] === '<' && (src[i + 3] === '=' || src[i + 3] === '!')))) {
      i = groupEnd(src, i);
      continue;
    }
    out += c;
  }
  return new RegExp(out, `${pattern.flags.replace(/[gy]/g, '')}g`);
}

/** Index of the `]` closing the character class opened at `open`. */
function classEnd(src: string, open: number): number {
  let i = open + 1;
  while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
  return i;
}

/** Index of the `)` closing the group opened at `open`. */
function groupEnd(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(src, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return src.length;
}

const stripped = new WeakMap<RegExp, RegExp>();
/** Per post and pattern: the window characters asked about so far, or once searched, the possible starts. */
const startsByDoc = new WeakMap<PostDocument, Map<RegExp, number | Int32Array>>();

/** Every offset of doc.lower where the stripped pattern matches, ascending: one pass over the post. */
function possibleStarts(doc: PostDocument, pattern: RegExp): Int32Array {
  // A pattern whose gate says it matches nowhere in the post: nothing to search, or to compile.
  if (pattern instanceof GatedRegExp && !pattern.pattern.mayOccurIn(doc.lower)) return new Int32Array(0);
  let loose = stripped.get(pattern);
  if (!loose) stripped.set(pattern, (loose = withoutAssertions(pattern)));
  const found: number[] = [];
  loose.lastIndex = 0;
  // Step one character past each start, not past the match: a match may begin inside another.
  for (let m = loose.exec(doc.lower); m; m = loose.exec(doc.lower)) {
    found.push(m.index);
    loose.lastIndex = m.index + 1;
  }
  return Int32Array.from(found);
}

/**
 * Whether any of `patterns` might match in doc.lower.slice(from, to): false only when none can.
 * A pattern's starts are searched for once per post, and only after windows as long as the post
 * have been asked about (so a post with one or two names pays nothing); then each window is one
 * binary search.
 */
export function mayMatchIn(doc: PostDocument, from: number, to: number, ...patterns: RegExp[]): boolean {
  let byPattern = startsByDoc.get(doc);
  if (!byPattern) startsByDoc.set(doc, (byPattern = new Map()));
  for (const pattern of patterns) {
    let starts = byPattern.get(pattern) ?? 0;
    if (typeof starts === 'number') {
      if (starts < doc.lower.length) {
        byPattern.set(pattern, starts + (to - from));
        return true;
      }
      byPattern.set(pattern, (starts = possibleStarts(doc, pattern)));
    }
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    if (lo < starts.length && starts[lo]! <= to) return true;
  }
  return false;
}
