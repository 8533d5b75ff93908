import { boxBlur } from './gray';
import type { GrayImage } from './types';

/*
 * Corners (Harris) and upright 256-bit BRIEF descriptors. Upright because the
 * transforms PostCheck must survive are small rotations (±10°), which BRIEF
 * tolerates, and an upright descriptor is more distinctive than a steered one.
 */

export const DESCRIPTOR_WORDS = 8;
const PATCH_RADIUS = 15;

/**
 * The 256 point pairs compared by the descriptor, drawn once from an isotropic
 * Gaussian (σ = patch/5, as in the BRIEF paper) with a fixed seed. Changing the
 * seed or the patch changes every fingerprint: bump FINGERPRINT_VERSION.
 * Drawn on first use, not at import: the CLI and pack validation load this
 * module but only images need it (issue 12).
 */
let briefPattern: Int8Array | undefined;
const drawBriefPattern = (): Int8Array => {
  let state = 0x9e3779b9;
  const uniform = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = () => {
    const u = Math.max(1e-9, uniform());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  const sigma = (2 * PATCH_RADIUS + 1) / 5;
  const coord = () => Math.max(-PATCH_RADIUS, Math.min(PATCH_RADIUS, Math.round(gauss() * sigma)));
  const out = new Int8Array(256 * 4);
  for (let i = 0; i < 256; i++) {
    let ax = 0, ay = 0, bx = 0, by = 0;
    while (ax === bx && ay === by) {
      ax = coord(); ay = coord(); bx = coord(); by = coord();
    }
    out.set([ax, ay, bx, by], i * 4);
  }
  return out;
};

export interface Corner {
  x: number;
  y: number;
  response: number;
}

export interface CornerOptions {
  maxCorners: number;
  /** The image is split into grid × grid cells and each keeps its best corners, so one busy area cannot take them all. */
  grid: number;
  /** Minimum Harris response (intensities 0–255); below it a "corner" is noise or JPEG ringing. */
  minResponse: number;
}

/** Harris window radius: a 5 × 5 mean of the gradient products. */
const WINDOW = 2;

/**
 * Harris response of every pixel in one pass: gradient products of the row
 * entering the window go into a ring of the last 5 rows and running column
 * sums, and a running sum along each row gives the 5 × 5 window. No
 * full-size temporaries, which is what made this the matcher's hottest loop.
 */
function harrisResponse(smooth: GrayImage): Float32Array {
  const { width: w, height: h, data } = smooth;
  const span = 2 * WINDOW + 1;
  const ring = new Float32Array(span * 3 * w);
  const cxx = new Float32Array(w), cyy = new Float32Array(w), cxy = new Float32Array(w);
  const response = new Float32Array(w * h);
  const norm = 1 / (span * span);
  for (let y = 0; y < h + WINDOW; y++) {
    const slot = (y % span) * 3 * w;
    for (let x = 0; x < w; x++) {
      let pxx = 0, pyy = 0, pxy = 0;
      if (y >= 1 && y < h - 1 && x >= 1 && x < w - 1) {
        const i = y * w + x;
        const gx = (data[i + 1]! - data[i - 1]!) * 0.5;
        const gy = (data[i + w]! - data[i - w]!) * 0.5;
        pxx = gx * gx;
        pyy = gy * gy;
        pxy = gx * gy;
      }
      // The slot still holds the row leaving the window (y − 5): swap it for the row entering.
      const k = slot + 3 * x;
      cxx[x] = cxx[x]! + pxx - ring[k]!;
      cyy[x] = cyy[x]! + pyy - ring[k + 1]!;
      cxy[x] = cxy[x]! + pxy - ring[k + 2]!;
      ring[k] = pxx;
      ring[k + 1] = pyy;
      ring[k + 2] = pxy;
    }
    const c = y - WINDOW;
    if (c < 0) continue;
    let sxx = 0, syy = 0, sxy = 0;
    for (let x = 0; x < WINDOW; x++) {
      sxx += cxx[x]!;
      syy += cyy[x]!;
      sxy += cxy[x]!;
    }
    const row = c * w;
    for (let x = 0; x < w; x++) {
      const enter = x + WINDOW;
      if (enter < w) {
        sxx += cxx[enter]!;
        syy += cyy[enter]!;
        sxy += cxy[enter]!;
      }
      const a = sxx * norm, b = syy * norm, d = sxy * norm;
      const trace = a + b;
      response[row + x] = a * b - d * d - 0.04 * trace * trace;
      const leave = x - WINDOW;
      if (leave >= 0) {
        sxx -= cxx[leave]!;
        syy -= cyy[leave]!;
        sxy -= cxy[leave]!;
      }
    }
  }
  return response;
}

/** Harris corners on an image already smoothed a little, with 3×3 non-maximum suppression and grid bucketing. */
export function detectCorners(smooth: GrayImage, options: CornerOptions): Corner[] {
  const { width: w, height: h } = smooth;
  const response = harrisResponse(smooth);
  const cellW = Math.max(1, Math.ceil(w / options.grid));
  const cellH = Math.max(1, Math.ceil(h / options.grid));
  const perCell = Math.max(2, Math.ceil((options.maxCorners / (options.grid * options.grid)) * 2));
  const cells: Corner[][] = Array.from({ length: options.grid * options.grid }, () => []);
  const border = 3;
  for (let y = border; y < h - border; y++) {
    for (let x = border; x < w - border; x++) {
      const i = y * w + x;
      const r = response[i]!;
      if (r < options.minResponse) continue;
      if (
        r < response[i - 1]! || r <= response[i + 1]! || r < response[i - w]! || r <= response[i + w]! ||
        r < response[i - w - 1]! || r < response[i - w + 1]! || r <= response[i + w - 1]! || r <= response[i + w + 1]!
      ) continue;
      cells[Math.floor(y / cellH) * options.grid + Math.floor(x / cellW)]!.push({ x, y, response: r });
    }
  }
  const kept: Corner[] = [];
  for (const cell of cells) {
    cell.sort((p, q) => q.response - p.response);
    for (let k = 0; k < Math.min(perCell, cell.length); k++) kept.push(cell[k]!);
  }
  kept.sort((p, q) => q.response - p.response);
  return kept.slice(0, options.maxCorners);
}

/**
 * Writes the 256-bit descriptor of each corner into `out` from `offset` (in
 * keypoints). `smooth` must be blurred (σ ≈ 2) so single-pixel noise and JPEG
 * blocks do not flip bits. Samples off the edge repeat the edge pixel.
 */
export function describeCorners(smooth: GrayImage, corners: readonly Corner[], out: Uint32Array, offset: number): void {
  const { width: w, height: h, data } = smooth;
  const pattern = (briefPattern ??= drawBriefPattern());
  for (let k = 0; k < corners.length; k++) {
    const { x, y } = corners[k]!;
    const base = (offset + k) * DESCRIPTOR_WORDS;
    const inside = x >= PATCH_RADIUS && y >= PATCH_RADIUS && x < w - PATCH_RADIUS && y < h - PATCH_RADIUS;
    for (let word = 0; word < DESCRIPTOR_WORDS; word++) {
      let bits = 0;
      for (let b = 0; b < 32; b++) {
        const p = (word * 32 + b) * 4;
        let ax = x + pattern[p]!, ay = y + pattern[p + 1]!, bx = x + pattern[p + 2]!, by = y + pattern[p + 3]!;
        if (!inside) {
          ax = ax < 0 ? 0 : ax >= w ? w - 1 : ax;
          bx = bx < 0 ? 0 : bx >= w ? w - 1 : bx;
          ay = ay < 0 ? 0 : ay >= h ? h - 1 : ay;
          by = by < 0 ? 0 : by >= h ? h - 1 : by;
        }
        if (data[ay * w + ax]! < data[by * w + bx]!) bits |= 1 << b;
      }
      out[base + word] = bits >>> 0;
    }
  }
}

/**
 * Smooths for corners (3×3 mean twice, σ ≈ 1.2) and for descriptors (5×5 mean
 * twice, σ ≈ 2, as ORB smooths its tests), finds and describes corners.
 */
export function extractFeatures(img: GrayImage, options: CornerOptions): { corners: Corner[]; descriptors: Uint32Array } {
  const forCorners = boxBlur(boxBlur(img, 1), 1);
  const corners = detectCorners(forCorners, options);
  const forDescriptors = boxBlur(boxBlur(img, 2), 2);
  const descriptors = new Uint32Array(corners.length * DESCRIPTOR_WORDS);
  describeCorners(forDescriptors, corners, descriptors, 0);
  return { corners, descriptors };
}
