import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternation, disguisedPattern, DisguisedRoots, wordsRegex } from '../../src/rules/document/disguise';
import profanity from '../../src/rules/vocab/profanity.json';
import slurs from '../../src/rules/vocab/slurs.json';

/**
 * DisguisedRoots compiles a word regex from only the roots a text may contain (disguise.ts says
 * why). What it finds must be exactly what the regex over every root finds: same matches, same order.
 */
const builds: [string, readonly string[], (patterns: string[]) => RegExp][] = [
  ['profanity with literals', profanity.terms, (p) => wordsRegex([...p, 'ffs', 'wtf'])],
  ['slurs', slurs.terms, (p) => wordsRegex([alternation(p)])],
  ['aimed profanity', profanity.terms, (p) => wordsRegex([`(?:little|total|old|what a)\\s+${alternation(p)}`, `(?:is|are) a (?:f\\S*ing )?${alternation([...p, 'sadist'])}`])],
];

const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

/** Text built from the pieces disguised words are made of: roots, masks, leet digits, heads, endings, spaces. */
const fragments = (roots: readonly string[]) =>
  fc.array(
    fc.oneof(
      fc.constantFrom(...roots),
      fc.constantFrom('*', '**', '#', '@', '$', '%', '1', '3', '4', '0', '5', '!', "'", '|', 'v'),
      fc.constantFrom(' ', '  ', '. ', ', ', '\n', ' is a ', ' little ', ' fucking ', 'mother', 'bull', 'ing', 'er', 's', 'head', 'class', 'ass', 'sadist'),
      fc.stringMatching(/^[a-z]{1,3}$/),
    ),
    { maxLength: 14 },
  );

describe('DisguisedRoots', () => {
  for (const [name, roots, build] of builds) {
    it(`finds what one regex over every root finds (${name})`, () => {
      const full = build(roots.map((r) => disguisedPattern(r)));
      const gated = new DisguisedRoots(roots, build);
      fc.assert(
        fc.property(fragments(roots), (parts) => {
          const text = parts.join('');
          expect(matches(gated.regexFor(text), text)).toEqual(matches(full, text));
        }),
        { numRuns: 200, seed: 20261206 },
      );
    });
  }

  it('compiles no root at all for a post with none in it, and finds them when they are there', () => {
    const gated = new DisguisedRoots(profanity.terms, (p) => wordsRegex([alternation(p)]));
    expect(gated.regexFor('Lovely assembly from Year 5 this morning, the class did well').source).toContain('(?!)');
    expect(matches(gated.regexFor('what a f*cking sh1tshow'), 'what a f*cking sh1tshow')).toEqual([
      [7, 'f*cking'],
      [15, 'sh1tshow'],
    ]);
  });
});
