import { describe, expect, it } from 'vitest';
import { pathologicalCases } from '../../bench/pathological';
import { benchPack, generateNames } from '../../bench/fixtures';
import { checkPost } from '../../src/rules/check';
import { compilePack } from '../../src/rules/compile';
import { childReferences } from '../../src/rules/context/children';
import { parsePost } from '../../src/rules/document/document';
import { TAG_WINDOW_TOKENS, taggingCallCount, tagsOf } from '../../src/rules/document/nlp';
import { termProbeCount } from '../../src/rules/vocab/gated-regexp';

/**
 * Issue 10: the engine's work grows linearly with the post on every input. Work is counted,
 * not timed (timings live in `npm run bench`): the characters every regular expression walks
 * over, the items whole-array searches (some, find, filter, …) could look at, and the number
 * of compromise tagging calls. Quadratic code (a whole-sentence rescan
 * per name, a whole-post search per token) shows as ×16 work for ×4 text.
 */
const names = generateNames(2_000);
const compiled = (() => {
  const result = compilePack(benchPack(names));
  if (!result.ok) throw result.error;
  return result.compiled;
})();
const cases = pathologicalCases(names);

/** Characters walked by every RegExp call during `run`: from where each search starts to where it matched or gave up. */
function regexWork(run: () => void): number {
  const exec = RegExp.prototype.exec;
  let work = 0;
  RegExp.prototype.exec = function countedExec(this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, input);
    work += match ? Math.max(0, match.index + match[0].length - from) : Math.max(0, String(input).length - from);
    return match;
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return work;
}

/** Array methods that look through a whole array: one call per item of another list is the usual quadratic. */
const SCANNING_METHODS = ['some', 'every', 'find', 'findIndex', 'filter', 'includes', 'indexOf'] as const;

/** Items every whole-array search during `run` could look at: the array's length at each call. */
function arrayScanWork(run: () => void): number {
  const originals = SCANNING_METHODS.map((name) => [name, Array.prototype[name]] as const);
  let work = 0;
  for (const [name, original] of originals) {
    Object.defineProperty(Array.prototype, name, {
      configurable: true,
      writable: true,
      value: function countedScan(this: unknown[], ...args: unknown[]) {
        work += this.length;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      },
    });
  }
  try {
    run();
  } finally {
    for (const [name, original] of originals) Object.defineProperty(Array.prototype, name, { configurable: true, writable: true, value: original });
  }
  return work;
}

/** compromise tagging calls one check of `text` makes. */
function taggingCalls(text: string): number {
  const before = taggingCallCount();
  checkPost(compiled, { text });
  return taggingCallCount() - before;
}

/** The measures of work together: characters regular expressions walk, items whole-array searches could look at, and places the term gates try. */
function work(run: () => void): number {
  let regex = 0;
  const probesBefore = termProbeCount();
  const arrays = arrayScanWork(() => {
    regex = regexWork(run);
  });
  return regex + arrays + (termProbeCount() - probesBefore);
}

const SMALL = 4_000;
const LARGE = 16_000;
/** Linear work is ×4 for ×4 the text; allow for fixed costs and uneven cuts, not for ×16. */
const MAX_GROWTH = 4 * 1.35;

describe('work grows linearly with the text', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s: regular-expression, array-search and term-gate work', { timeout: 120_000 }, (_, c) => {
    const small = work(() => checkPost(compiled, { text: c.make(SMALL) }));
    const large = work(() => checkPost(compiled, { text: c.make(LARGE) }));
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThanOrEqual(MAX_GROWTH);
  });

  it('compromise is called once per bounded slice of text, however long the sentence', { timeout: 120_000 }, () => {
    // Listed pupils' full names with no full stop: every name asks whether the next word is a verb.
    const fullNames = names.pupils.map((p) => (typeof p === 'string' ? p : p.name)).join(' ');
    const small = taggingCalls(fullNames.slice(0, SMALL));
    const large = taggingCalls(fullNames.slice(0, LARGE));
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(4 * small + 1);
  });

  it('a slice repeated word for word is tagged once, with the same tags', { timeout: 120_000 }, () => {
    const fullName = cases.find((c) => c.id === 'full-name')!;
    expect(taggingCalls(fullName.make(LARGE))).toBeLessThanOrEqual(taggingCalls(fullName.make(SMALL)));
    // The last word of the third slice, tagged from the first slice's text, as tagging it alone would.
    const slice = `${'Adam Fairweather '.repeat(TAG_WINDOW_TOKENS / 2 - 1)}Adam Fairweather`;
    const repeated = parsePost(`${slice} ${slice} ${slice}`);
    const alone = parsePost(slice);
    const third = repeated.tokens[3 * TAG_WINDOW_TOKENS - 1]!;
    expect(third.text).toBe('Fairweather');
    expect(tagsOf(repeated, third)).toEqual(tagsOf(alone, alone.tokens[TAG_WINDOW_TOKENS - 1]!));
    expect(tagsOf(repeated, third)).toContain('LastName');
  });
});

describe('a run of marks is a few tokens, however long', () => {
  // Every token is kept alive with the post, and every young one in a long array is revisited by
  // each garbage collection: a token a mark made a 64k run of "!" cost four times a 32k one.
  it.each([['!'], ['*#@$%!?.,;:-_'], ['😀'], ['?!']])('"%s" repeated 50,000 characters makes at most a dozen tokens', (unit) => {
    const doc = parsePost(`spa${unit.repeat(Math.ceil(50_000 / unit.length))}`);
    expect(doc.tokens.length).toBeLessThanOrEqual(12);
    expect(doc.tokens.at(-1)!.end).toBe(doc.text.length);
  });

  it('keeps what follows the run: a sentence end, a hashtag, the next word', () => {
    const doc = parsePost(`Brilliant match${'!'.repeat(30)} Grace was superb #proud`);
    expect(doc.tokens.map((t) => t.kind)).toContain('hashtag');
    const grace = doc.tokens.find((t) => t.key === 'grace')!;
    expect(grace.sentenceStart).toBe(true);
    expect(doc.sentences[grace.sentence]!.start).toBe(grace.start);
    expect(doc.sentences.length).toBeLessThanOrEqual(12);
  });

  it('leaves short runs a mark a token, as the features read them', () => {
    expect(parsePost('Really?!?! 😂😂😂').tokens.map((t) => t.text)).toEqual(['Really', '?', '!', '?', '!', '😂', '😂', '😂']);
  });
});

describe('children mentioned: one sweep however many year groups', () => {
  const repeated = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const referencesOf = (text: string) => childReferences({ doc: parsePost(text), compiled, memo: new Map() });

  it.each([['Year 9 '], ['Y6 and Y5 '], ['one of my Year 9s and Year 4 ']])('"%s" repeated: work grows with the text, not with its square', (unit) => {
    const small = work(() => referencesOf(repeated(unit, SMALL)));
    const large = work(() => referencesOf(repeated(unit, LARGE)));
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThanOrEqual(MAX_GROWTH);
  });

  it('still marks a year group alone as a possible subject, and not one inside a described child', () => {
    const text = 'Year 4 locked me out. One of my Year 9s threw a chair';
    const described = text.indexOf('One of my Year 9s');
    expect(referencesOf(text).map((r) => [r.start, r.end, !!r.subjectOnly])).toEqual([
      [0, 'Year 4'.length, true],
      [described, described + 'One of my Year 9s'.length, false],
    ]);
  });
});
