import { normalizeText } from '../document/normalize';
import { allMatches } from '../document/matches';

/**
 * Finds any of a list of phrases in lower-cased normalized text, on word
 * boundaries. Phrases are folded the same way as posts, so a pack that says
 * "Zoë" matches "Zoe".
 */
export interface PhraseMatcher {
  /** [start, end) of every match in `lower`. */
  find(lower: string): [number, number][];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function phraseMatcher(phrases: readonly string[]): PhraseMatcher | null {
  const folded = [...new Set(phrases.map((p) => normalizeText(p.trim()).lower).filter(Boolean))];
  if (folded.length === 0) return null;
  // Longest first so "off sick" wins over "sick".
  folded.sort((a, b) => b.length - a.length);
  const source = `(?<![\\p{L}\\p{N}])(?:${folded.map((p) => escape(p).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`;
  const re = new RegExp(source, 'gu');
  return {
    find(lower) {
      const out: [number, number][] = [];
      re.lastIndex = 0;
      for (const m of allMatches(re, lower)) out.push([m.index, m.index + m[0].length]);
      return out;
    },
  };
}
