import { describe, expect, it } from 'vitest';
import { checkPost, compilePack, type CompiledPack } from '../../src/rules';
import { normalizeText, toOriginalSpan } from '../../src/rules/document/normalize';
import { compactKey } from '../../src/rules/evidence/people';
import { EXAMPLE_SCHOOL } from './example-school';

/** Tricks meant to slip a name or a swear word past the checks (issue 6). */
const compiled = ((): CompiledPack => {
  const r = compilePack(EXAMPLE_SCHOOL);
  if (!r.ok) throw r.error;
  return r.compiled;
})();

const categories = (text: string) => new Set(checkPost(compiled, { text }).map((f) => f.category));
const excerpts = (text: string, category: string) => checkPost(compiled, { text }).filter((f) => f.category === category).map((f) => f.excerpt);

describe('text tricks are normalised before matching', () => {
  it.each([
    ['zero-width space inside a name', 'Well done Gra\u200Bce Hetherington!', 'Gra\u200Bce Hetherington'],
    ['zero-width joiner and soft hyphen', 'Well done Gr\u200Dace Heth\u00ADerington!', 'Gr\u200Dace Heth\u00ADerington'],
    ['Cyrillic homoglyphs', 'Well done Grаcе Hetherington!', 'Grаcе Hetherington'],
    ['spaced-out letters', 'Well done G r a c e Hetherington!', 'G r a c e Hetherington'],
    ['emoji between letters', 'Well done Gr🌟ace Hetherington!', 'Gr🌟ace Hetherington'],
    ['accents dropped', 'Zoe Kowalski won the spelling bee', 'Zoe Kowalski'],
    ['accents typed as combining marks', 'Zoe\u0308 Kowalski won the spelling bee', 'Zoe\u0308 Kowalski'],
    ['full-width letters', 'Well done ＧＲＡＣＥ Hetherington', 'ＧＲＡＣＥ Hetherington'],
    ['right-to-left override around a name', 'Well done \u202EGrace\u202C Hetherington', 'Grace\u202C Hetherington'],
  ])('finds a pupil named with %s, underlining exactly what was typed', (_, text, excerpt) => {
    expect(excerpts(text, 'pupil')).toContain(excerpt);
  });

  it.each([
    ['zero-width inside', 'this week can f\u200Buck off'],
    ['homoglyph', 'absolute shіt show'],
    ['spaced out', 'what a s h i t day'],
    ['emoji inside', 'f🤬ck this traffic'],
    ['starred', 'f**k this traffic'],
    ['digits', 'sh1t day'],
    ['starred, after a contraction (whose "s" is no spaced-out letter)', "It's a f***ing Tuesday"],
    ['starred, after a possessive', "Karma's a b*tch"],
  ])('finds swearing disguised with %s', (_, text) => {
    expect(categories(text).has('offensive')).toBe(true);
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['I am a teacher', 'Year 5 did 3D shapes', 'café au lait at the Co-op', 'Scunthorpe away day']) {
      expect(categories(text).size, text).toBe(0);
    }
  });

  it('maps every normalised character back inside the original text', () => {
    const original = 'Z\u0308oë\u200B G r a c e 🌟 ＡＢ';
    const norm = normalizeText(original);
    expect(norm.text.length).toBe(norm.origin.length);
    for (let i = 0; i < norm.text.length; i++) {
      const span = toOriginalSpan(norm, i, i + 1);
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(original.length);
      expect(span.end).toBeGreaterThan(span.start);
    }
  });
});

describe('run-together name keys (handles and hashtags)', () => {
  it('keep lower-case letters and digits, and drop everything else whatever the script', () => {
    expect(compactKey('gracehetherington')).toBe('gracehetherington');
    expect(compactKey('year6')).toBe('year6');
    expect(compactKey("O'Neill-Smith")).toBe('oneillsmith');
    expect(compactKey('Zoë Brontë')).toBe('zoëbrontë');
    expect(compactKey('mrs okafor')).toBe('mrsokafor');
  });
});
