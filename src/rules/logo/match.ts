import { DESCRIPTOR_WORDS, extractFeatures } from './features';
import { applyHomography, fitTransform, isPlausible, similarityFromPairs, similarityParts, type Homography } from './geometry';
import { resizeGray, rgbaToGray } from './gray';
import { refinePlacement } from './refine';
import { verifyHypothesis, type QueryPyramid, type Verification } from './verify';
import type { Box, GrayImage, LogoFingerprint, LogoMatch, LogoReference, RgbaImage } from './types';

/*
 * matchLogo: corners of the checked image are matched to each logo's corners by
 * descriptor, RANSAC finds the largest set that agrees on one placement of the
 * logo (similarity, refined to a homography), and dense verification decides.
 */

/** Photos are shrunk to this longest side first: a logo ≥ 15% of the width is still ≥ 120 px. */
const WORKING_SIZE = 800;
/** Tiny images are enlarged to at least this, so a 64-px logo still has corners to find. */
const MIN_WORKING_SIZE = 160;
/** Best Hamming distance (of 256 bits) for a descriptor match to count. */
const MAX_DESCRIPTOR_DISTANCE = 72;
/** Best match must beat the best match elsewhere on the logo by this ratio (Lowe's test). */
const RATIO = 0.88;
/** Second-best matches closer than this (canonical units) are the same point at another size, not an alternative. */
const SAME_POINT = 12;
const RANSAC_ITERATIONS = 500;
const MIN_INLIERS = 6;
/** A match's own scale (from the sizes it was described at) may differ from the placement's by this factor. */
const SCALE_SLACK = 1.7;
const MAX_ANGLE = (25 * Math.PI) / 180;
/** Dense verification score needed to report a match. */
export const MATCH_THRESHOLD = 0.6;
const MIN_COVERAGE = 0.35;

interface Query {
  /** Checked-image pixels per working pixel. */
  toImage: number;
  working: GrayImage;
  pyramid: QueryPyramid;
  xs: Float32Array;
  ys: Float32Array;
  scales: Float32Array;
  descriptors: Uint32Array;
  count: number;
}

const QUERY_LEVELS = [
  { scale: 1, maxCorners: 1500, grid: 16 },
  { scale: 0.5, maxCorners: 500, grid: 10 },
] as const;
const QUERY_MIN_RESPONSE = 20;

/** Grey working copy, its pyramid and its described corners: done once per image, shared by every logo. */
function prepareQuery(image: RgbaImage): Query {
  if (image.width < 1 || image.height < 1) throw new Error('the image is empty');
  const big = Math.max(image.width, image.height);
  let working = rgbaToGray(image, Math.floor(big / WORKING_SIZE));
  const longest = Math.max(working.width, working.height);
  const fit = longest > WORKING_SIZE ? WORKING_SIZE / longest : longest < MIN_WORKING_SIZE ? MIN_WORKING_SIZE / longest : 1;
  if (fit !== 1) working = resizeGray(working, Math.max(1, Math.round(working.width * fit)), Math.max(1, Math.round(working.height * fit)));
  const toImage = image.width / working.width;

  // Area-averaged halvings are already smooth enough to sample without aliasing.
  const pyramid: QueryPyramid = [working];
  for (let prev = working; Math.min(prev.width, prev.height) >= 32; ) {
    prev = resizeGray(prev, Math.floor(prev.width / 2), Math.floor(prev.height / 2));
    pyramid.push(prev);
  }

  const xs: number[] = [], ys: number[] = [], scales: number[] = [];
  const parts: Uint32Array[] = [];
  for (const level of QUERY_LEVELS) {
    if (level.scale < 1 && Math.max(working.width, working.height) * level.scale < MIN_WORKING_SIZE) continue;
    // Scale 0.5 is the pyramid's first halving: no need to resize twice.
    const img = level.scale === 1 ? working : pyramid[1] ?? resizeGray(working, Math.round(working.width * level.scale), Math.round(working.height * level.scale));
    const { corners, descriptors } = extractFeatures(img, { maxCorners: level.maxCorners, grid: level.grid, minResponse: QUERY_MIN_RESPONSE });
    const sx = img.width / working.width, sy = img.height / working.height;
    for (const c of corners) {
      xs.push(c.x / sx);
      ys.push(c.y / sy);
      scales.push(level.scale);
    }
    parts.push(descriptors);
  }
  const descriptors = new Uint32Array(xs.length * DESCRIPTOR_WORDS);
  let at = 0;
  for (const part of parts) {
    descriptors.set(part, at);
    at += part.length;
  }
  return {
    toImage, working, pyramid,
    xs: Float32Array.from(xs), ys: Float32Array.from(ys), scales: Float32Array.from(scales),
    descriptors, count: xs.length,
  };
}

interface Correspondences {
  /** Canonical (logo) coordinates. */
  px: Float32Array;
  py: Float32Array;
  /** Working-image coordinates. */
  qx: Float32Array;
  qy: Float32Array;
  /** Working pixels per canonical unit implied by the two sizes the points were described at. */
  scale: Float32Array;
  count: number;
}

/** Set bits in a 32-bit word. */
function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Distances that matter stop at MAX_DESCRIPTOR_DISTANCE / RATIO (82 bits): a
 * pair that close differs in about 21 of its first 64 bits and 41 of its first
 * 128, so more than these is a pair not worth finishing (random pairs differ in
 * half their bits, and most are dropped after a quarter of the work).
 */
const QUARTER_CUTOFF = 34;
const HALF_CUTOFF = 60;

/** How many nearest reference descriptors each query descriptor remembers, to find the best one elsewhere on the logo. */
const SHORTLIST = 4;

function matchDescriptors(query: Query, fp: LogoFingerprint): Correspondences {
  const ref = fp.keypoints;
  const rd = ref.descriptors;
  const qd = query.descriptors;
  const px: number[] = [], py: number[] = [], qx: number[] = [], qy: number[] = [], scale: number[] = [];
  const listD = new Int32Array(SHORTLIST);
  const listJ = new Int32Array(SHORTLIST);
  for (let i = 0; i < query.count; i++) {
    const b = i * DESCRIPTOR_WORDS;
    const q0 = qd[b]!, q1 = qd[b + 1]!, q2 = qd[b + 2]!, q3 = qd[b + 3]!, q4 = qd[b + 4]!, q5 = qd[b + 5]!, q6 = qd[b + 6]!, q7 = qd[b + 7]!;
    listD.fill(257);
    listJ.fill(-1);
    for (let j = 0, r = 0; j < ref.count; j++, r += DESCRIPTOR_WORDS) {
      // Partial sums only grow, so stop once this one cannot enter the shortlist; and stop when the first
      // quarter or half of the bits already differ far more than a usable match's would (4σ above it).
      const worst = listD[SHORTLIST - 1]!;
      let d = popcount((q0 ^ rd[r]!) >>> 0) + popcount((q1 ^ rd[r + 1]!) >>> 0);
      if (d >= worst || d > QUARTER_CUTOFF) continue;
      d += popcount((q2 ^ rd[r + 2]!) >>> 0) + popcount((q3 ^ rd[r + 3]!) >>> 0);
      if (d >= worst || d > HALF_CUTOFF) continue;
      d += popcount((q4 ^ rd[r + 4]!) >>> 0) + popcount((q5 ^ rd[r + 5]!) >>> 0) + popcount((q6 ^ rd[r + 6]!) >>> 0) + popcount((q7 ^ rd[r + 7]!) >>> 0);
      if (d >= worst) continue;
      let k = SHORTLIST - 1;
      while (k > 0 && listD[k - 1]! > d) {
        listD[k] = listD[k - 1]!;
        listJ[k] = listJ[k - 1]!;
        k--;
      }
      listD[k] = d;
      listJ[k] = j;
    }
    const best = listD[0]!, bestJ = listJ[0]!;
    if (bestJ < 0 || best > MAX_DESCRIPTOR_DISTANCE) continue;
    const bx = ref.xs[bestJ]!, by = ref.ys[bestJ]!;
    let second = -1;
    for (let k = 1; k < SHORTLIST && second < 0; k++) {
      const j = listJ[k]!;
      if (j < 0) break;
      const dx = ref.xs[j]! - bx, dy = ref.ys[j]! - by;
      if (dx * dx + dy * dy >= SAME_POINT * SAME_POINT) second = listD[k]!;
    }
    // Every shortlisted descriptor is the same logo point at other sizes: the best elsewhere is at least the last one.
    if (second < 0) second = listD[SHORTLIST - 1]!;
    if (best >= RATIO * second) continue;
    px.push(bx);
    py.push(by);
    qx.push(query.xs[i]!);
    qy.push(query.ys[i]!);
    scale.push(ref.scales[bestJ]! / query.scales[i]!);
  }
  return {
    px: Float32Array.from(px), py: Float32Array.from(py), qx: Float32Array.from(qx), qy: Float32Array.from(qy),
    scale: Float32Array.from(scale), count: px.length,
  };
}

/** Deterministic PRNG so a given image always gives the same answer. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function inliersOf(c: Correspondences, h: Homography, tolerance: number, scale: number): number[] {
  const out: number[] = [];
  const tol2 = tolerance * tolerance;
  for (let i = 0; i < c.count; i++) {
    const ratio = c.scale[i]! / scale;
    if (ratio > SCALE_SLACK || ratio < 1 / SCALE_SLACK) continue;
    const [x, y] = applyHomography(h, c.px[i]!, c.py[i]!);
    const dx = x - c.qx[i]!, dy = y - c.qy[i]!;
    if (dx * dx + dy * dy <= tol2) out.push(i);
  }
  return out;
}

/** Counts distinct logo points among inliers: one corner matched at two sizes is one piece of evidence. */
function distinctPoints(c: Correspondences, idx: readonly number[]): number {
  const seen = new Set<number>();
  for (const i of idx) seen.add(Math.round(c.px[i]! / 6) * 4096 + Math.round(c.py[i]! / 6));
  return seen.size;
}

interface Placement {
  h: Homography;
  inliers: number;
}

function findPlacement(c: Correspondences, fp: LogoFingerprint, seed: number): Placement | null {
  if (c.count < MIN_INLIERS) return null;
  const random = seededRandom(seed);
  const size = Math.max(fp.width, fp.height);
  let bestIdx: number[] = [];
  let bestH: Homography | null = null;
  for (let iter = 0; iter < RANSAC_ITERATIONS; iter++) {
    const a = Math.floor(random() * c.count);
    const b = Math.floor(random() * c.count);
    if (a === b) continue;
    const h = similarityFromPairs(c.px[a]!, c.py[a]!, c.px[b]!, c.py[b]!, c.qx[a]!, c.qy[a]!, c.qx[b]!, c.qy[b]!);
    if (!h) continue;
    const { scale, angle } = similarityParts(h);
    if (Math.abs(angle) > MAX_ANGLE) continue;
    const ra = c.scale[a]! / scale, rb = c.scale[b]! / scale;
    if (ra > SCALE_SLACK || ra < 1 / SCALE_SLACK || rb > SCALE_SLACK || rb < 1 / SCALE_SLACK) continue;
    const idx = inliersOf(c, h, Math.max(3, 0.06 * size * scale), scale);
    if (idx.length > bestIdx.length) {
      bestIdx = idx;
      bestH = h;
    }
  }
  if (!bestH || distinctPoints(c, bestIdx) < MIN_INLIERS) return null;
  let h = bestH;
  let idx = bestIdx;
  // Refine: affine on the similarity's inliers, then a homography for perspective, each re-selecting inliers.
  for (const projective of [false, true, true]) {
    if (projective && idx.length < 8) break;
    const fitted = fitTransform(c.px, c.py, c.qx, c.qy, idx, projective);
    if (!fitted || !isPlausible(fitted, fp.width, fp.height, 0.4)) break;
    const scale = similarityParts(fitted).scale;
    const next = inliersOf(c, fitted, Math.max(2.5, 0.035 * size * scale), scale);
    if (next.length < MIN_INLIERS) break;
    h = fitted;
    idx = next;
  }
  return { h, inliers: distinctPoints(c, idx) };
}

export interface LogoScore {
  logoId: string;
  /** Verification score, 0 when no placement was found; a match needs MATCH_THRESHOLD. */
  score: number;
  /** Distinct logo corners that agree with the placement. */
  inliers: number;
  /** Share of the logo's detailed cells inside the image at that placement. */
  coverage: number;
  /** Descriptor matches before geometry. */
  matches: number;
  box?: Box;
}

/** Scores every logo without applying the threshold: for evaluation and tuning. */
export function scoreLogos(image: RgbaImage, logos: readonly LogoReference[]): LogoScore[] {
  const query = prepareQuery(image);
  return logos.map((logo, n) => scoreOne(query, logo, n));
}

function scoreOne(query: Query, logo: LogoReference, n: number): LogoScore {
  const fp = logo.fingerprint;
  const c = matchDescriptors(query, fp);
  const placement = findPlacement(c, fp, 0x5eed + n);
  if (!placement) return { logoId: logo.id, score: 0, inliers: 0, coverage: 0, matches: c.count };
  const h = refinePlacement(query.pyramid, placement.h, fp);
  const v: Verification = verifyHypothesis(query.pyramid, h, fp);
  return {
    logoId: logo.id,
    score: v.coverage >= MIN_COVERAGE ? v.score : 0,
    inliers: placement.inliers,
    coverage: v.coverage,
    matches: c.count,
    box: boxOf(h, fp, query),
  };
}

/** The logo's bounding box in the checked image's pixels, clipped to the image (a cropped logo runs off it). */
function boxOf(h: Homography, fp: LogoFingerprint, query: Query): Box {
  const pts = [applyHomography(h, 0, 0), applyHomography(h, fp.width, 0), applyHomography(h, fp.width, fp.height), applyHomography(h, 0, fp.height)];
  const right = query.working.width * query.toImage, bottom = query.working.height * query.toImage;
  const xs = pts.map((p) => Math.min(right, Math.max(0, p[0] * query.toImage)));
  const ys = pts.map((p) => Math.min(bottom, Math.max(0, p[1] * query.toImage)));
  const x = Math.min(...xs), y = Math.min(...ys);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(Math.max(...xs) - x), height: Math.round(Math.max(...ys) - y) };
}

/** The logos found in the image, best first. Empty when none is. */
export function matchLogo(image: RgbaImage, logos: readonly LogoReference[]): LogoMatch[] {
  return scoreLogos(image, logos)
    .filter((s) => s.score >= MATCH_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .map((s) => ({ logoId: s.logoId, score: Math.round(s.score * 1000) / 1000, ...(s.box ? { box: s.box } : {}) }));
}
