import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadNodeFaceDetector } from '../../src/cli/node-faces';
import { tinyFaces } from '../../src/images/tiny-face';

/*
 * face-api's TinyFaceDetector as PostCheck runs it (src/images/tiny-face.ts, on human's
 * TensorFlow.js, loaded by src/cli/node-faces.ts as the extension loads it): the second opinion
 * on candidates the face mesh doubts.
 */
const SAMPLE = fileURLToPath(new URL('../fixtures/photos/sources/face-api-sample1.jpg', import.meta.url));

/** A square of the sample photo (left, top, side), resized to size × size, values 0…255. */
async function square(left: number, top: number, side: number, size: number): Promise<Float32Array> {
  const raw = await sharp(SAMPLE).extract({ left, top, width: side, height: side }).resize(size, size).removeAlpha().raw().toBuffer();
  return Float32Array.from(raw);
}

describe('the second face detector (TinyFaceDetector)', () => {
  it('finds a face in the middle of a crop three times its size, at both input sizes, and none in a crop of the background', { timeout: 60_000 }, async () => {
    const { secondDetector } = await loadNodeFaceDetector();
    expect(secondDetector).toBeDefined();
    for (const size of [160, 224]) {
      // The first face of sample 1 (tests/fixtures/photos/sources.json: 142, 134, 148 × 148), and a patch clear of every face.
      const crops = [await square(0, 0, 444, size), await square(0, 0, 160, size)];
      const [face, background] = await tinyFaces(secondDetector!, crops.length, size, (i, into, offset) => into.set(crops[i]!, offset));
      const centred = face!.filter((f) => Math.abs(f.cx - 216 / 444) < 0.1 && Math.abs(f.cy - 208 / 444) < 0.1);
      expect(Math.max(0, ...centred.map((f) => f.score))).toBeGreaterThan(0.5);
      expect(Math.max(0, ...background!.map((f) => f.score))).toBeLessThan(0.2);
    }
  });
});
