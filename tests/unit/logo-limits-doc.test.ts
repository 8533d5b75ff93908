import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_KEYPOINTS, MIN_DISTINCT_CORNERS, MIN_DISTINCT_CORNERS_TO_FINGERPRINT } from '../../src/rules/logo/fingerprint';
import { MATCH_THRESHOLD } from '../../src/rules/logo/match';
import { MIN_LOGO_PIXELS } from '../../src/rules/logo/reference';
import { PACK_LIMITS } from '../../src/rules/pack/schema';

/** Every logo limit docs/rule-pack.md states is the number the code uses. */
const doc = readFileSync('docs/rule-pack.md', 'utf8');
const table = /<!-- logo-limits -->\n([\s\S]*?)\n<!-- \/logo-limits -->/.exec(doc)?.[1] ?? '';
const rows = new Map(
  table
    .split('\n')
    .slice(2)
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, label, value]) => [label!, value!] as const),
);
const number = (text: string | undefined): number => Number((text ?? '').replace(/,/g, '').split(' ')[0]);

describe('docs/rule-pack.md logo limits', () => {
  it('has the table', () => expect(rows.size).toBe(7));

  const expected: [string, number][] = [
    ['logos in one pack', PACK_LIMITS.maxLogos],
    ['smallest logo image to fingerprint', MIN_LOGO_PIXELS],
    ['distinct corners a logo needs, or it is refused', MIN_DISTINCT_CORNERS_TO_FINGERPRINT],
    ['distinct corners below which PostCheck warns "little detail"', MIN_DISTINCT_CORNERS],
    ['keypoints in one fingerprint (made or read)', MAX_KEYPOINTS],
    ['characters in one fingerprint text', PACK_LIMITS.maxFingerprintLength],
    ['match score an image needs for a `logo` finding', MATCH_THRESHOLD],
  ];
  for (const [label, value] of expected) {
    it(`${label}: ${value}`, () => expect(number(rows.get(label))).toBe(value));
  }

  it('states the keypoint limit the same way wherever it appears', () => {
    const stated = [...doc.matchAll(/at most ([\d,]+) keypoints|keypoint count \(at most ([\d,]+)\)/g)].map((m) => number(m[1] ?? m[2]));
    expect(stated.length).toBeGreaterThanOrEqual(2);
    expect(new Set(stated)).toEqual(new Set([MAX_KEYPOINTS]));
  });
});
