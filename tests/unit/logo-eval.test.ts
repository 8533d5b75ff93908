import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { evaluateLogos } from '../../src/cli/eval-logos';

/*
 * Floors for the logo matcher on the development corpus (tests/fixtures/logos,
 * a copy of shared/corpus/logos). Raise them when the matcher improves; never lower
 * them to make a change pass.
 */
const RECALL_FLOOR = 1;

it('finds every dev positive and never matches a negative', { timeout: 180_000 }, async () => {
  const result = await evaluateLogos(fileURLToPath(new URL('../fixtures/logos', import.meta.url)));
  expect(result.lines[0]).toMatch(/^logo: precision /);
  expect(result.falseMatches, result.lines.join('\n')).toBe(0);
  expect(result.precision).toBe(1);
  expect(result.recall, result.lines.join('\n')).toBeGreaterThanOrEqual(RECALL_FLOOR);
});
