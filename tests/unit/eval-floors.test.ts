import { describe, expect, it } from 'vitest';
import { evalSets, evaluateCorpus, evaluateHardNegatives, evaluateRealText, type EvalSet } from '../../src/cli/eval';

/**
 * Floors reached on every evaluation set (npm run eval), at school scale, pinned
 * so they cannot slip. The list of sets comes from eval's registry: a set eval
 * reports without floors here, or with floors twice, fails. Raise floors when
 * the engine improves; never lower them to make a change pass (the one
 * exception, a deliberate trade of recall for precision, says so in its commit).
 * A held-out set dropped into tests/fixtures/heldout fails here until its
 * first-sight figures are recorded and pinned.
 */
type Labelled = { kind: 'labelled'; unlabelledQuiet: number; categories: Record<string, [precision: number, recall: number]> };
type HardNegative = { kind: 'hard-negative'; maxRate: number };
type RealText = { kind: 'real-text'; maxPerThousand: number; maxByCategory: Record<string, number>; offensive: [precision: number, recall: number] };
type Floors = Labelled | HardNegative | RealText;

// One line per set, as `npm run eval` prints it (school-size lists).
const FLOORS: [set: string, floors: Floors][] = [
  ['corpus', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 1.00], pupil: [1.00, 1.00], staff: [1.00, 0.97], sickness: [1.00, 0.96], disparaging: [1.00, 0.95], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.96], 'child-comment': [1.00, 0.90] } }],
  ['corpus-2', { kind: 'labelled', unlabelledQuiet: 1.00, categories: { school: [1.00, 1.00], pupil: [0.97, 0.97], staff: [1.00, 0.94], sickness: [1.00, 1.00], disparaging: [1.00, 0.70], offensive: [1.00, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.93], 'child-comment': [0.95, 0.88] } }],
  ['corpus-3', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.97], pupil: [0.93, 1.00], staff: [1.00, 0.97], sickness: [1.00, 1.00], disparaging: [1.00, 0.71], offensive: [1.00, 0.80], 'personal-data': [1.00, 1.00], confidential: [0.98, 0.91], 'child-comment': [1.00, 0.61] } }],
  ['corpus-4', { kind: 'labelled', unlabelledQuiet: 0.98, categories: { school: [1.00, 0.93], pupil: [0.95, 0.92], staff: [0.94, 0.78], sickness: [0.80, 0.57], disparaging: [0.91, 0.68], offensive: [0.90, 1.00], 'personal-data': [1.00, 1.00], confidential: [1.00, 0.93], 'child-comment': [0.93, 0.66] } }],
  ['check-corpus', { kind: 'labelled', unlabelledQuiet: 0.94, categories: { school: [0.86, 0.95], pupil: [0.91, 0.87], staff: [1.00, 0.93], sickness: [1.00, 1.00], disparaging: [1.00, 0.63], offensive: [1.00, 0.92], 'personal-data': [1.00, 0.92], confidential: [1.00, 0.50], 'child-comment': [0.88, 0.72] } }],
  ['hard-negatives', { kind: 'hard-negative', maxRate: 0.040 }],
  ['real-text', { kind: 'real-text', maxPerThousand: 9.4, maxByCategory: { school: 2, pupil: 16, staff: 6, sickness: 0, disparaging: 20, offensive: 18, 'personal-data': 19, confidential: 4, 'child-comment': 6 }, offensive: [0.85, 0.83] }],
];

describe('every evaluation set has floors exactly once', () => {
  const registered = evalSets().map((s) => s.id);
  it.each(registered)('%s', (id) => {
    expect(FLOORS.filter(([set]) => set === id).length, `floors for ${id}`).toBe(1);
  });
  it('no floors for a set eval does not report', () => {
    expect(FLOORS.map(([set]) => set).filter((set) => !registered.includes(set))).toEqual([]);
  });
});

for (const set of evalSets()) {
  const floors = FLOORS.find(([id]) => id === set.id)?.[1];
  if (!floors) continue; // reported as a failure above
  describe(`${set.id} holds its floors`, () => checkFloors(set, floors));
}

function checkFloors(set: EvalSet, floors: Floors): void {
  if (set.kind === 'labelled' && floors.kind === 'labelled') {
    const result = evaluateCorpus(set.dir);
    it.each(result.scores.map((s) => [s.category, s] as const))('%s precision and recall', (category, score) => {
      const [precision, recall] = floors.categories[category]!;
      expect(score.precision).toBeGreaterThanOrEqual(precision);
      expect(score.recall).toBeGreaterThanOrEqual(recall);
    });
    it(`at least ${Math.round(floors.unlabelledQuiet * 100)}% of unlabelled posts left quiet`, () => {
      expect(result.unlabeledClean / result.unlabeled).toBeGreaterThanOrEqual(floors.unlabelledQuiet);
    });
  } else if (set.kind === 'hard-negative' && floors.kind === 'hard-negative') {
    it(`at most ${(floors.maxRate * 100).toFixed(1)}% raise pupil or staff`, () => {
      const result = evaluateHardNegatives();
      expect(result.posts).toBeGreaterThan(0);
      expect(result.rate).toBeLessThanOrEqual(floors.maxRate);
    });
  } else if (set.kind === 'real-text' && floors.kind === 'real-text') {
    const result = evaluateRealText();
    it('has at least 9,000 snippets', () => expect(result.snippets).toBeGreaterThanOrEqual(9000));
    it(`at most ${floors.maxPerThousand} false findings per 1,000`, () => expect(result.perThousand).toBeLessThanOrEqual(floors.maxPerThousand));
    it.each(Object.entries(result.falseByCategory))('%s false findings', (category, n) => {
      expect(n).toBeLessThanOrEqual(floors.maxByCategory[category]!);
    });
    it('offensive precision and recall against read labels', () => {
      expect(result.offensive.precision).toBeGreaterThanOrEqual(floors.offensive[0]);
      expect(result.offensive.recall).toBeGreaterThanOrEqual(floors.offensive[1]);
    });
  } else {
    it('floors are of the same kind as the set', () => expect(floors.kind).toBe(set.kind));
  }
}
