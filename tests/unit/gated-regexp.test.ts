import { describe, expect, it } from 'vitest';
import { termsPattern } from '../../src/rules/vocab';
import confidential from '../../src/rules/vocab/confidential.json';
import sickness from '../../src/rules/vocab/sickness.json';
import { boundedTerms, GatedRegExp, holdingTerms, spellingOneOf } from '../../src/rules/vocab/gated-regexp';

/** The pattern a GatedRegExp stands for, written out as it was before there were GatedRegExps. */
const plainPattern = (terms: readonly string[], flags: string, others?: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}]|\\p{L}')(?:${others === undefined ? termsPattern(terms) : `${termsPattern(terms)}|${others}`})(?![\\p{L}\\p{N}]|'(?!s(?!\\p{L}))\\p{L})`, flags);

const TRICKY_TERMS = ["'s been off", "off with 'stress'", "mates'", 'x - y', 'after-school club', 'a  b', 'd&v', 'é', '🤡', 'y9'];
const OTHERS = String.raw`year\s?\d{1,2}|(?:her|his) (?:\p{L}+ )?operation`;
/** A word every match of OTHERS spells. */
const OTHERS_SPELL = ['year', 'operation'];
const PIECES = [' ', '  ', '-', ' - ', "'", "'s", 's', '.', 'x', 'é', '🤡', '\u{1D400}', '٣', '\n', 'year 7', 'her big operation', "x'"];

/** Texts built from the terms, whole, cut short, with their spaces and apostrophes varied, and from pieces that sit at word edges. */
function* texts(terms: readonly string[], count: number): Generator<string> {
  let seed = 11;
  const pick = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < count; k++) {
    let text = '';
    for (let i = 1 + pick(6); i > 0; i--) {
      const term = terms[pick(terms.length)]!;
      const choice = pick(4);
      if (choice === 0) text += PIECES[pick(PIECES.length)];
      else if (choice === 1) text += term.replace(/ /g, () => [' ', '-', '  ', ' -'][pick(4)]!).replace(/'/g, () => (pick(2) ? "'" : ''));
      else if (choice === 2) text += term.slice(0, pick(term.length + 1));
      else text += ' ';
    }
    yield text;
  }
}

describe('GatedRegExp', () => {
  const lists: [string, readonly string[]][] = [
    ['tricky', TRICKY_TERMS],
    ['confidential.aboutColleague', confidential.aboutColleague],
    ['sickness.absence', sickness.absence],
  ];
  for (const [name, terms] of lists) {
    for (const [others, othersSpell] of [[undefined, undefined], [OTHERS, undefined], [OTHERS, OTHERS_SPELL]] as const) {
      it(`answers as the plain pattern does: ${name}${others ? ' with other alternatives' : ''}${othersSpell ? ' gated by the words they spell' : ''}`, () => {
        const plain = plainPattern(terms, 'gu', others);
        const gated = boundedTerms(terms, 'gu', others, othersSpell);
        const tested = boundedTerms(terms, 'u', others, othersSpell);
        for (const text of texts(terms, 400)) {
          const spans = (re: RegExp) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
          expect(spans(gated), text).toEqual(spans(plain));
          expect(tested.test(text), text).toBe(plainPattern(terms, 'u', others).test(text));
          for (const from of [1, 4, text.length + 1]) {
            plain.lastIndex = from;
            gated.lastIndex = from;
            const [a, b] = [plain.exec(text), gated.exec(text)];
            expect(b && [b.index, b[0], b.input], `${text} from ${from}`).toEqual(a && [a.index, a[0], a.input]);
            expect(gated.lastIndex).toBe(plain.lastIndex);
          }
        }
      });
    }
  }

  it('stands for the same pattern, and copies keep the terms', () => {
    const gated = boundedTerms(['sick leave', 'hen do'], 'u');
    expect(new RegExp(gated.source, 'u').test('on sick-leave')).toBe(true);
    const copy = gated.withFlags('gu');
    expect(copy).toBeInstanceOf(GatedRegExp);
    expect(copy.flags).toBe('gu');
    expect([...'a hen do, sick  leave'.matchAll(copy)].map((m) => m[0])).toEqual(['hen do', 'sick  leave']);
  });

  it('runs a pattern that spells one of a few words only over texts holding one, with the same answers', () => {
    const source = String.raw`(?<![\p{L}])(?:i|we)\s+(?:hate|can't stand)\s+(?:[\p{L}']+\s+){0,2}?(?:mondays|meetings)(?![\p{L}])`;
    const gated = spellingOneOf(['hate', "can't stand"], source, 'gu');
    const plain = new RegExp(source, 'gu');
    for (const text of ['i hate mondays', 'we really hate meetings', "i can't stand long meetings, we hate mondays", 'i hated mondays', 'nothing here']) {
      expect([...text.matchAll(gated)].map((m) => [m.index, m[0]]), text).toEqual([...text.matchAll(plain)].map((m) => [m.index, m[0]]));
    }
    expect(gated.source).toBe(source);
  });

  it('runs a pattern that holds one of a list of terms only over texts holding one, with the same answers', () => {
    const source = String.raw`['"](?:a |the )?(?:${termsPattern(sickness.illness)}|sick)(?: bug| day)?['"]`;
    const gated = holdingTerms(sickness.illness, ['sick'], source, 'gu');
    const plain = new RegExp(source, 'gu');
    for (const text of [...texts(sickness.illness, 300), "off with 'a migraine'", 'a "sick day"', "it's 'sick'", 'nothing here']) {
      expect([...text.matchAll(gated)].map((m) => [m.index, m[0]]), text).toEqual([...text.matchAll(plain)].map((m) => [m.index, m[0]]));
    }
  });
});
