/**
 * Every match of a global regular expression in a text: what `[...text.matchAll(pattern)]` gives,
 * from the pattern's lastIndex on, with the pattern's lastIndex left as it was. matchAll also
 * copies the pattern and makes an iterator, ~200 bytes a call whether anything matches or not;
 * a check makes some fifty such calls, and its garbage is what sets its p99 (issue 10).
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`allMatches needs a global regular expression: ${pattern}`);
  const from = pattern.lastIndex;
  const matches: RegExpExecArray[] = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    matches.push(m);
    // An empty match moves on by one character, as matchAll does (a whole code point with the u or v flag).
    if (m[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'));
  }
  pattern.lastIndex = from;
  return matches;
}

function advance(text: string, index: number, wholeCodePoints: boolean): number {
  if (!wholeCodePoints || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}
