import { describe, expect, it } from 'vitest';
import { evaluateLogoVariants } from '../../src/cli/eval-logo';
import { evaluatePhotos } from '../../src/cli/eval-photos';

/*
 * Floors for the two image evaluations on their development seed (seed 1), pinned at the
 * figures reached (docs/images.md), so that a worse face detector or logo matcher fails here.
 * Raise them when either improves; never lower them to make a change pass. Subsets keep each
 * run to a minute or two on a busy 2-core machine (composing the photos takes most of it):
 * every second photo case (every kind is in it), and one variant per logo and transform
 * (with every negative).
 */
// Reached on 6 December 2026: logos 43/44 found, no false match. Photos: 51/59 found, 0/47 false
// warnings on 7 December 2026 (was 54/59): the detector with 3 × 3 tiles and the face mesh check
// finds 3 fewer photos with faces on seed 1, the seed the previous detector's thresholds were
// set on, and 4–8 more on each of the three other development seeds, with fewer false warnings
// on all but seed 1 (docs/images.md, "The face mesh check"). 53/59, 0/47 since the texture check on a
// face's middle and the mesh penalty scaled down for small faces (docs/images.md, "Issue 13: a face's middle");
// 56/59, 0/47 since a small face short of the threshold gets its second look turned 20° either way.
const PHOTOS = { every: 2, recall: 56 / 59, falseWarnings: 0 };
const LOGOS = { perTransform: 1, recall: 43 / 44 };

describe('image evaluation floors (development seed 1)', () => {
  it('faces: recall on photos with a visible face and false warnings on photos with none hold', { timeout: 240_000 }, async () => {
    const result = await evaluatePhotos(1, false, null, PHOTOS.every);
    const report = result.lines.join('\n');
    expect(result.positives, report).toBeGreaterThan(50);
    expect(result.negatives, report).toBeGreaterThan(40);
    expect(result.recall, report).toBeGreaterThanOrEqual(PHOTOS.recall);
    expect(result.falseWarningRate, report).toBeLessThanOrEqual(PHOTOS.falseWarnings);
  });

  it('logos: recall on variants holds with no false match', { timeout: 240_000 }, async () => {
    const result = await evaluateLogoVariants(1, LOGOS.perTransform);
    const report = result.lines.join('\n');
    expect(result.falseMatches, report).toBe(0);
    expect(result.recall, report).toBeGreaterThanOrEqual(LOGOS.recall);
  });
});
