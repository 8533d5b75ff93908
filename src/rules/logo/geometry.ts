/*
 * Plane transforms for geometric verification: a 3×3 homography, row-major,
 * mapping the logo's canonical frame to the checked image.
 */

export type Homography = Float64Array;

export function applyHomography(h: Homography, x: number, y: number): [number, number] {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

/** The similarity (scale, rotation, shift) taking p1→q1 and p2→q2, or null when p1 = p2. */
export function similarityFromPairs(
  p1x: number, p1y: number, p2x: number, p2y: number,
  q1x: number, q1y: number, q2x: number, q2y: number,
): Homography | null {
  const dpx = p2x - p1x, dpy = p2y - p1y, dqx = q2x - q1x, dqy = q2y - q1y;
  const norm = dpx * dpx + dpy * dpy;
  if (norm < 1e-6) return null;
  const a = (dqx * dpx + dqy * dpy) / norm;
  const b = (dqy * dpx - dqx * dpy) / norm;
  return Float64Array.of(a, -b, q1x - a * p1x + b * p1y, b, a, q1y - b * p1x - a * p1y, 0, 0, 1);
}

/** Scale and rotation (radians) of the similarity part of h. */
export function similarityParts(h: Homography): { scale: number; angle: number } {
  return { scale: Math.hypot(h[0]!, h[3]!), angle: Math.atan2(h[3]!, h[0]!) };
}

/** Solves A x = b (n×n, row-major) by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    if (Math.abs(a[pivot * n + col]!) < 1e-12) return null;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const t = a[col * n + c]!;
        a[col * n + c] = a[pivot * n + c]!;
        a[pivot * n + c] = t;
      }
      const t = b[col]!;
      b[col] = b[pivot]!;
      b[pivot] = t;
    }
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col]! / a[col * n + col]!;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c] = a[r * n + c]! - f * a[col * n + c]!;
      b[r] = b[r]! - f * b[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= a[r * n + c]! * x[c]!;
    x[r] = s / a[r * n + r]!;
  }
  return x;
}

interface Normalizer {
  cx: number;
  cy: number;
  s: number;
}

/** Hartley normalisation: centroid at the origin, mean distance √2. */
function normalizer(xs: ArrayLike<number>, ys: ArrayLike<number>, idx: readonly number[]): Normalizer {
  let cx = 0, cy = 0;
  for (const i of idx) {
    cx += xs[i]!;
    cy += ys[i]!;
  }
  cx /= idx.length;
  cy /= idx.length;
  let d = 0;
  for (const i of idx) d += Math.hypot(xs[i]! - cx, ys[i]! - cy);
  d /= idx.length;
  return { cx, cy, s: d > 1e-9 ? Math.SQRT2 / d : 1 };
}

/**
 * Least-squares fit of p → q over the pairs in idx: an affine map, or a full
 * homography when `projective` (needs ≥ 4 pairs; perspective tilt of a sign).
 */
export function fitTransform(
  px: ArrayLike<number>, py: ArrayLike<number>, qx: ArrayLike<number>, qy: ArrayLike<number>,
  idx: readonly number[], projective: boolean,
): Homography | null {
  if (idx.length < (projective ? 4 : 3)) return null;
  const np = normalizer(px, py, idx);
  const nq = normalizer(qx, qy, idx);
  const n = projective ? 8 : 6;
  const ata = new Float64Array(n * n);
  const atb = new Float64Array(n);
  const row = new Float64Array(n);
  const add = (target: number) => {
    for (let r = 0; r < n; r++) {
      atb[r] = atb[r]! + row[r]! * target;
      for (let c = 0; c < n; c++) ata[r * n + c] = ata[r * n + c]! + row[r]! * row[c]!;
    }
  };
  for (const i of idx) {
    const x = (px[i]! - np.cx) * np.s, y = (py[i]! - np.cy) * np.s;
    const u = (qx[i]! - nq.cx) * nq.s, v = (qy[i]! - nq.cy) * nq.s;
    row.fill(0);
    row[0] = x; row[1] = y; row[2] = 1;
    if (projective) { row[6] = -u * x; row[7] = -u * y; }
    add(u);
    row.fill(0);
    row[3] = x; row[4] = y; row[5] = 1;
    if (projective) { row[6] = -v * x; row[7] = -v * y; }
    add(v);
  }
  const sol = solve(ata, atb, n);
  if (!sol) return null;
  const hn = Float64Array.of(sol[0]!, sol[1]!, sol[2]!, sol[3]!, sol[4]!, sol[5]!, projective ? sol[6]! : 0, projective ? sol[7]! : 0, 1);
  // Undo the normalisations: H = Tq⁻¹ · Hn · Tp.
  const tp = Float64Array.of(np.s, 0, -np.s * np.cx, 0, np.s, -np.s * np.cy, 0, 0, 1);
  const tqInv = Float64Array.of(1 / nq.s, 0, nq.cx, 0, 1 / nq.s, nq.cy, 0, 0, 1);
  const h = multiply(tqInv, multiply(hn, tp));
  const k = h[8]!;
  if (Math.abs(k) < 1e-12) return null;
  for (let i = 0; i < 9; i++) h[i] = h[i]! / k;
  return h;
}

export function multiply(a: Homography, b: Homography): Homography {
  const out = new Float64Array(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
    }
  }
  return out;
}

/**
 * True when h maps the w×h canonical box to a convex quadrilateral whose sides
 * keep their proportions within `maxDistortion` of a similarity: a logo seen on
 * a tilted sign, not folded or stretched beyond recognition.
 */
export function isPlausible(h: Homography, w: number, ht: number, maxDistortion: number): boolean {
  const corners = [applyHomography(h, 0, 0), applyHomography(h, w, 0), applyHomography(h, w, ht), applyHomography(h, 0, ht)];
  for (const [x, y] of corners) if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = corners[i]!;
    const [bx, by] = corners[(i + 1) % 4]!;
    const [cx, cy] = corners[(i + 2) % 4]!;
    const cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    const s = Math.sign(cross);
    if (s === 0 || (sign !== 0 && s !== sign)) return false;
    sign = s;
  }
  const side = (i: number) => {
    const [ax, ay] = corners[i]!;
    const [bx, by] = corners[(i + 1) % 4]!;
    return Math.hypot(bx - ax, by - ay);
  };
  const top = side(0), right = side(1), bottom = side(2), left = side(3);
  const ratio = (a: number, b: number) => Math.max(a, b) / Math.max(1e-9, Math.min(a, b));
  const limit = 1 + maxDistortion;
  if (ratio(top, bottom) > limit || ratio(left, right) > limit) return false;
  const aspect = ((top + bottom) / (left + right)) / (w / ht);
  return ratio(aspect, 1) <= limit;
}
