import type { RgbaImage } from '../rules/logo/types';
import { CONFIRM_TURN_MAX_NEEDED, CONFIRM_TURNS_DEGREES } from './face-config';
import { FACE_CONFIRM_MIN_SCORE, FACE_MIN_SCORE, FACE_TILE_CANDIDATE_SCORE, FACE_WHOLE_CANDIDATE_SCORE, type DetectedFace } from '../rules/photos/check-photo';

/** A tensor, as much of one as PostCheck touches. */
interface Tensor {
  size: number;
  shape: number[];
  data(): Promise<Float32Array | Int32Array | Uint8Array>;
  dispose(): void;
}

/** A loaded TensorFlow.js graph, and the parts of its executor that batchesOf opens to batches. */
interface Graph {
  /** With `outputs`, only the graph's nodes those outputs need are run. */
  execute: (input: Tensor, outputs?: string | string[]) => Tensor | Tensor[];
  /** The outputs' names as the graph's signature gives them (the face mesh: output_mesh, output_faceflag, output_contours). */
  outputNodes?: string[];
  executor?: {
    graph?: { inputs?: { attrParams?: { shape?: { value?: number[] } } }[] };
    weightMap?: Record<string, Tensor[]>;
  };
}

/**
 * The part of @vladmandic/human that PostCheck uses, typed structurally so that the browser
 * build (dist/human.esm.js) and the Node build the evaluation loads (dist/human.node-wasm.js)
 * both fit: its TensorFlow.js and the two graphs it loaded (human.load()), BlazeFace and the
 * face mesh. PostCheck runs the graphs itself rather than through human.detect(): none of
 * human's per-call image pipeline, and the photo resized in JavaScript (pixelsOf).
 */
export interface FaceDetector {
  tf: {
    tensor: (values: Float32Array | Int32Array, shape: number[], dtype: 'float32' | 'int32') => Tensor;
  };
  models: { models: { blazeface?: Graph | null; facemesh?: Graph | null } };
}

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** BlazeFace's input: 256 × 256, two anchors per 16-px cell, six per 32-px cell (human's generateAnchors). */
const INPUT = 256;
const FINE_ANCHORS = 512;
const COARSE_ANCHORS = 384;
const ANCHORS: [number, number][] = (() => {
  const anchors: [number, number][] = [];
  for (const [stride, perCell] of [[16, 2], [32, 6]] as const) {
    for (let gy = 0; gy < INPUT / stride; gy++) {
      for (let gx = 0; gx < INPUT / stride; gx++) {
        for (let n = 0; n < perCell; n++) anchors.push([stride * (gx + 0.5), stride * (gy + 0.5)]);
      }
    }
  }
  return anchors;
})();
/** The face mesh model's input: a 192 × 192 crop, values 0…1 (as human crops a face for it). */
const MESH_INPUT = 192;
/** Detections below this are not worth keeping at all; the thresholds decide. */
const KEEP_SCORE = 0.2;
/** Two boxes overlapping more than this (intersection over union) are the same face. */
const SAME_FACE_IOU = 0.2;
const MAX_FACES = 30;

/**
 * The region resized to size × size (squashed if need be), written into `into` at `offset`:
 * bilinear, sampled at the points TensorFlow's cropAndResize samples (corner pixels on corner
 * pixels; outside the photo, 0), each value v written as v / divisor − shift. Done here rather
 * than by TensorFlow, because handing it the whole photo as a tensor first cost more than the
 * graph. The sample points are computed in float32, step by step, as the kernel computes them;
 * the interpolation in double precision (scores differ from TensorFlow's in the sixth decimal,
 * and resizing takes 40% of the time it took in float32 step by step). A row outside the photo is
 * filled at once and the three channels of a pixel are written together: ~20% less time than a
 * value at a time, the same values (tests/unit/face-run.test.ts holds them to that reference).
 */
export function pixelsOf(image: RgbaImage, region: Region, size: number, { divisor, shift }: ValueScale, into: Float32Array, offset: number): void {
  const { data, width, height } = image;
  const f = Math.fround;
  // The sample points in float32, step by step, as the kernel computes them (an off-by-one-pixel point would move scores far more than rounding).
  const y1 = f(region.top / Math.max(1, height - 1)), y2 = f((region.top + region.height - 1) / Math.max(1, height - 1));
  const x1 = f(region.left / Math.max(1, width - 1)), x2 = f((region.left + region.width - 1) / Math.max(1, width - 1));
  const stepY = f(f(f(y2 - y1) * (height - 1)) / (size - 1)), stepX = f(f(f(x2 - x1) * (width - 1)) / (size - 1));
  const startY = f(y1 * (height - 1)), startX = f(x1 * (width - 1));
  const outside = -shift;
  const scale = 1 / divisor;
  // The columns' sample positions, the same on every row.
  const left = new Int32Array(size), right = new Int32Array(size), across = new Float64Array(size), inside = new Uint8Array(size);
  for (let u = 0; u < size; u++) {
    const x = f(startX + f(u * stepX));
    if (!(x >= 0 && x <= width - 1)) continue;
    inside[u] = 1;
    left[u] = Math.floor(x) * 4;
    right[u] = Math.min(Math.ceil(x), width - 1) * 4;
    across[u] = f(x - Math.floor(x));
  }
  let j = offset;
  for (let v = 0; v < size; v++) {
    const y = f(startY + f(v * stepY));
    if (!(y >= 0 && y <= height - 1)) {
      into.fill(outside, j, j + size * 3);
      j += size * 3;
      continue;
    }
    const top = Math.floor(y) * width * 4, bottom = Math.min(Math.ceil(y), height - 1) * width * 4, fy = f(y - Math.floor(y));
    for (let u = 0; u < size; u++, j += 3) {
      if (inside[u] === 0) {
        into[j] = outside;
        into[j + 1] = outside;
        into[j + 2] = outside;
        continue;
      }
      const a = top + left[u]!, b = top + right[u]!, c = bottom + left[u]!, d = bottom + right[u]!, fx = across[u]!;
      const r0 = data[a]! + (data[b]! - data[a]!) * fx, r1 = data[c]! + (data[d]! - data[c]!) * fx;
      const g0 = data[a + 1]! + (data[b + 1]! - data[a + 1]!) * fx, g1 = data[c + 1]! + (data[d + 1]! - data[c + 1]!) * fx;
      const b0 = data[a + 2]! + (data[b + 2]! - data[a + 2]!) * fx, b1 = data[c + 2]! + (data[d + 2]! - data[c + 2]!) * fx;
      into[j] = (r0 + (r1 - r0) * fy) * scale - shift;
      into[j + 1] = (g0 + (g1 - g0) * fy) * scale - shift;
      into[j + 2] = (b0 + (b1 - b0) * fy) * scale - shift;
    }
  }
}

/**
 * A square of `side` photo pixels centred on (cx, cy) and turned by `degrees`, resized to size × size
 * (bilinear; outside the photo, −shift), written into `into` at `offset` as pixelsOf writes a region.
 */
export function turnedPixelsOf(image: RgbaImage, cx: number, cy: number, side: number, degrees: number, size: number, { divisor, shift }: ValueScale, into: Float32Array, offset: number): void {
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
      // The three channels written together (as pixelsOf does): the same values as a channel at a time.
      const r0 = data[a]! + (data[b]! - data[a]!) * fx, r1 = data[c]! + (data[d]! - data[c]!) * fx;
      const g0 = data[a + 1]! + (data[b + 1]! - data[a + 1]!) * fx, g1 = data[c + 1]! + (data[d + 1]! - data[c + 1]!) * fx;
      const b0 = data[a + 2]! + (data[b + 2]! - data[a + 2]!) * fx, b1 = data[c + 2]! + (data[d + 2]! - data[c + 2]!) * fx;
      into[j++] = (r0 + (r1 - r0) * fy) / divisor - shift;
      into[j++] = (g0 + (g1 - g0) * fy) / divisor - shift;
      into[j++] = (b0 + (b1 - b0) * fy) / divisor - shift;
    }
  }
}

interface ValueScale {
  divisor: number;
  shift: number;
}
/** BlazeFace takes values −1…1 (as human computes them), the face mesh 0…1. */
const BLAZEFACE_VALUES: ValueScale = { divisor: 127.5, shift: 1 };
const MESH_VALUES: ValueScale = { divisor: 255, shift: 0 };

function iou(a: DetectedFace['box'], b: DetectedFace['box']): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a[2] * a[3] + b[2] * b[3] - inter);
}

function mergeDuplicates(faces: DetectedFace[], limit = Infinity): DetectedFace[] {
  const kept: DetectedFace[] = [];
  for (const face of [...faces].sort((a, b) => b.score - a.score)) {
    if (kept.length < limit && !kept.some((k) => iou(k.box, face.box) > SAME_FACE_IOU)) kept.push(face);
  }
  return kept;
}

/**
 * The graph's four outputs for a batch (scores and boxes for the 512 fine anchors, then the
 * 384 coarse ones, per image) decoded to faces in each region, boxes as fractions of the photo.
 */
async function decode(outputs: Tensor[], regions: Region[], image: RgbaImage, tile: boolean): Promise<DetectedFace[][]> {
  const [coarseScores, fineScores, coarseBoxes, fineBoxes] = await Promise.all([...outputs].sort((a, b) => a.size - b.size).map((t) => t.data()));
  return regions.map((region, index) => {
    const found: DetectedFace[] = [];
    const sx = region.width / INPUT, sy = region.height / INPUT;
    for (let a = 0; a < ANCHORS.length; a++) {
      const fine = a < FINE_ANCHORS;
      const k = fine ? index * FINE_ANCHORS + a : index * COARSE_ANCHORS + a - FINE_ANCHORS;
      const score = 1 / (1 + Math.exp(-(fine ? fineScores : coarseScores)![k]!));
      if (score < KEEP_SCORE) continue;
      const boxes = (fine ? fineBoxes : coarseBoxes)!;
      const [ax, ay] = ANCHORS[a]!;
      const cx = ax + boxes[k * 16]!, cy = ay + boxes[k * 16 + 1]!, w = boxes[k * 16 + 2]!, h = boxes[k * 16 + 3]!;
      found.push({
        score,
        box: [(region.left + (cx - w / 2) * sx) / image.width, (region.top + (cy - h / 2) * sy) / image.height, (w * sx) / image.width, (h * sy) / image.height],
        ...(tile ? { tile } : {}),
      });
    }
    return mergeDuplicates(found, MAX_FACES);
  });
}

const opened = new WeakSet<Graph>();

/**
 * BlazeFace as shipped takes one image a run: its input is declared [1, 256, 256, 3] and its
 * four outputs are reshaped to a batch of 1. Every layer before those reshapes works on any
 * batch, so the declared input and the reshapes' target shapes are opened to a batch of any
 * size, once: several tiles then go through the graph in one run, which costs ~30–40% less
 * a tile than one run each (the graph's fixed cost per run is shared). Returns false when the
 * graph does not look as expected (another TensorFlow.js), and looks then run one at a time.
 */
function openToBatches(human: FaceDetector, model: Graph): boolean {
  if (opened.has(model)) return true;
  const input = model.executor?.graph?.inputs?.[0]?.attrParams?.shape;
  const weights = model.executor?.weightMap;
  const reshapes = Object.keys(weights ?? {}).filter((name) => name.endsWith('/shape'));
  if (!input?.value || input.value.length !== 4 || !weights || reshapes.length !== 4) return false;
  for (const name of reshapes) {
    const [shape] = weights[name]!;
    if (shape?.shape.length !== 1 || shape.size !== 3) return false;
  }
  input.value = [-1, ...input.value.slice(1)];
  for (const name of reshapes) {
    // [1, anchors, values] → [−1, anchors, values]: read synchronously once, at load.
    const values = (weights[name]![0] as unknown as { dataSync(): Int32Array }).dataSync();
    weights[name] = [human.tf.tensor(Int32Array.from([-1, values[1]!, values[2]!]), [3], 'int32')];
  }
  opened.add(model);
  return true;
}

/** Looks: each region resized (squashed if need be) to 256 × 256, as human does, and the graph run on all of them at once. */
export async function lookAt(human: FaceDetector, image: RgbaImage, regions: Region[], tile: boolean): Promise<DetectedFace[][]> {
  const model = human.models.models.blazeface;
  if (!model) throw new Error('face detection failed: the BlazeFace model is not loaded');
  if (regions.length === 0) return [];
  if (regions.length > 1 && !openToBatches(human, model)) {
    const one: DetectedFace[][] = [];
    for (const region of regions) one.push(...(await lookAt(human, image, [region], tile)));
    return one;
  }
  return runBatch(human, model, regions.length, INPUT, (i, into, offset) => pixelsOf(image, regions[i]!, INPUT, BLAZEFACE_VALUES, into, offset), (outputs) => {
    if (outputs.length !== 4) throw new Error(`face detection failed: BlazeFace gave ${outputs.length} outputs, expected 4`);
    return decode(outputs, regions, image, tile);
  });
}

let batchPixels = new Float32Array(0);

/**
 * `graph` run once on `count` images of size × size × 3, each written by `fill` at its offset in the
 * batch; `read` takes what it needs of the outputs before every tensor is disposed.
 */
async function runBatch<T>(
  human: FaceDetector,
  graph: Graph,
  count: number,
  size: number,
  fill: (i: number, into: Float32Array, offset: number) => void,
  read: (outputs: Tensor[]) => Promise<T>,
  only?: string,
): Promise<T> {
  const perImage = size * size * 3;
  // One buffer for every batch, grown as needed (TensorFlow copies it into its own memory): ~7 MB for nine tiles, not allocated and zeroed each run.
  if (batchPixels.length < count * perImage) batchPixels = new Float32Array(count * perImage);
  const input = batchPixels.subarray(0, count * perImage);
  for (let i = 0; i < count; i++) fill(i, input, i * perImage);
  const t: Tensor[] = [];
  try {
    t.push(human.tf.tensor(input, [count, size, size, 3], 'float32'));
    // No `only`: every output, as TensorFlow.js's execute() gives with no output names.
    const out = graph.execute(t[0]!, only);
    const outputs = Array.isArray(out) ? out : [out];
    t.push(...outputs);
    return await read(outputs);
  } finally {
    for (const tensor of t) tensor.dispose();
  }
}

/** A square crop centred on a face's box, `factor` times its size across (at least 8 pixels); it may reach past the photo's edges. */
function cropAround(box: DetectedFace['box'], image: RgbaImage, factor: number): Region {
  const [x, y, w, h] = box;
  const side = Math.round(Math.max(8, Math.max(w * image.width, h * image.height) * factor));
  const cx = (x + w / 2) * image.width, cy = (y + h / 2) * image.height;
  return { left: Math.round(cx - side / 2), top: Math.round(cy - side / 2), width: side, height: side };
}

/**
 * A crop for the face mesh model, as human makes one (the face's box 1.4 times enlarged, square),
 * with its colours balanced: each channel brought to the same mean (grey world) and all to the
 * same spread. Without it the model's face flag read ~0 on clear faces that were dim or under a
 * colour cast (a screen's blue); with it, on more of them (docs/images.md).
 */
export function meshInput(image: RgbaImage, region: Region, into: Float32Array, offset: number): void {
  pixelsOf(image, region, MESH_INPUT, MESH_VALUES, into, offset);
  const end = offset + MESH_INPUT * MESH_INPUT * 3;
  const pixels = MESH_INPUT * MESH_INPUT;
  // The three channels a pixel at a time (the same sums, in the same order, as a value at a time).
  let red = 0, green = 0, blue = 0;
  for (let i = offset; i < end; i += 3) {
    red += into[i]!;
    green += into[i + 1]!;
    blue += into[i + 2]!;
  }
  red /= pixels;
  green /= pixels;
  blue /= pixels;
  let variance = 0;
  for (let i = offset; i < end; i += 3) {
    const r = into[i]! - red, g = into[i + 1]! - green, b = into[i + 2]! - blue;
    variance += r * r;
    variance += g * g;
    variance += b * b;
  }
  const spread = Math.sqrt(variance / (pixels * 3)) || 1;
  for (let i = offset; i < end; i += 3) {
    into[i] = Math.min(1, Math.max(0, BALANCED_MEAN + (BALANCED_SPREAD * (into[i]! - red)) / spread));
    into[i + 1] = Math.min(1, Math.max(0, BALANCED_MEAN + (BALANCED_SPREAD * (into[i + 1]! - green)) / spread));
    into[i + 2] = Math.min(1, Math.max(0, BALANCED_MEAN + (BALANCED_SPREAD * (into[i + 2]! - blue)) / spread));
  }
}
const BALANCED_MEAN = 0.5;
const BALANCED_SPREAD = 0.22;
/** Mesh crops: the box enlarged 1.4 times (as human crops for its mesh) and 2 times (a loose box from an enlarged tile); the better flag counts. */
const MESH_CROPS = [1.4, 2] as const;

/**
 * The face mesh model's face flag (0…1) for each face: the best of its crops (MESH_CROPS),
 * all in one run of the model. The mesh model was trained on faces, so texture that BlazeFace
 * took for one (leaves, patterns, a drawn back of a head) reads near 0.
 */
export async function faceFlags(human: FaceDetector, image: RgbaImage, faces: DetectedFace[]): Promise<number[]> {
  const model = human.models.models.facemesh;
  if (!model) throw new Error('face detection failed: the face mesh model is not loaded');
  if (faces.length === 0) return [];
  const crops = faces.flatMap((face) => MESH_CROPS.map((factor) => cropAround(face.box, image, factor)));
  // Only the face flag is read: run only the nodes it needs, not the heads of the mesh's 468 points and contours (the same flag, a little less work).
  const only = model.outputNodes?.includes(MESH_FLAG_OUTPUT) ? MESH_FLAG_OUTPUT : undefined;
  return runBatch(
    human,
    model,
    crops.length,
    MESH_INPUT,
    (i, into, offset) => meshInput(image, crops[i]!, into, offset),
    async (outputs) => {
      const flagOutput = outputs.find((o) => o.shape[o.shape.length - 1] === 1 && o.size === crops.length);
      if (!flagOutput) throw new Error('face detection failed: the face mesh model gave no face flag');
      const flags = await flagOutput.data();
      return faces.map((_, i) => Math.max(...MESH_CROPS.map((__, k) => flags[i * MESH_CROPS.length + k]!)));
    },
    only,
  );
}
/** The face mesh graph's signature name for its face flag output. */
const MESH_FLAG_OUTPUT = 'output_faceflag';

/** Tiles overlap by this share of a tile, so a small face on a border is whole in one of them. */
const TILE_OVERLAP = 0.18;
/** Tiles across the photo's longer side. */
const TILES_ACROSS = 3;

/**
 * Square tiles for the faces too small to see in the whole photo: BlazeFace looks at 256×256
 * pixels, so a 40-pixel face (a child at the back of a class photo) shrinks to 13 pixels in
 * a whole 800-pixel photo. Each tile is a little over a third of the photo's longer side, so a
 * 4:3 photo takes nine (3 × 3), a 3:2 or wider one six, and the same face is ~2.5 times bigger.
 * (Six tiles for 4:3 too, each 0.41 of the longer side, cost ~60 ms less and found 2–4 fewer
 * photos with faces on two development seeds: docs/images.md.)
 */
export function tilesOf(width: number, height: number): Region[] {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (long < 320) return [];
  let side = Math.round((long / TILES_ACROSS) * (1 + TILE_OVERLAP));
  // Nearly as tall as the photo: one row (or column) of tiles the photo's full height.
  if (side >= short * 0.85) side = short;
  const starts = (length: number) => {
    const count = length <= side ? 1 : Math.ceil((length - side) / (side * (1 - TILE_OVERLAP))) + 1;
    return Array.from({ length: count }, (_, k) => Math.round(count === 1 ? 0 : (k * (length - side)) / (count - 1)));
  };
  return starts(height).flatMap((top) => starts(width).map((left) => ({ left, top, width: Math.min(side, width), height: Math.min(side, height) })));
}

/** A confirming look is a square crop this many times the candidate's size across (the face about a third of it: where BlazeFace sees faces best), inside the photo. */
function confirmingCrop(face: DetectedFace, image: RgbaImage): Region {
  const [x, y, w, h] = face.box;
  const size = Math.max(w * image.width, h * image.height);
  const side = Math.round(Math.min(image.width, image.height, Math.max(96, size * CONFIRM_CROP)));
  const cx = (x + w / 2) * image.width, cy = (y + h / 2) * image.height;
  const left = Math.round(Math.min(Math.max(0, cx - side / 2), image.width - side));
  const top = Math.round(Math.min(Math.max(0, cy - side / 2), image.height - side));
  return { left, top, width: side, height: side };
}
const CONFIRM_CROP = 3;
/** The best two candidates get a confirming look and a mesh check (one run of each model for both). */
const MAX_CONFIRMED = 2;
/** A whole-photo face scoring FACE_MIN_SCORE but under this counts only when the mesh model also sees a face in it (flag ≥ WHOLE_MESH_MIN_FLAG). */
const FACE_CLEAR_SCORE = 0.7;
const WHOLE_MESH_MIN_FLAG = 0.5;
/** Each tenfold drop of the mesh's face flag below 1 takes this off a candidate's two-look score (docs/images.md). */
const MESH_PENALTY_PER_DECADE = 0.1;
const MESH_FLAG_FLOOR = 1e-4;
/**
 * Under this size (pixels across, in the photo as checked) the mesh penalty shrinks in proportion: the mesh
 * sees a face enlarged from 15–40 pixels as a blur and its flag reads ~0 on most of them (docs/images.md).
 */
const MESH_PENALTY_FULL_SIZE = 60;

/**
 * The spread of brightness in a face's middle (eyes, nose, mouth: the central square half the box's size
 * across), 0…1: the standard deviation of luma over the pixels there, over 255. A face's middle has
 * features, so it is neither flat (a plain disc, a patch of wall: under FACE_TEXTURE_MIN) nor as harsh as a
 * hard edge (a drawn head's hair line over a blank face, a sign's lettering, a window: over
 * FACE_TEXTURE_MAX); nine in ten of the faces the
 * whole photo finds in the development seeds read 0.06–0.18 (docs/images.md). A box outside that range is not
 * counted, and costs no mesh run or second look.
 */
export function middleContrast(image: RgbaImage, box: DetectedFace['box']): number {
  const [x, y, w, h] = box;
  const half = Math.max(w * image.width, h * image.height) / 4;
  const cx = (x + w / 2) * image.width, cy = (y + h / 2) * image.height;
  const left = Math.max(0, Math.trunc(cx - half)), right = Math.min(image.width, Math.trunc(cx + half + 1));
  const top = Math.max(0, Math.trunc(cy - half)), bottom = Math.min(image.height, Math.trunc(cy + half + 1));
  let n = 0, sum = 0, squares = 0;
  for (let row = top; row < bottom; row++) {
    for (let col = left, i = (row * image.width + left) * 4; col < right; col++, i += 4) {
      const luma = 0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!;
      n++;
      sum += luma;
      squares += luma * luma;
    }
  }
  if (n < 4) return 0;
  const mean = sum / n;
  return Math.sqrt(Math.max(0, squares / n - mean * mean)) / 255;
}
const FACE_TEXTURE_MIN = 0.03;
const FACE_TEXTURE_MAX = 0.25;
function textured(image: RgbaImage, face: DetectedFace): boolean {
  const contrast = middleContrast(image, face.box);
  return contrast >= FACE_TEXTURE_MIN && contrast <= FACE_TEXTURE_MAX;
}

/**
 * Candidates looked at again: the face mesh model on each, and a crop centred on each
 * (BlazeFace). A real face scores well at every framing and the mesh model sees a face in it,
 * while enlarged texture that happened to score in one tile rarely does either. The score
 * becomes the mean of the two looks, less MESH_PENALTY_PER_DECADE for each tenfold the mesh's
 * face flag falls below 1 (in proportion to the candidate's size under MESH_PENALTY_FULL_SIZE);
 * `firstScore` is the look that made it a candidate. A candidate whose middle is flat or harsh
 * (textured) loses 1, which no two looks make up, and neither model runs on it. The mesh runs
 * first: a candidate it rules out (below FACE_CONFIRM_MIN_SCORE even if the second look scored
 * 1) gets no second look, which spares most photos with nobody in them a run of BlazeFace. A
 * candidate that the upright second look leaves short gets it again turned (CONFIRM_TURNS_DEGREES,
 * one more run of BlazeFace for all of them), and the best of its second looks counts, when a turned
 * look of at most CONFIRM_TURN_MAX_NEEDED would be enough (the rest would need a look few faces get).
 */
async function confirm(human: FaceDetector, image: RgbaImage, candidates: DetectedFace[], everywhere: boolean): Promise<DetectedFace[]> {
  // A candidate whose middle is flat or harsh (textured) is ruled out before either model sees it.
  const meshed = candidates.filter((face) => textured(image, face));
  const flags = await faceFlags(human, image, meshed);
  const penalties = candidates.map((face) => {
    const at = meshed.indexOf(face);
    if (at === -1) return 1;
    const size = Math.max(face.box[2] * image.width, face.box[3] * image.height);
    return MESH_PENALTY_PER_DECADE * -Math.log10(Math.max(MESH_FLAG_FLOOR, flags[at]!)) * Math.min(1, size / MESH_PENALTY_FULL_SIZE);
  });
  const worthALook = candidates.filter((face, i) => everywhere || (face.score + 1) / 2 - penalties[i]! >= FACE_CONFIRM_MIN_SCORE);
  const again = await lookAt(human, image, worthALook.map((c) => confirmingCrop(c, image)), true);
  const second = candidates.map((face, i) => {
    const look = worthALook.indexOf(face);
    return look === -1 ? 0 : bestNear(face, again[look]!);
  });
  const scoreOf = (i: number) => (candidates[i]!.score + second[i]!) / 2 - penalties[i]!;
  // Still short upright: the same look turned either way (a leaning face), the best of them counts; only for a
  // candidate that a turned look of at most CONFIRM_TURN_MAX_NEEDED would bring to FACE_CONFIRM_MIN_SCORE.
  const short = worthALook.filter((face) => {
    const i = candidates.indexOf(face);
    return everywhere || (scoreOf(i) < FACE_CONFIRM_MIN_SCORE && (face.score + CONFIRM_TURN_MAX_NEEDED) / 2 - penalties[i]! >= FACE_CONFIRM_MIN_SCORE);
  });
  const turned = await turnedLooks(human, image, short);
  short.forEach((face, k) => {
    const i = candidates.indexOf(face);
    second[i] = Math.max(second[i]!, turned[k]!);
  });
  return candidates.map((face, i) => ({ ...face, score: scoreOf(i), firstScore: face.score, tile: true, confirmed: true }));
}

/** The best score among a look's faces centred near `face` (within 0.6 of its size across and down). */
function bestNear(face: DetectedFace, looked: DetectedFace[]): number {
  const [x, y, w, h] = face.box;
  const near = looked.filter((f) => Math.abs(f.box[0] + f.box[2] / 2 - (x + w / 2)) < w * 0.6 && Math.abs(f.box[1] + f.box[3] / 2 - (y + h / 2)) < h * 0.6);
  return Math.max(0, ...near.map((f) => f.score));
}

/**
 * Each face's confirming look (its crop, confirmingCrop) turned by each of CONFIRM_TURNS_DEGREES about the
 * face's centre, all in one run of BlazeFace; per face, the best score near it (bestNear, the faces found
 * turned back into the photo).
 */
async function turnedLooks(human: FaceDetector, image: RgbaImage, faces: DetectedFace[]): Promise<number[]> {
  const model = human.models.models.blazeface;
  if (!model) throw new Error('face detection failed: the BlazeFace model is not loaded');
  const looks = faces.flatMap((face) => {
    const [x, y, w, h] = face.box;
    const cx = (x + w / 2) * image.width, cy = (y + h / 2) * image.height, side = confirmingCrop(face, image).width;
    // The square the turned crop covers before turning, for decode: a face found at (u, v) in it maps to cx + (u − 127.5) × side / 256.
    const square = { left: cx - ((INPUT - 1) / 2) * (side / INPUT), top: cy - ((INPUT - 1) / 2) * (side / INPUT), width: side, height: side };
    return CONFIRM_TURNS_DEGREES.map((degrees) => ({ face, cx, cy, side, degrees, square }));
  });
  if (looks.length === 0) return [];
  const run = async (part: typeof looks) =>
    runBatch(human, model, part.length, INPUT, (i, into, offset) => turnedPixelsOf(image, part[i]!.cx, part[i]!.cy, part[i]!.side, part[i]!.degrees, INPUT, BLAZEFACE_VALUES, into, offset), (outputs) =>
      decode(outputs, part.map((l) => l.square), image, true),
    );
  const found = looks.length === 1 || openToBatches(human, model) ? await run(looks) : (await Promise.all(looks.map((l) => run([l])))).flat();
  return faces.map((face) =>
    Math.max(
      0,
      ...looks.map((look, k) => {
        if (look.face !== face) return 0;
        const cos = Math.cos((look.degrees * Math.PI) / 180), sin = Math.sin((look.degrees * Math.PI) / 180);
        // Each face found, turned back about the crop's centre into the photo.
        const back = found[k]!.map((f) => {
          const dx = (f.box[0] + f.box[2] / 2) * image.width - look.cx, dy = (f.box[1] + f.box[3] / 2) * image.height - look.cy;
          const mx = (look.cx + cos * dx - sin * dy) / image.width, my = (look.cy + sin * dx + cos * dy) / image.height;
          return { ...f, box: [mx - f.box[2] / 2, my - f.box[3] / 2, f.box[2], f.box[3]] as DetectedFace['box'] };
        });
        return bestNear(face, back);
      }),
    ),
  );
}

/**
 * Faces the detector reports, boxes as fractions of the image, scores not yet thresholded
 * (see facesCounted). The whole photo first: a face scoring FACE_CLEAR_SCORE there ends the
 * search (one run of the model), and one scoring FACE_MIN_SCORE does when the mesh model sees
 * a face in it too; either only when its middle is textured like a face's. Otherwise the 3 × 3 tiles, all in one run; the best candidates (from the
 * tiles, or weaker ones from the whole photo) then get a confirming look and a mesh check
 * (confirm). A whole-photo face that the mesh model did not confirm is reported as a
 * candidate only (tile, not confirmed). `everywhere` looks at every tile and confirms more
 * candidates regardless (the evaluation's score report).
 */
export async function detectFacesWith(human: FaceDetector, image: RgbaImage, everywhere = false): Promise<DetectedFace[]> {
  // A whole-photo face whose middle is flat or harsh (textured) is never counted as it is.
  const whole = (await lookAt(human, image, [{ left: 0, top: 0, width: image.width, height: image.height }], false))[0]!.map((f) => (textured(image, f) ? f : { ...f, tile: true }));
  const best = whole.find((f) => !f.tile);
  if (!everywhere && best && best.score >= FACE_CLEAR_SCORE) return whole;
  if (!everywhere && best && best.score >= FACE_MIN_SCORE && (await faceFlags(human, image, [best]))[0]! >= WHOLE_MESH_MIN_FLAG) return whole;
  const unsure = whole.map((f) => (f.score < FACE_CLEAR_SCORE ? { ...f, tile: true } : f));
  const found: DetectedFace[] = unsure.filter((f) => f.tile && f.score >= FACE_WHOLE_CANDIDATE_SCORE && f.score < FACE_CLEAR_SCORE);
  for (const faces of await lookAt(human, image, tilesOf(image.width, image.height), true)) found.push(...faces.filter((f) => f.score >= FACE_TILE_CANDIDATE_SCORE));
  const candidates = mergeDuplicates(found, everywhere ? 2 * MAX_CONFIRMED : MAX_CONFIRMED);
  const confirmed = await confirm(human, image, candidates, everywhere);
  // The score report wants the whole photo's own scores, not merged away by a tile's look at the same face.
  if (everywhere) return [...whole, ...confirmed];
  // A confirmed candidate stands for the whole photo's unconfirmed find of the same face.
  return [...confirmed, ...unsure.filter((face) => !confirmed.some((c) => iou(c.box, face.box) > SAME_FACE_IOU))];
}
