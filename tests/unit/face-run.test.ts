import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadNodeFaceDetector } from '../../src/cli/node-faces';
import { faceFlags, lookAt, middleContrast } from '../../src/images/face-run';
import type { RgbaImage } from '../../src/rules/logo/types';

/*
 * The two models run as the extension runs them (src/cli/node-faces.ts loads the same files
 * and settings): BlazeFace on a batch of tiles, and the face mesh model's face flag.
 */
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

async function rgba(path: string): Promise<RgbaImage> {
  const { data, info } = await sharp(fixture(path)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

describe('the face detector graphs', () => {
  it('BlazeFace on a batch of tiles finds in each what it finds in that tile alone', { timeout: 60_000 }, async () => {
    const human = await loadNodeFaceDetector();
    const image = await rgba('photos/sources/face-api-sample1.jpg');
    const regions = [
      { left: 0, top: 0, width: 400, height: 400 },
      { left: 300, top: 50, width: 350, height: 350 },
      { left: 400, top: 100, width: 300, height: 300 },
    ];
    const batched = await lookAt(human, image, regions, true);
    for (const [i, region] of regions.entries()) {
      const [alone] = await lookAt(human, image, [region], true);
      expect(batched[i]!.map((f) => f.score.toFixed(4))).toEqual(alone!.map((f) => f.score.toFixed(4)));
    }
    expect(batched[0]!.some((f) => f.score > 0.8)).toBe(true);
  });

  it("the face mesh's flag is high on a face and low on a photo's background", { timeout: 60_000 }, async () => {
    const human = await loadNodeFaceDetector();
    const image = await rgba('photos/sources/face-api-sample1.jpg');
    const box = (x: number, y: number, w: number, h: number): [number, number, number, number] => [x / image.width, y / image.height, w / image.width, h / image.height];
    // The first face of sample 1 (tests/fixtures/photos/sources.json), and a patch of the same size in the bottom-left corner, clear of every face.
    const [face, background] = await faceFlags(human, image, [
      { score: 1, box: box(142, 134, 148, 148) },
      { score: 1, box: box(20, image.height - 170, 148, 148) },
    ]);
    expect(face).toBeGreaterThan(0.9);
    expect(background).toBeLessThan(0.05);
  });

  it("a face's middle has features: neither flat like a plain disc nor harsh like a sign's lettering", { timeout: 60_000 }, async () => {
    const image = await rgba('photos/sources/face-api-sample1.jpg');
    const box = (x: number, y: number, w: number, h: number): [number, number, number, number] => [x / image.width, y / image.height, w / image.width, h / image.height];
    const face = middleContrast(image, box(142, 134, 148, 148));
    expect(face).toBeGreaterThan(0.03);
    expect(face).toBeLessThan(0.25);
    // A flat patch (a plain disc, a wall) and black-and-white stripes 4 pixels wide (lettering, windows).
    const width = 64, height = 64;
    const flat = { width, height, data: new Uint8ClampedArray(width * height * 4).fill(200) };
    const stripes = { width, height, data: new Uint8ClampedArray(width * height * 4).map((_, i) => (Math.floor((Math.floor(i / 4) % width) / 4) % 2 ? 255 : 0)) };
    const middle: [number, number, number, number] = [0.25, 0.25, 0.5, 0.5];
    expect(middleContrast(flat, middle)).toBeLessThan(0.03);
    expect(middleContrast(stripes, middle)).toBeGreaterThan(0.25);
  });
});
