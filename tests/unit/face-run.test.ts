import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadNodeFaceDetector } from '../../src/cli/node-faces';
import { faceFlags, lookAt, meshInput, middleContrast, pixelsOf, turnedPixelsOf } from '../../src/images/face-run';
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

/*
 * The resizing and colour balance as they were written a value at a time (before 8 December 2026): the
 * faster versions in src/images/face-run.ts must write exactly these values, so that every look scores
 * as before (docs/images.md, "Issue 13: the same looks, less work").
 */
type Region = { left: number; top: number; width: number; height: number };
function referencePixels(image: RgbaImage, region: Region, size: number, divisor: number, shift: number, into: Float32Array, offset: number): void {
  const { data, width, height } = image;
  const f = Math.fround;
  const y1 = f(region.top / Math.max(1, height - 1)), y2 = f((region.top + region.height - 1) / Math.max(1, height - 1));
  const x1 = f(region.left / Math.max(1, width - 1)), x2 = f((region.left + region.width - 1) / Math.max(1, width - 1));
  const stepY = f(f(f(y2 - y1) * (height - 1)) / (size - 1)), stepX = f(f(f(x2 - x1) * (width - 1)) / (size - 1));
  const startY = f(y1 * (height - 1)), startX = f(x1 * (width - 1));
  const left = new Int32Array(size), right = new Int32Array(size), across = new Float32Array(size), inside = new Uint8Array(size);
  for (let u = 0; u < size; u++) {
    const x = f(startX + f(u * stepX));
    inside[u] = x >= 0 && x <= width - 1 ? 1 : 0;
    left[u] = Math.floor(x) * 4;
    right[u] = Math.min(Math.ceil(x), width - 1) * 4;
    across[u] = f(x - Math.floor(x));
  }
  let j = offset;
  for (let v = 0; v < size; v++) {
    const y = f(startY + f(v * stepY));
    const rowInside = y >= 0 && y <= height - 1;
    const top = Math.floor(y) * width * 4, bottom = Math.min(Math.ceil(y), height - 1) * width * 4, fy = f(y - Math.floor(y));
    for (let u = 0; u < size; u++) {
      if (!rowInside || inside[u] === 0) {
        into[j++] = -shift;
        into[j++] = -shift;
        into[j++] = -shift;
        continue;
      }
      const a = top + left[u]!, b = top + right[u]!, c = bottom + left[u]!, d = bottom + right[u]!, fx = across[u]!;
      for (let k = 0; k < 3; k++) {
        const upper = data[a + k]! + (data[b + k]! - data[a + k]!) * fx;
        const lower = data[c + k]! + (data[d + k]! - data[c + k]!) * fx;
        into[j++] = (upper + (lower - upper) * fy) * (1 / divisor) - shift;
      }
    }
  }
}
function referenceMeshInput(image: RgbaImage, region: Region, into: Float32Array, offset: number): void {
  referencePixels(image, region, 192, 255, 0, into, offset);
  const length = 192 * 192 * 3;
  const mean = [0, 0, 0];
  for (let i = 0; i < length; i++) mean[i % 3]! += into[offset + i]!;
  for (let k = 0; k < 3; k++) mean[k]! /= length / 3;
  let variance = 0;
  for (let i = 0; i < length; i++) variance += (into[offset + i]! - mean[i % 3]!) ** 2;
  const spread = Math.sqrt(variance / length) || 1;
  for (let i = 0; i < length; i++) into[offset + i] = Math.min(1, Math.max(0, 0.5 + (0.22 * (into[offset + i]! - mean[i % 3]!)) / spread));
}

function referenceTurned(image: RgbaImage, cx: number, cy: number, side: number, degrees: number, size: number, divisor: number, shift: number, into: Float32Array, offset: number): void {
  const { data, width, height } = image;
  const step = side / size, middle = (size - 1) / 2;
  const cos = Math.cos((degrees * Math.PI) / 180), sin = Math.sin((degrees * Math.PI) / 180);
  let j = offset;
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      const dx = (u - middle) * step, dy = (v - middle) * step;
      const x = cx + cos * dx - sin * dy, y = cy + sin * dx + cos * dy;
      if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
        into[j++] = -shift;
        into[j++] = -shift;
        into[j++] = -shift;
        continue;
      }
      const x0 = Math.floor(x), y0 = Math.floor(y), x1 = Math.min(x0 + 1, width - 1), y1 = Math.min(y0 + 1, height - 1), fx = x - x0, fy = y - y0;
      const a = (y0 * width + x0) * 4, b = (y0 * width + x1) * 4, c = (y1 * width + x0) * 4, d = (y1 * width + x1) * 4;
      for (let k = 0; k < 3; k++) {
        const upper = data[a + k]! + (data[b + k]! - data[a + k]!) * fx;
        const lower = data[c + k]! + (data[d + k]! - data[c + k]!) * fx;
        into[j++] = (upper + (lower - upper) * fy) / divisor - shift;
      }
    }
  }
}

/** The first index at which two arrays differ (Object.is: −0 and 0 differ too), or −1. */
function firstDifference(a: Float32Array, b: Float32Array): number {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return a.length === b.length ? -1 : a.length;
}

describe('the pixels the graphs are given', () => {
  // Regions inside the photo, across its edges and wholly outside it; shrunk (tiles, the whole photo) and enlarged (small faces' crops).
  function regionsFor(image: RgbaImage): Region[] {
    let seed = 20261208;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const regions: Region[] = [
      { left: 0, top: 0, width: image.width, height: image.height },
      { left: -40, top: -30, width: 120, height: 120 },
      { left: image.width - 20, top: image.height - 10, width: 90, height: 90 },
      { left: image.width + 5, top: 0, width: 50, height: 50 },
    ];
    for (let i = 0; i < 60; i++) {
      const width = Math.round(2 + random() * image.width), height = i % 2 ? width : Math.round(2 + random() * image.height);
      regions.push({ left: Math.round(random() * image.width * 1.2 - image.width * 0.2), top: Math.round(random() * image.height * 1.2 - image.height * 0.2), width, height });
    }
    return regions;
  }

  it('each region resized is, value for value, what the reference resizing gives', { timeout: 60_000 }, async () => {
    const photo = await rgba('photos/sources/face-api-sample1.jpg');
    const tiny = { width: 3, height: 2, data: new Uint8ClampedArray([9, 80, 200, 255, 30, 0, 255, 255, 255, 128, 1, 255, 0, 0, 0, 255, 77, 66, 55, 255, 200, 100, 50, 255]) };
    for (const image of [photo, tiny]) {
      for (const [i, region] of regionsFor(image).entries()) {
        const size = [256, 192, 7, 2][i % 4]!;
        const [divisor, shift] = i % 2 ? [127.5, 1] : [255, 0];
        const fast = new Float32Array(size * size * 3 + 3).fill(9), reference = new Float32Array(size * size * 3 + 3).fill(9);
        pixelsOf(image, region, size, { divisor, shift }, fast, 3);
        referencePixels(image, region, size, divisor, shift, reference, 3);
        expect(firstDifference(fast, reference), JSON.stringify({ region, size })).toBe(-1);
      }
    }
  });

  it('each turned confirming crop is, value for value, what the reference turning gives', { timeout: 60_000 }, async () => {
    const photo = await rgba('photos/sources/face-api-sample1.jpg');
    for (const [i, region] of regionsFor(photo).slice(0, 24).entries()) {
      const size = i % 3 ? 256 : 7;
      const degrees = [20, -20, 7.5][i % 3]!;
      const cx = region.left + region.width / 2, cy = region.top + region.height / 2;
      const fast = new Float32Array(size * size * 3 + 2), reference = new Float32Array(size * size * 3 + 2);
      turnedPixelsOf(photo, cx, cy, region.width, degrees, size, { divisor: 127.5, shift: 1 }, fast, 2);
      referenceTurned(photo, cx, cy, region.width, degrees, size, 127.5, 1, reference, 2);
      expect(firstDifference(fast, reference), JSON.stringify({ region, degrees })).toBe(-1);
    }
  });

  it("the face mesh's colour-balanced crops are, value for value, the reference's", { timeout: 60_000 }, async () => {
    const photo = await rgba('photos/sources/face-api-sample1.jpg');
    const flat = { width: 40, height: 40, data: new Uint8ClampedArray(40 * 40 * 4).fill(120) };
    for (const image of [photo, flat]) {
      for (const region of regionsFor(image).slice(0, 24)) {
        const fast = new Float32Array(192 * 192 * 3 + 5), reference = new Float32Array(192 * 192 * 3 + 5);
        meshInput(image, region, fast, 5);
        referenceMeshInput(image, region, reference, 5);
        expect(firstDifference(fast, reference), JSON.stringify(region)).toBe(-1);
      }
    }
  });

  it('the face flag run alone (only the nodes it needs) is the flag of the whole face mesh graph', { timeout: 60_000 }, async () => {
    const human = await loadNodeFaceDetector();
    const image = await rgba('photos/sources/face-api-sample1.jpg');
    const mesh = human.models.models.facemesh as unknown as { execute: (input: unknown, outputs?: string) => { shape: number[]; size: number; dataSync(): Float32Array; dispose(): void } | { shape: number[]; size: number; dataSync(): Float32Array; dispose(): void }[] };
    const crops = [
      { left: 112, top: 104, width: 208, height: 208 },
      { left: 0, top: image.height - 200, width: 200, height: 200 },
      { left: -30, top: -30, width: 90, height: 90 },
    ];
    const pixels = new Float32Array(crops.length * 192 * 192 * 3);
    crops.forEach((crop, i) => meshInput(image, crop, pixels, i * 192 * 192 * 3));
    const input = (human as unknown as { tf: { tensor: (v: Float32Array, s: number[], d: string) => { dispose(): void } } }).tf.tensor(pixels, [crops.length, 192, 192, 3], 'float32');
    const all = mesh.execute(input) as { shape: number[]; size: number; dataSync(): Float32Array; dispose(): void }[];
    const alone = mesh.execute(input, 'output_faceflag') as { shape: number[]; size: number; dataSync(): Float32Array; dispose(): void };
    const flag = all.find((o) => o.shape[o.shape.length - 1] === 1 && o.size === crops.length)!;
    expect(Array.from(alone.dataSync())).toEqual(Array.from(flag.dataSync()));
    expect(alone.dataSync()[0]).toBeGreaterThan(0.9);
    for (const t of [...all, alone, input]) t.dispose();
    // faceFlags asks for that output alone.
    const asked: (string | undefined)[] = [];
    const execute = mesh.execute.bind(mesh);
    mesh.execute = (i: unknown, outputs?: string) => (asked.push(outputs), execute(i, outputs));
    try {
      await faceFlags(human, image, [{ score: 1, box: [142 / image.width, 134 / image.height, 148 / image.width, 148 / image.height] }]);
    } finally {
      mesh.execute = execute;
    }
    expect(asked).toEqual(['output_faceflag']);
  });
});
