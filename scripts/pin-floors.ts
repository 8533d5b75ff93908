/**
 * `npx tsx scripts/pin-floors.ts`: prints the FLOORS lines of tests/unit/eval-floors.test.ts
 * at today's figures (precision and recall rounded down, false-finding counts as measured),
 * to paste in after a change that improves them. Lowering a floor still needs its reason in
 * the commit. A held-out set whose first sight is not yet recorded is left out: its figures
 * must not be seen before that measurement, which pins them (docs/evaluation.md).
 */
import { evalSets, evaluateCorpus, evaluateHardNegatives, evaluateRealText, loadFirstSight } from '../src/cli/eval';

const down = (x: number) => (Math.floor(x * 100 + 1e-9) / 100).toFixed(2);
const seen = new Set(loadFirstSight().entries.map((e) => e.set));
for (const set of evalSets()) {
  if (set.kind === 'labelled' && set.role === 'held-out' && !seen.has(set.id)) {
    console.log(`  // ${set.id}: not yet measured; pinned at its first sight`);
  } else if (set.kind === 'labelled') {
    const r = evaluateCorpus(set.dir);
    const categories = r.scores.map((s) => `${/-/.test(s.category) ? `'${s.category}'` : s.category}: [${down(s.precision)}, ${down(s.recall)}]`).join(', ');
    console.log(`  ['${set.id}', { kind: 'labelled', unlabelledQuiet: ${down(r.unlabeledClean / r.unlabeled)}, categories: { ${categories} } }],`);
  } else if (set.kind === 'hard-negative') {
    const r = evaluateHardNegatives();
    console.log(`  ['hard-negatives', { kind: 'hard-negative', maxRate: ${(Math.ceil(r.rate * 1000 - 1e-9) / 1000).toFixed(3)} }],`);
  } else {
    const r = evaluateRealText();
    const by = Object.entries(r.falseByCategory).map(([c, n]) => `${/-/.test(c) ? `'${c}'` : c}: ${n}`).join(', ');
    console.log(`  ['real-text', { kind: 'real-text', maxPerThousand: ${(Math.ceil(r.perThousand * 10 - 1e-9) / 10).toFixed(1)}, maxByCategory: { ${by} }, offensive: [${down(r.offensive.precision)}, ${down(r.offensive.recall)}] }],`);
  }
}
