import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/rules/document/matches';

/** allMatches stands in for [...text.matchAll(re)] on the engine's hot paths: the same matches, the pattern left as it was. */
describe('allMatches', () => {
  const same = (pattern: RegExp, text: string) => {
    const expected = [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => ({ index: m.index, groups: [...m] }));
    const before = pattern.lastIndex;
    expect(allMatches(pattern, text).map((m) => ({ index: m.index, groups: [...m] }))).toEqual(expected);
    expect(pattern.lastIndex).toBe(before);
  };
  it('finds what matchAll finds, captures included', () => {
    same(/(?<![\p{L}])(\p{L}+)ing(?![\p{L}])/gu, 'Moaning and groaning, singing in the rain');
    same(/year ?(\d+)/g, 'Year 9 and year10 but not yearly');
    same(/x/g, 'nothing here');
  });
  it('steps over empty matches as matchAll does, a whole code point with the u flag', () => {
    same(/a*/g, 'baaac');
    same(/(?:)/gu, 'a😀b');
    same(/\b/g, 'two words');
  });
  it('starts at the pattern\'s lastIndex and leaves it there, as matchAll does', () => {
    const pattern = /o/g;
    pattern.lastIndex = 5;
    const expected = [...'foo boo zoo'.matchAll(pattern)].map((m) => m.index);
    expect(allMatches(pattern, 'foo boo zoo').map((m) => m.index)).toEqual(expected);
    expect(pattern.lastIndex).toBe(5);
  });
  it('refuses a pattern without the g flag, as matchAll does', () => {
    expect(() => allMatches(/o/, 'foo')).toThrow(TypeError);
  });
});
