import { applyHomography, fitTransform, type Homography } from './geometry';
import { boxBlur, sampleBilinear } from './gray';
import type { GrayImage, LogoFingerprint } from './types';
import {
  BACKGROUND, OUTLINE, gradients, logoWidthIn, matchingBlur, pyramidLevelFor, referenceDetail,
  type Gradients, type QueryPyramid,
} from './verify';

/*
 * Dense refinement of a placement. A homography fitted to a dozen corner
 * matches bunched in one part of a small logo can be a few pixels out
 * elsewhere; nudging the logo's four corners to line its edges up with the
 * image's fixes that before verification judges the cells.
 */

/** Reference edge points used for alignment: the strongest gradients of the thumbnail. */
const ALIGN_POINTS = 1200;
const ROUNDS = 4;

interface AlignPoints {
  /** Canonical coordinates. */
  x: Float32Array;
  y: Float32Array;
  gx: Float32Array;
  gy: Float32Array;
  outline: Uint8Array;
}

const pointCache = new WeakMap<LogoFingerprint, Map<number, AlignPoints>>();

function alignPoints(fp: LogoFingerprint, blur: number): AlignPoints {
  let byBlur = pointCache.get(fp);
  if (!byBlur) {
    byBlur = new Map();
    pointCache.set(fp, byBlur);
  }
  const key = Math.round(blur * 4) / 4;
  const cached = byBlur.get(key);
  if (cached) return cached;
  const ref = referenceDetail(fp, key);
  const { width: tw, height: th } = fp.thumbnail;
  const order: number[] = [];
  const mag = new Float32Array(tw * th);
  for (let i = 0; i < tw * th; i++) {
    if (ref.region[i] === BACKGROUND) continue;
    mag[i] = Math.hypot(ref.gx[i]!, ref.gy[i]!);
    if (mag[i]! > 0) order.push(i);
  }
  order.sort((a, b) => mag[b]! - mag[a]!);
  const kept = order.slice(0, ALIGN_POINTS);
  const unit = fp.width / tw;
  const points: AlignPoints = {
    x: Float32Array.from(kept, (i) => ((i % tw) + 0.5) * unit),
    y: Float32Array.from(kept, (i) => (Math.floor(i / tw) + 0.5) * unit),
    gx: Float32Array.from(kept, (i) => ref.gx[i]!),
    gy: Float32Array.from(kept, (i) => ref.gy[i]!),
    outline: Uint8Array.from(kept, (i) => (ref.region[i] === OUTLINE ? 1 : 0)),
  };
  byBlur.set(key, points);
  return points;
}

const queryGradientCache = new WeakMap<GrayImage, { gx: GrayImage; gy: GrayImage }>();

function queryGradients(img: GrayImage): { gx: GrayImage; gy: GrayImage } {
  let g = queryGradientCache.get(img);
  if (!g) {
    const raw: Gradients = gradients(boxBlur(img, 1));
    g = { gx: { width: img.width, height: img.height, data: raw.gx }, gy: { width: img.width, height: img.height, data: raw.gy } };
    queryGradientCache.set(img, g);
  }
  return g;
}

/** Normalised agreement of reference edges with the image's edges under h (outline edges either sign). */
function alignment(points: AlignPoints, gx: GrayImage, gy: GrayImage, h: Homography, f: number): number {
  let dot = 0, qn = 0, rn = 0;
  for (let k = 0; k < points.x.length; k++) {
    const [x, y] = applyHomography(h, points.x[k]!, points.y[k]!);
    const lx = x * f - 0.5 * (1 - f), ly = y * f - 0.5 * (1 - f);
    if (lx < 0 || ly < 0 || lx > gx.width - 1 || ly > gx.height - 1) continue;
    const qx = sampleBilinear(gx, lx, ly), qy = sampleBilinear(gy, lx, ly);
    const rx = points.gx[k]!, ry = points.gy[k]!;
    const d = rx * qx + ry * qy;
    dot += points.outline[k] ? Math.abs(d) : d;
    qn += qx * qx + qy * qy;
    rn += rx * rx + ry * ry;
  }
  return qn > 0 && rn > 0 ? dot / Math.sqrt(qn * rn) : 0;
}

/** Moves the logo's corners a little at a time while its edges line up better with the image's. */
export function refinePlacement(pyramid: QueryPyramid, h: Homography, fp: LogoFingerprint): Homography {
  const logoPixels = logoWidthIn(h, fp);
  const tw = fp.thumbnail.width;
  const level = pyramidLevelFor(pyramid, logoPixels, tw);
  const img = pyramid[level]!;
  const f = 1 / 2 ** level;
  const { gx, gy } = queryGradients(img);
  const points = alignPoints(fp, matchingBlur(tw / Math.max(1, logoPixels)));
  const cx = Float64Array.of(0, fp.width, fp.width, 0);
  const cy = Float64Array.of(0, 0, fp.height, fp.height);
  const qx = new Float64Array(4), qy = new Float64Array(4);
  for (let k = 0; k < 4; k++) [qx[k], qy[k]] = applyHomography(h, cx[k]!, cy[k]!);
  const all = [0, 1, 2, 3];
  let best = h;
  let bestScore = alignment(points, gx, gy, h, f);
  let step = 0.03 * logoPixels;
  for (let round = 0; round < ROUNDS; round++, step /= 2) {
    for (let c = 0; c < 8; c++) {
      const coords = c < 4 ? qx : qy;
      const k = c % 4;
      for (const sign of [1, -1]) {
        const before = coords[k]!;
        coords[k] = before + sign * step;
        const candidate = fitTransform(cx, cy, qx, qy, all, true);
        const score = candidate ? alignment(points, gx, gy, candidate, f) : -1;
        if (candidate && score > bestScore) {
          best = candidate;
          bestScore = score;
          break;
        }
        coords[k] = before;
      }
    }
  }
  return best;
}
