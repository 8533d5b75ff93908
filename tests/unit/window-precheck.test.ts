import { describe, expect, it } from 'vitest';
import { parsePost } from '../../src/rules/document/document';
import { mayMatchIn, withoutAssertions } from '../../src/rules/document/window-precheck';
import { bounded, termsPattern } from '../../src/rules/vocab';

describe('window pre-check', () => {
  it('strips lookarounds, word boundaries and anchors, and keeps character classes and groups', () => {
    expect(withoutAssertions(/(?<![\p{L}\p{N}]|\p{L}')(?:year ?\d{1,2})(?![\p{L}])\b$/u).source).toBe(String.raw`(?:year ?\d{1,2})`);
    expect(withoutAssertions(/^[\^(?=x)\]]\\b(?! (?:mins|hours))/u).source).toBe(String.raw`[\^(?=x)\]]\\b`);
    expect(withoutAssertions(/a(?<name>b)/iu).flags).toBe('giu');
  });

  it('never rules out a window where the pattern matches, even where the cut makes a word boundary', () => {
    // "sick leave" alone is the pattern's match only in the slice that cuts "homesick" in two.
    const pattern = bounded(termsPattern(['sick leave', 'hen do']), 'u');
    const text = 'homesick leave, and a hen do';
    const doc = parsePost(text);
    for (let from = 0; from < text.length; from++) {
      for (let to = from; to <= text.length; to++) {
        if (pattern.test(doc.lower.slice(from, to))) expect(mayMatchIn(doc, from, to, pattern), `${from}-${to}`).toBe(true);
      }
    }
  });

  it('once warmed, rules out a window with no possible start, and answers for several patterns at once', () => {
    const doc = parsePost('Lovely wedding on Saturday. Well done to Amelia in Year 4');
    const year = /(?<![\p{L}])year ?\d/u;
    const wedding = /\bwedding\b/u;
    const yearAt = doc.lower.indexOf('year 4');
    // Until windows as long as the post have been asked about, every window is left to the pattern.
    expect(mayMatchIn(doc, 0, doc.lower.length, year, wedding)).toBe(true);
    expect(mayMatchIn(doc, 0, doc.lower.length, wedding)).toBe(true);
    expect(mayMatchIn(doc, 0, yearAt - 1, year)).toBe(false);
    expect(mayMatchIn(doc, yearAt, doc.lower.length, year)).toBe(true);
    expect(mayMatchIn(doc, 20, yearAt - 1, year, wedding)).toBe(false);
    expect(mayMatchIn(doc, 0, yearAt - 1, year, wedding)).toBe(true);
  });
});
