import type { RgbaImage } from '../rules/logo/types';
import { facesCounted, type DetectedFace } from '../rules/photos/check-photo';

/**
 * The part of @vladmandic/human that PostCheck uses, typed structurally so that the browser
 * build (dist/human.esm.js) and the Node build the evaluation loads (dist/human.node-wasm.js)
 * both fit.
 */
export interface FaceDetector {
  tf: {
    tensor: (values: Uint8Array, shape: number[], dtype: 'int32') => { dispose(): void };
  };
  detect: (input: unknown) => Promise<{ face: { score: number; box: [number, number, number, number] }[]; error: string | null }>;
}

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** RGBA → RGB of one region, the layout the detector takes. */
function rgbOf(image: RgbaImage, region: Region): Uint8Array {
  const { data } = image;
  const rgb = new Uint8Array(region.width * region.height * 3);
  let j = 0;
  for (let y = region.top; y < region.top + region.height; y++) {
    let i = (y * image.width + region.left) * 4;
    for (let x = 0; x < region.width; x++, i += 4, j += 3) {
      rgb[j] = data[i]!;
      rgb[j + 1] = data[i + 1]!;
      rgb[j + 2] = data[i + 2]!;
    }
  }
  return rgb;
}

async function detectIn(human: FaceDetector, image: RgbaImage, region: Region, tile: boolean): Promise<DetectedFace[]> {
  const input = human.tf.tensor(rgbOf(image, region), [1, region.height, region.width, 3], 'int32');
  try {
    const result = await human.detect(input);
    if (result.error) throw new Error(`face detection failed: ${result.error}`);
    return result.face.map((face) => ({
      score: face.score,
      box: [(region.left + face.box[0]) / image.width, (region.top + face.box[1]) / image.height, face.box[2] / image.width, face.box[3] / image.height],
      ...(tile ? { tile } : {}),
    }));
  } finally {
    input.dispose();
  }
}

/**
 * Overlapping square tiles, each two thirds of the image's shorter side. BlazeFace looks at
 * 256×256 pixels: a whole 800-pixel photo shrinks a 40-pixel face (a child at the back of a
 * class photo) below what it can see; in a tile the same face is twice the size.
 */
export function tilesOf(width: number, height: number): Region[] {
  const side = Math.round(Math.min(width, height) / 1.5);
  if (side < 200) return [];
  const stride = side / 2;
  const starts = (length: number) => {
    const count = Math.ceil((length - side) / stride) + 1;
    return Array.from({ length: count }, (_, k) => Math.round(count === 1 ? 0 : (k * (length - side)) / (count - 1)));
  };
  return starts(height).flatMap((top) => starts(width).map((left) => ({ left, top, width: side, height: side })));
}

function overlap(a: DetectedFace['box'], b: DetectedFace['box']): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / Math.min(a[2] * a[3], b[2] * b[3]);
}

/** Faces found twice (the whole image and a tile, or two tiles) count once: the higher score stays. */
function mergeDuplicates(faces: DetectedFace[]): DetectedFace[] {
  const kept: DetectedFace[] = [];
  for (const face of [...faces].sort((a, b) => b.score - a.score)) {
    if (!kept.some((k) => overlap(k.box, face.box) > 0.4)) kept.push(face);
  }
  return kept;
}

/**
 * Faces the detector reports, boxes as fractions of the image, scores not yet thresholded
 * (see facesCounted): the whole image first; then, unless that already showed a face, the
 * tiles, for faces too small to see in the whole. `allTiles` looks at the tiles regardless
 * (the evaluation's score report).
 */
export async function detectFacesWith(human: FaceDetector, image: RgbaImage, allTiles = false): Promise<DetectedFace[]> {
  const faces = await detectIn(human, image, { left: 0, top: 0, width: image.width, height: image.height }, false);
  if (!allTiles && facesCounted(faces).length > 0) return faces;
  for (const tile of tilesOf(image.width, image.height)) {
    faces.push(...(await detectIn(human, image, tile, true)));
    if (!allTiles && facesCounted(faces).length > 0) break;
  }
  return mergeDuplicates(faces);
}
