import { describe, expect, it } from 'vitest';
import { sortInPlace } from '../../src/rules/document/sort';
import { seededRandom } from '../../src/rules/seeded-random';

/** sortInPlace stands in for Array.prototype.sort on the engine's short lists: the same order, ties included. */
describe('sortInPlace', () => {
  it('orders short and long lists as Array.prototype.sort does, keeping equal items in order', () => {
    const random = seededRandom(7);
    for (const length of [0, 1, 2, 5, 16, 17, 40]) {
      for (let round = 0; round < 20; round++) {
        const items = Array.from({ length }, (_, id) => ({ id, start: Math.floor(random() * 6) }));
        const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
        expect(sortInPlace([...items], byStart)).toEqual([...items].sort(byStart));
      }
    }
  });
});
