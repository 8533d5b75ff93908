import type { RgbaImage } from '../rules/logo/types';
import { FACE_CONFIRM_MIN_SCORE, FACE_MIN_SCORE, FACE_TILE_CANDIDATE_SCORE, FACE_WHOLE_CANDIDATE_SCORE, type DetectedFace } from '../rules/photos/check-photo';

/** A tensor, as much of one as PostCheck touches. */
interface Tensor {
  size: number;
  data(): Promise<Float32Array | Int32Array | Uint8Array>;
  dispose(): void;
}

/**
 * The part of @vladmandic/human that PostCheck uses, typed structurally so that the browser
 * build (dist/human.esm.js) and the Node build the evaluation loads (dist/human.node-wasm.js)
 * both fit: its TensorFlow.js and the BlazeFace graph it loaded (human.load()). PostCheck runs
 * the graph itself rather than through human.detect(): none of human's per-call image
 * pipeline (a third of the time per look), and the photo resized in JavaScript (inputOf).
 */
export interface FaceDetector {
  tf: {
    tensor: (values: Float32Array, shape: number[], dtype: 'float32') => Tensor;
  };
  models: { models: { blazeface?: { execute: (input: Tensor) => Tensor | Tensor[] } | null } };
}

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** BlazeFace's input: 256 × 256, two anchors per 16-px cell, six per 32-px cell (human's generateAnchors). */
const INPUT = 256;
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
/** Detections below this are not worth keeping at all; the thresholds in check-photo decide. */
const KEEP_SCORE = 0.2;
/** Two boxes overlapping more than this (intersection over union) are the same face. */
const SAME_FACE_IOU = 0.2;
const MAX_FACES = 30;

/**
 * The region resized to the graph's 256 × 256 input (squashed if need be), scaled to −1…1:
 * bilinear, sampled exactly as TensorFlow's cropAndResize does (corner pixels on corner
 * pixels). Done here rather than by TensorFlow, because handing it the whole photo as a tensor
 * first cost more than the graph itself.
 */
function inputOf(image: RgbaImage, region: Region): Float32Array {
  const { data, width, height } = image;
  const f = Math.fround;
  // In float32, step by step, as the kernel computes it: the scores the thresholds were set on depend on it.
  const y1 = f(region.top / Math.max(1, height - 1)), y2 = f((region.top + region.height - 1) / Math.max(1, height - 1));
  const x1 = f(region.left / Math.max(1, width - 1)), x2 = f((region.left + region.width - 1) / Math.max(1, width - 1));
  const stepY = f(f(f(y2 - y1) * (height - 1)) / (INPUT - 1)), stepX = f(f(f(x2 - x1) * (width - 1)) / (INPUT - 1));
  const startY = f(y1 * (height - 1)), startX = f(x1 * (width - 1));
  const input = new Float32Array(INPUT * INPUT * 3);
  let j = 0;
  for (let v = 0; v < INPUT; v++) {
    const y = f(startY + f(v * stepY));
    const y0 = Math.floor(y), yb = Math.min(Math.ceil(y), height - 1), fy = f(y - y0);
    for (let u = 0; u < INPUT; u++) {
      const x = f(startX + f(u * stepX));
      const x0 = Math.floor(x), xb = Math.min(Math.ceil(x), width - 1), fx = f(x - x0);
      const a = (y0 * width + x0) * 4, b = (y0 * width + xb) * 4, c = (yb * width + x0) * 4, d = (yb * width + xb) * 4;
      for (let k = 0; k < 3; k++) {
        const top = f(data[a + k]! + f(f(data[b + k]! - data[a + k]!) * fx));
        const bottom = f(data[c + k]! + f(f(data[d + k]! - data[c + k]!) * fx));
        input[j++] = f(f(f(top + f(f(bottom - top) * fy)) / 127.5) - 1);
      }
    }
  }
  return input;
}

function iou(a: DetectedFace['box'], b: DetectedFace['box']): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a[2] * a[3] + b[2] * b[3] - inter);
}

/**
 * The graph's four outputs (scores and boxes for the 512 fine anchors, then the 384 coarse
 * ones) decoded to faces in the region, boxes as fractions of the image.
 */
async function decode(outputs: Tensor[], region: Region, image: RgbaImage, tile: boolean): Promise<DetectedFace[]> {
  const [coarseScores, fineScores, coarseBoxes, fineBoxes] = await Promise.all([...outputs].sort((a, b) => a.size - b.size).map((t) => t.data()));
  const found: DetectedFace[] = [];
  for (let a = 0; a < ANCHORS.length; a++) {
    const fine = a < 512;
    const k = fine ? a : a - 512;
    const logit = (fine ? fineScores : coarseScores)![k]!;
    const score = 1 / (1 + Math.exp(-logit));
    if (score < KEEP_SCORE) continue;
    const boxes = (fine ? fineBoxes : coarseBoxes)!;
    const [ax, ay] = ANCHORS[a]!;
    const cx = ax + boxes[k * 16]!, cy = ay + boxes[k * 16 + 1]!, w = boxes[k * 16 + 2]!, h = boxes[k * 16 + 3]!;
    const sx = region.width / INPUT, sy = region.height / INPUT;
    found.push({
      score,
      box: [(region.left + (cx - w / 2) * sx) / image.width, (region.top + (cy - h / 2) * sy) / image.height, (w * sx) / image.width, (h * sy) / image.height],
      ...(tile ? { tile } : {}),
    });
  }
  const kept: DetectedFace[] = [];
  for (const face of found.sort((x, y) => y.score - x.score)) {
    if (kept.length < MAX_FACES && !kept.some((k) => iou(k.box, face.box) > SAME_FACE_IOU)) kept.push(face);
  }
  return kept;
}

/** One look: the region resized (squashed if need be) to 256 × 256, as human does, and the graph run on it. */
async function lookAt(human: FaceDetector, image: RgbaImage, region: Region, tile: boolean): Promise<DetectedFace[]> {
  const model = human.models.models.blazeface;
  if (!model) throw new Error('face detection failed: the BlazeFace model is not loaded');
  const t: Tensor[] = [];
  try {
    t.push(human.tf.tensor(inputOf(image, region), [1, INPUT, INPUT, 3], 'float32'));
    const out = model.execute(t[0]!);
    const outputs = Array.isArray(out) ? out : [out];
    t.push(...outputs);
    if (outputs.length !== 4) throw new Error(`face detection failed: BlazeFace gave ${outputs.length} outputs, expected 4`);
    return await decode(outputs, region, image, tile);
  } finally {
    for (const tensor of t) tensor.dispose();
  }
}

/** Tiles overlap by this share of a tile, so a small face on a border is whole in one of them. */
const TILE_OVERLAP = 0.18;

/**
 * Square tiles for the faces too small to see in the whole photo: BlazeFace looks at 256×256
 * pixels, so a 40-pixel face (a child at the back of a class photo) shrinks to 13 pixels in
 * a whole 800-pixel photo. Each tile is a little over half the photo's longer side, so a 4:3
 * photo takes four (2 × 2) and a wide one two, and the same face is ~1.8 times bigger.
 */
export function tilesOf(width: number, height: number): Region[] {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (long < 320) return [];
  let side = Math.round((long / 2) * (1 + TILE_OVERLAP));
  // Nearly as tall as the photo: one row (or column) of tiles the photo's full height.
  if (side >= short * 0.85) side = short;
  const starts = (length: number) => {
    const count = length <= side ? 1 : Math.ceil((length - side) / (side * (1 - TILE_OVERLAP))) + 1;
    return Array.from({ length: count }, (_, k) => Math.round(count === 1 ? 0 : (k * (length - side)) / (count - 1)));
  };
  return starts(height).flatMap((top) => starts(width).map((left) => ({ left, top, width: Math.min(side, width), height: Math.min(side, height) })));
}

/** A square crop centred on a candidate, the face about a third of its side: where BlazeFace sees faces best. */
function cropAround(face: DetectedFace, image: RgbaImage): Region {
  const [x, y, w, h] = face.box;
  const size = Math.max(w * image.width, h * image.height);
  const side = Math.round(Math.min(image.width, image.height, Math.max(96, size * CONFIRM_CROP)));
  const cx = (x + w / 2) * image.width, cy = (y + h / 2) * image.height;
  const left = Math.round(Math.min(Math.max(0, cx - side / 2), image.width - side));
  const top = Math.round(Math.min(Math.max(0, cy - side / 2), image.height - side));
  return { left, top, width: side, height: side };
}

/** A confirming crop is this many times the candidate's size across. */
const CONFIRM_CROP = 3;
/** Only the best candidate gets a confirming look: each costs one run of the model, and on the development seed a second never changed a result. */
const MAX_CONFIRMED = 1;

/**
 * A candidate looked at again, centred: a real face scores well at every framing, while
 * enlarged texture (leaves, patterns, a drawn back of a head) that happened to score in one
 * tile rarely does twice. The face's score becomes the mean of the two looks (one good look
 * is not enough); `firstScore` is the one that made it a candidate.
 */
async function confirm(human: FaceDetector, image: RgbaImage, face: DetectedFace): Promise<DetectedFace> {
  const again = await lookAt(human, image, cropAround(face, image), true);
  const [x, y, w, h] = face.box;
  const near = again.filter((f) => Math.abs(f.box[0] + f.box[2] / 2 - (x + w / 2)) < w * 0.6 && Math.abs(f.box[1] + f.box[3] / 2 - (y + h / 2)) < h * 0.6);
  return { ...face, score: (face.score + Math.max(0, ...near.map((f) => f.score))) / 2, firstScore: face.score, tile: true, confirmed: true };
}

function mergeDuplicates(faces: DetectedFace[]): DetectedFace[] {
  const kept: DetectedFace[] = [];
  for (const face of [...faces].sort((a, b) => b.score - a.score)) {
    if (!kept.some((k) => iou(k.box, face.box) > SAME_FACE_IOU)) kept.push(face);
  }
  return kept;
}

/**
 * Faces the detector reports, boxes as fractions of the image, scores not yet thresholded
 * (see facesCounted). The whole photo first: a face scoring FACE_MIN_SCORE there ends the
 * search (one run of the model). Otherwise every tile; the best candidates (from the tiles,
 * or weaker ones from the whole photo) then get a confirming look centred on each (confirm).
 * `everywhere` looks at every tile and confirms more candidates regardless (the evaluation's
 * score report).
 */
export async function detectFacesWith(human: FaceDetector, image: RgbaImage, everywhere = false): Promise<DetectedFace[]> {
  const whole = await lookAt(human, image, { left: 0, top: 0, width: image.width, height: image.height }, false);
  if (!everywhere && whole.some((f) => f.score >= FACE_MIN_SCORE)) return whole;
  const found: DetectedFace[] = whole.filter((f) => f.score >= FACE_WHOLE_CANDIDATE_SCORE).map((f) => ({ ...f, tile: true }));
  for (const tile of tilesOf(image.width, image.height)) {
    found.push(...(await lookAt(human, image, tile, true)).filter((f) => f.score >= FACE_TILE_CANDIDATE_SCORE));
  }
  const candidates = mergeDuplicates(found).slice(0, everywhere ? 3 * MAX_CONFIRMED : MAX_CONFIRMED);
  const confirmed: DetectedFace[] = [];
  for (const candidate of candidates) {
    const checked = await confirm(human, image, candidate);
    confirmed.push(checked);
    if (!everywhere && checked.score >= FACE_CONFIRM_MIN_SCORE) break;
  }
  // The score report wants the whole photo's own scores, not merged away by a tile's look at the same face.
  return everywhere ? [...whole, ...confirmed] : mergeDuplicates([...whole, ...confirmed]);
}
