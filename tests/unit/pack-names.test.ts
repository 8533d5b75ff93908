import { describe, expect, it } from 'vitest';
import { PACK_LIMITS, PackSchema } from '../../src/rules/pack/schema';
import { validatePack } from '../../src/rules/pack/validate';
import { EXAMPLE_SCHOOL } from './example-school';

/**
 * validatePack reads valid name lists with a loop rather than the schema, entry by entry; what
 * it gives back, and every problem it reports, must be what the schema alone gives.
 */
const withPeople = (people: unknown) => ({ ...structuredClone(EXAMPLE_SCHOOL), people });

function expectSameAsSchema(json: unknown): void {
  const schema = PackSchema.safeParse(json);
  const validated = validatePack(json);
  expect(validated.ok).toBe(schema.success);
  if (validated.ok && schema.success) {
    // Same values and the same key order (JSON.stringify tells order apart).
    expect(validated.pack).toEqual(schema.data);
    expect(JSON.stringify(validated.pack)).toBe(JSON.stringify(schema.data));
  }
}

describe('validatePack: name lists', () => {
  it('gives back names as the schema does: trimmed, objects with their fields in order', () => {
    const pupils = ['Grace Hetherington', '  Tom Ellis  ', { knownAs: 'Seun', name: ' Oluwaseun Adeyemi ' }, { name: 'Zoë Smith-Jones' }];
    const staff = [{ role: 'SENCo', title: 'Mrs', name: 'Sarah Okafor', knownAs: ' Sal ' }, 'Mr Derek Lowe'];
    const json = withPeople({ staff, pupils });
    expectSameAsSchema(json);
    const result = validatePack(json);
    expect(result.ok && result.pack.people.pupils[1]).toBe('Tom Ellis');
    expect(result.ok && Object.keys(result.pack.people.staff[0] as object)).toEqual(['name', 'title', 'knownAs', 'role']);
  });

  it('applies the default to a list left out', () => {
    expectSameAsSchema(withPeople({ pupils: ['Grace Hetherington'] }));
    expectSameAsSchema(withPeople({ staff: ['Grace Hetherington'] }));
    expectSameAsSchema(withPeople({}));
  });

  const bad: [string, unknown][] = [
    ['an empty name', ['Grace Hetherington', '   ']],
    ['a number', ['Grace Hetherington', 42]],
    ['null', [null]],
    ['an unknown field', [{ name: 'Grace Hetherington', year: 5 }]],
    ['a field that is not text', [{ name: 'Grace Hetherington', title: 3 }]],
    ['an object with no name', [{ title: 'Mrs' }]],
    ['a name over the length limit', ['x'.repeat(PACK_LIMITS.maxStringLength + 1)]],
    ['a list that is not a list', 'Grace Hetherington'],
  ];
  for (const [what, pupils] of bad) {
    it(`reports ${what} as the schema does`, () => {
      const json = withPeople({ pupils, staff: ['Sarah Okafor'] });
      const result = validatePack(json);
      expect(result.ok).toBe(false);
      expectSameAsSchema(json);
      if (!result.ok) expect(result.problems.some((p) => p.path.startsWith('people.pupils'))).toBe(true);
    });
  }

  it('reports too many names across both lists', () => {
    const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);
    const result = validatePack(withPeople({ pupils: names(PACK_LIMITS.maxNames - 5, 'Pupil'), staff: names(10, 'Staff') }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('people');
  });

  it('reports a problem elsewhere in a pack with valid names, with the names read as usual', () => {
    const json = { ...withPeople({ pupils: ['Grace Hetherington'] }), id: 'Not An Id' };
    const result = validatePack(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['id']);
  });
});

describe('titles written several ways', () => {
  it('finds a colleague listed as "Revd" when a post says "Rev" or "Reverend", and "Prof" as "Professor"', async () => {
    const { compilePack } = await import('../../src/rules');
    const { checkPost } = await import('../../src/rules/check');
    const staff = [{ name: 'Helen Ashworth-Kemp', title: 'Revd', role: 'Chair of Governors' }, { name: 'Alan Pryce', title: 'Prof', role: 'Governor' }];
    const result = compilePack({ ...structuredClone(EXAMPLE_SCHOOL), people: { pupils: [], staff } });
    if (!result.ok) throw result.error;
    const staffFound = (text: string) => checkPost(result.compiled, { text }).filter((f) => f.category === 'staff').map((f) => f.excerpt);
    expect(staffFound("Rev Ashworth-Kemp's harvest sermon ran long")).toEqual(["Rev Ashworth-Kemp's"]);
    expect(staffFound('Reverend Ashworth-Kemp chaired the meeting')).toEqual(['Reverend Ashworth-Kemp']);
    expect(staffFound('Professor Pryce asked about the budget at governors')).toEqual(['Professor Pryce']);
    expect(staffFound('Mrs Ashworth-Kemp chaired the meeting')).toEqual([]);
  });
});
