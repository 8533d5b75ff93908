import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchPack, composePost, generateNames } from '../../bench/fixtures';
import { checkPost } from '../../src/rules/check';
import { compilePack, type CompiledPack } from '../../src/rules/compile';
import { parseNameCsv } from '../../src/rules/pack/csv';
import { PACK_LIMITS } from '../../src/rules/pack/schema';
import { parsePackText } from '../../src/rules/pack/read-text';
import type { PackProblem } from '../../src/rules/pack/validate';
import { CATEGORY_IDS, type Finding } from '../../src/rules/types';
import { readManagedCache, readManagedPolicy, type ManagedProblem } from '../../src/settings/managed';
import { MANAGED_KEYS, ManagedPolicySchema, type ManagedPolicy } from '../../src/settings/schema';

/**
 * Issue 6, "Robust to bad input": whatever a school, an IT manager or a
 * hostile file hands PostCheck, it answers with a clear message and never an
 * unhandled error. Run counts are kept modest so the file stays quick on two cores.
 */

/** Characters used to hide text from checks or to reorder what a reader sees. */
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const BIDI_CONTROLS = ['\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F', '\u200E'];
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];

const hostilePiece = fc.oneof(
  fc.constantFrom(...ZERO_WIDTH, ...BIDI_CONTROLS, ...LONE_SURROGATES),
  fc.constantFrom('Grace', 'Hetherington', 'Grace Hetherington', 'Mrs Okafor', '@GraceH', '#MillbrookMagic', 'G r a c e', 'f*ck', 'sh1t', '\u0301', '👩🏽‍🏫', '\n', '\r\n', '\t', ' ', '"', ',', '=', '{', '[', '\\'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const hostileText = (maxPieces: number) => fc.array(hostilePiece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));

function expectPlainProblems(problems: readonly PackProblem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.path.trim()).not.toBe('');
    expect(problem.message.trim()).not.toBe('');
  }
}

const VALID_PACK = benchPack(generateNames(30, 11));

describe('pack validator: random and hostile input', () => {
  it('never throws on arbitrary text, and explains every refusal', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), hostileText(40), fc.json()), (source) => {
        const result = parsePackText(source);
        if (!result.ok) expectPlainProblems(result.problems);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON values, and explains every refusal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = compilePack(json);
        expect(result.ok).toBe(false);
        if (!result.ok) expectPlainProblems(result.error.problems);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when one field of a valid pack is replaced by anything', () => {
    const fields = ['schemaVersion', 'id', 'school', 'policy', 'people', 'categories', 'tests', 'logos', 'note'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.oneof(fc.anything(), hostileText(10)), (field, value) => {
        const result = compilePack({ ...VALID_PACK, [field]: value });
        if (!result.ok) expectPlainProblems(result.error.problems);
      }),
      { numRuns: 300 },
    );
  });

  it('takes names with zero-width characters and right-to-left overrides without throwing', () => {
    fc.assert(
      fc.property(fc.array(hostileText(6), { maxLength: 20 }), (names) => {
        const result = compilePack({ ...VALID_PACK, people: { pupils: names, staff: [] } });
        if (!result.ok) expectPlainProblems(result.error.problems);
        else expect(() => checkPost(result.compiled, { text: names.join(' ') })).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('refuses invalid UTF-8 plainly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.integer({ min: 0, max: 199 }), (bytes, at) => {
        const withBadByte = Uint8Array.from(bytes);
        withBadByte[at % withBadByte.length] = 0xff; // never valid in UTF-8
        const result = parsePackText(new TextDecoder('utf-8').decode(withBadByte));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems).toEqual([{ path: '(pack)', message: expect.stringContaining('not valid UTF-8') }]);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a pack over the size limit before parsing it', () => {
    const result = parsePackText(`{"note": "${'x'.repeat(PACK_LIMITS.maxBytes)}"}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/MB; the most PostCheck takes is 5 MB/);
  });

  it('refuses a huge string inside a field with a message, not a crash', () => {
    const result = compilePack({ ...VALID_PACK, school: { ...VALID_PACK.school, name: 'x'.repeat(1_000_000) } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems).toContainEqual({ path: 'school.name', message: expect.stringMatching(/too long/) });
  });

  it.each([
    ['arrays', (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`],
    ['objects', (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
    ['arrays inside a field', (depth: number) => `{"schemaVersion": 1, "note": ${'['.repeat(depth)}${']'.repeat(depth)}}`],
  ])('refuses deeply nested %s (100,000 levels, well under the size limit) without throwing', (_, nest) => {
    let result: ReturnType<typeof parsePackText> | undefined;
    expect(() => (result = parsePackText(nest(100_000)))).not.toThrow();
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expectPlainProblems(result.problems);
  });

  it('compiles deeply nested JS values to a refusal (the managed-policy path skips JSON text)', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = { school: deep, people: [deep] };
    const result = compilePack(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expectPlainProblems(result.error.problems);
  });

  it('refuses a deeply nested or huge value where a category or severity belongs, quoting only a short piece', () => {
    let deep: unknown = 'block';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    for (const value of [deep, 'x'.repeat(1_000_000), 10n]) {
      const result = compilePack({ ...VALID_PACK, categories: { pupil: { severity: value } } });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.problems).toContainEqual({ path: 'categories.pupil.severity', message: expect.stringMatching(/^must be one of .*\(got (a list|"x{40}…"|a bigint)\)$/) });
      }
    }
  });

  it('keeps a compiled pack working after a bad pack is refused (nothing loaded is lost)', () => {
    const good = compileOrThrow();
    const before = checkPost(good, { text: `Well done ${firstPupil()}!` });
    expect(compilePack({ ...VALID_PACK, policy: null }).ok).toBe(false);
    expect(checkPost(good, { text: `Well done ${firstPupil()}!` })).toEqual(before);
  });
});

describe('CSV importer: random and hostile input', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), hostileText(60)), (source) => {
        const result = parseNameCsv(source, 'pupils.csv');
        if (result.fatal) {
          expect(result.fatal).toMatch(/^pupils\.csv /);
          expect(result.people).toEqual([]);
        }
        for (const problem of result.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.message.trim()).not.toBe('');
        }
        for (const person of result.people) expect(typeof person === 'string' ? person : person.name).not.toBe('');
      }),
      { numRuns: 400 },
    );
  });

  const nameCell = fc.constantFrom('Grace', 'Zoë', "O'Connor", 'Smith-Jones', 'Siân', 'Ní Bhriain', 'Mary, Jane', 'Say "hi"', 'Line\nbreak');
  const formulaCell = fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '＝', '\t=', ' +'), fc.constantFrom('HYPERLINK("http://evil.example","x")', 'cmd|\' /C calc\'!A0', 'SUM(1,2)', '1+1'))
    .map(([lead, rest]) => lead + rest);
  const row = fc.record({ forename: fc.oneof(nameCell, formulaCell), surname: fc.oneof(nameCell, formulaCell) });

  it('reports every formula-injection cell by line and loads every other row', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const { text, lines } = toCsv(rows);
        const result = parseNameCsv(text, 'pupils.csv');
        const isFormula = (cell: string) => /^\s*[=+\-@＝]/.test(cell);
        const formulaLines = rows.flatMap((r, i) => (isFormula(r.forename) || isFormula(r.surname) ? [lines[i]] : []));
        expect(result.fatal).toBeUndefined();
        expect(result.problems.map((p) => p.line)).toEqual(formulaLines);
        for (const problem of result.problems) expect(problem.message).toMatch(/formula; row skipped/);
        expect(result.people).toHaveLength(rows.length - formulaLines.length);
        for (const person of result.people) expect(typeof person === 'string' ? person : person.name).not.toMatch(/^[=+\-@＝]/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('managed-policy reader: random and hostile input', () => {
  /** What an IT manager's policy file, registry or admin console could hand the extension. */
  const nested = (depth: number, leaf: unknown, asList: boolean): unknown => {
    let value = leaf;
    for (let i = 0; i < depth; i++) value = asList ? [value] : { x: value };
    return value;
  };
  const hostileValue = fc.oneof(
    fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true, withTypedArray: true }),
    hostileText(20),
    fc.constantFrom('x'.repeat(6_000_000), nested(100_000, 'block', true), nested(100_000, true, false), `${'['.repeat(50_000)}1${']'.repeat(50_000)}`),
    fc.array(hostileText(5), { maxLength: 30 }),
  );
  const policyKey = fc.oneof(fc.constantFrom(...MANAGED_KEYS), fc.constantFrom('Mode', 'pupil', '__proto__', 'constructor', ''), fc.string());
  const rawPolicy = fc.dictionary(policyKey, hostileValue, { maxKeys: 10 });

  /** Each problem names its key, and its message starts with that key (and says something after it). */
  function expectReportedByKey(raw: Record<string, unknown>, problems: readonly ManagedProblem[]): void {
    for (const problem of problems) {
      expect(Object.keys(raw)).toContain(problem.field);
      expect(problem.message.startsWith(problem.field)).toBe(true);
      expect(problem.message.length).toBeGreaterThan(problem.field.length + 1);
      // A clear message, not the value pasted back: at most a short quote of it.
      expect(problem.message.length).toBeLessThan(400);
    }
  }

  it('never throws, reports every bad value by its key, and keeps only values the schema accepts', () => {
    fc.assert(
      fc.property(rawPolicy, (raw) => {
        const { policy, problems } = readManagedPolicy(raw);
        expectReportedByKey(raw, problems);
        for (const [key, value] of Object.entries(policy)) {
          expect(MANAGED_KEYS as string[]).toContain(key);
          expect(ManagedPolicySchema.shape[key as keyof typeof ManagedPolicySchema.shape].safeParse(value).success).toBe(true);
        }
        // Every key the reader did not keep is explained (pack keys are explained together).
        for (const key of Object.keys(raw)) {
          if (key in policy || (key === 'schoolPackJson' && policy.schoolPack)) continue;
          expect(problems.map((problem) => problem.field)).toContain(key);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the last good value of every key a bad value arrives for (nothing loaded is lost)', () => {
    const previous: ManagedPolicy = { mode: 'block', lock: true, eventLog: false, pupils: ['Grace Hetherington'], staff: ['Mr Okafor'], enabledSites: { x: false }, schoolPack: VALID_PACK as Record<string, unknown> };
    fc.assert(
      fc.property(fc.subarray([...MANAGED_KEYS], { minLength: 1 }), hostileValue, (keys, value) => {
        const raw = Object.fromEntries(keys.map((key) => [key, value]));
        const { policy, problems } = readManagedPolicy(raw, previous);
        expectReportedByKey(raw, problems);
        for (const key of keys) {
          const refused = problems.some((problem) => problem.field === key);
          // The two pack keys are one pack: a refused one leaves the pack already in force.
          if (key === 'schoolPack' || key === 'schoolPackJson') {
            if (refused) expect(policy.schoolPack).toEqual(previous.schoolPack);
            continue;
          }
          if (refused) expect(policy[key]).toEqual(previous[key]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads anything at all as the policy, or as its cached copy, without throwing', () => {
    fc.assert(
      fc.property(hostileValue, (raw) => {
        const { problems } = readManagedPolicy(raw);
        for (const problem of problems) expect(problem.message.trim()).not.toBe('');
        const cache = readManagedCache(raw);
        if (cache) expect(typeof cache.savedAt).toBe('number');
        expect(() => readManagedCache({ policy: raw, problems: raw, savedAt: raw })).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['mode', nested(100_000, 'block', true)],
    ['lock', nested(100_000, true, false)],
    ['eventLog', nested(100_000, false, true)],
    ['enabledSites', { x: nested(100_000, true, true) }],
    ['pupils', [nested(100_000, 'Grace', true)]],
    ['schoolPack', nested(100_000, 'leaf', false)],
    ['schoolPackJson', `${'['.repeat(50_000)}1${']'.repeat(50_000)}`],
  ])('refuses a %s nested 100,000 deep by its key, and keeps the rest of the policy', (key, value) => {
    const { policy, problems } = readManagedPolicy({ [key]: value, mode: key === 'mode' ? value : 'block', lock: key === 'lock' ? value : true });
    expect(problems.map((problem) => problem.field)).toContain(key);
    if (key !== 'mode') expect(policy.mode).toBe('block');
    if (key !== 'lock') expect(policy.lock).toBe(true);
  });

  it('quotes at most a short piece of a huge wrong value', () => {
    const { problems } = readManagedPolicy({ mode: 'x'.repeat(1_000_000), schoolPackJson: 'x'.repeat(6_000_000) });
    expect(problems.find((problem) => problem.field === 'mode')?.message).toMatch(/^mode must be "warn" or "block" \(got "x{40}…"\)$/);
    expect(problems.find((problem) => problem.field === 'schoolPackJson')?.message).toMatch(/^schoolPackJson is over 5 MB/);
  });
});

describe('checkPost: random and hostile posts', () => {
  const compiled = compileOrThrow();

  it('never throws, and every finding points at text that is there', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), hostileText(80)), (text) => {
        expectFindingsWithinText(text, checkPost(compiled, { text }));
      }),
      { numRuns: 300 },
    );
  });

  it('handles 100,000-character posts', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(hostileText(60), fc.integer({ min: 50_000, max: 100_000 }), (chunk, length) => {
        const text = (chunk || 'Grace Hetherington ').repeat(Math.ceil(length / Math.max(1, chunk.length))).slice(0, length);
        expectFindingsWithinText(text, checkPost(compiled, { text }));
      }),
      { numRuns: 4 },
    );
  });
});

function expectFindingsWithinText(text: string, findings: readonly Finding[]): void {
  for (const finding of findings) {
    expect(CATEGORY_IDS).toContain(finding.category);
    expect(finding.spans.length).toBeGreaterThan(0);
    for (const span of finding.spans) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.start).toBeLessThanOrEqual(span.end);
      expect(span.end).toBeLessThanOrEqual(text.length);
    }
    const first = finding.spans[0]!;
    expect(finding.excerpt).toBe(text.slice(first.start, first.end));
  }
}

/** Quoted CSV rows, and the line each starts on (quoted line breaks push later rows down). */
function toCsv(rows: readonly { forename: string; surname: string }[]): { text: string; lines: number[] } {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const lines: number[] = [];
  let line = 2;
  const body = rows.map((r) => {
    lines.push(line);
    const record = `${quote(r.forename)},${quote(r.surname)}`;
    line += 1 + (record.match(/\n/g)?.length ?? 0);
    return record;
  });
  return { text: `Forename,Surname\n${body.join('\n')}\n`, lines };
}

function compileOrThrow(): CompiledPack {
  const result = compilePack(VALID_PACK);
  if (!result.ok) throw result.error;
  return result.compiled;
}

function firstPupil(): string {
  const pupil = VALID_PACK.people?.pupils?.[0];
  return typeof pupil === 'string' ? pupil : (pupil?.name ?? '');
}
