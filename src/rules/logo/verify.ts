import { applyHomography, type Homography } from './geometry';
import { gaussianBlur, paperMask, sampleBilinear } from './gray';
import type { GrayImage, LogoFingerprint } from './types';

/*
 * Dense verification of a geometric hypothesis. Corner matches say where the
 * logo would be; this step looks at the whole logo there, cell by cell, and asks
 * whether its edges are where the reference's are. A crest that shares the
 * school's shield outline and palette but not its emblem or lettering fails here:
 * the score is taken from the worst-matching cells, which are exactly those.
 */

const CELLS = 16;
/** Each cell may slide this many thumbnail pixels to absorb a slightly imperfect fit (perspective, rounding). */
const MAX_SHIFT = 2;
/**
 * A cell counts only when this share of its reference detail falls inside the
 * image (crops cut logos), and then only its inside part is compared: a cell
 * whose lettering was cropped away says nothing against the match.
 */
const MIN_CELL_INSIDE = 0.7;

export interface Verification {
  /** 0..1: edge agreement in the worst-matching tenth of the logo's detailed cells. */
  score: number;
  /** Share of the logo's detailed cells that lie inside the checked image. */
  coverage: number;
  /** Correlation of each detailed cell inside the image, lowest first. */
  cells: number[];
}

/** The query pyramid: level k is the working image halved k times (2 × 2 means, so no aliasing). */
export type QueryPyramid = GrayImage[];

export interface Gradients {
  gx: Float32Array;
  gy: Float32Array;
}

export interface ReferenceDetail extends Gradients {
  /**
   * Per thumbnail pixel: 0 background (white reaching the edge of the box: the
   * logo file's paper, which a photo replaces with a wall or a jumper), 1 the
   * logo's outline next to it (edge sign depends on that unknown background),
   * 2 inside the logo.
   */
  region: Uint8Array;
}

export const BACKGROUND = 0;
export const OUTLINE = 1;
/** Paper (background), then pixels within 2 px of it as outline, the rest inside. */
function regions(thumb: GrayImage): Uint8Array {
  const { width: w, height: h } = thumb;
  const paper = paperMask(thumb);
  const region = new Uint8Array(w * h).fill(2);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (paper[y * w + x]) {
        region[y * w + x] = BACKGROUND;
        continue;
      }
      let near = false;
      for (let dy = -2; dy <= 2 && !near; dy++) {
        for (let dx = -2; dx <= 2 && !near; dx++) {
          const xx = x + dx, yy = y + dy;
          near = xx >= 0 && yy >= 0 && xx < w && yy < h && paper[yy * w + xx] === 1;
        }
      }
      if (near) region[y * w + x] = OUTLINE;
    }
  }
  return region;
}

export function gradients(img: GrayImage): Gradients {
  const { width: w, height: h, data } = img;
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const l = data[x > 0 ? i - 1 : i]!, r = data[x < w - 1 ? i + 1 : i]!;
      const u = data[y > 0 ? i - w : i]!, d = data[y < h - 1 ? i + w : i]!;
      gx[i] = (r - l) * 0.5;
      gy[i] = (d - u) * 0.5;
    }
  }
  return { gx, gy };
}

/** Reference gradients by fingerprint and by extra blur (rounded), so each is computed once. */
const referenceCache = new WeakMap<LogoFingerprint, Map<number, ReferenceDetail>>();

/**
 * The reference's gradients, blurred to the resolution the logo has in the
 * checked image: a logo 80 px wide cannot show detail the 128-px thumbnail has,
 * and comparing sharp with soft would punish every small, genuine match.
 */
export function referenceDetail(fp: LogoFingerprint, extraBlur: number): ReferenceDetail {
  let bySigma = referenceCache.get(fp);
  if (!bySigma) {
    bySigma = new Map();
    referenceCache.set(fp, bySigma);
  }
  const key = Math.round(extraBlur * 4) / 4;
  let g = bySigma.get(key);
  if (!g) {
    const region = bySigma.get(0)?.region ?? regions(fp.thumbnail);
    g = { ...gradients(gaussianBlur(fp.thumbnail, Math.hypot(1, key))), region };
    bySigma.set(key, g);
  }
  return g;
}

/** Samples the checked image where the hypothesis puts each thumbnail pixel. */
/** Extra blur (thumbnail pixels) that brings the reference down to a logo `ratio` times coarser than the thumbnail. */
export function matchingBlur(ratio: number): number {
  return ratio > 1 ? 0.5 * Math.sqrt(ratio * ratio - 1) : 0;
}

/** How wide the logo is in the working image under h, in pixels. */
/** The pyramid level whose resolution is closest to (not below) `wanted` pixels across the logo. */
export function pyramidLevelFor(pyramid: QueryPyramid, logoPixels: number, wanted: number): number {
  let level = 0;
  while (level + 1 < pyramid.length && logoPixels / 2 ** (level + 1) >= wanted) level++;
  return level;
}

export function logoWidthIn(h: Homography, fp: LogoFingerprint): number {
  const [ax, ay] = applyHomography(h, 0, 0);
  const [bx, by] = applyHomography(h, fp.width, fp.height);
  return (Math.hypot(bx - ax, by - ay) / Math.hypot(fp.width, fp.height)) * fp.width;
}

function warpToThumbnail(pyramid: QueryPyramid, h: Homography, fp: LogoFingerprint, logoPixels: number): { image: GrayImage; inside: Uint8Array } {
  const { width: tw, height: th } = fp.thumbnail;
  const unit = fp.width / tw;
  const level = pyramidLevelFor(pyramid, logoPixels, tw);
  const img = pyramid[level]!;
  const f = 1 / 2 ** level;
  const data = new Float32Array(tw * th);
  const inside = new Uint8Array(tw * th);
  for (let v = 0; v < th; v++) {
    for (let u = 0; u < tw; u++) {
      const [x, y] = applyHomography(h, (u + 0.5) * unit, (v + 0.5) * unit);
      const lx = x * f - 0.5 * (1 - f), ly = y * f - 0.5 * (1 - f);
      const i = v * tw + u;
      inside[i] = lx >= -0.5 && ly >= -0.5 && lx <= img.width - 0.5 && ly <= img.height - 0.5 ? 1 : 0;
      data[i] = sampleBilinear(img, lx, ly);
    }
  }
  return { image: { width: tw, height: th, data }, inside };
}

/**
 * Reference cells with enough detail to judge: at least this share of the most
 * detailed cell's edge energy. Flat cells say little and JPEG noise dominates them.
 */
const DETAILED_CELL = 0.05;
/**
 * The score is this low quantile of the detailed cells' correlations, not their
 * mean: a look-alike crest matches the outline, ribbon and palette (most cells)
 * and fails only where its emblem and name differ, and the low quantile is
 * exactly those cells. A true match is good nearly everywhere.
 */
const SCORE_QUANTILE = 0.1;
const MIN_DETAILED_CELLS = 12;

interface CellLayout {
  /** Row-major position in the CELLS × CELLS grid. */
  index: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const cellCache = new WeakMap<LogoFingerprint, CellLayout[]>();

/** The detailed cells of a reference thumbnail, computed once per fingerprint. */
function detailedCells(fp: LogoFingerprint, ref: ReferenceDetail): CellLayout[] {
  const cached = cellCache.get(fp);
  if (cached) return cached;
  const { width: tw, height: th } = fp.thumbnail;
  const all: (CellLayout & { energy: number })[] = [];
  for (let cy = 0; cy < CELLS; cy++) {
    const y0 = Math.floor((cy * th) / CELLS), y1 = Math.floor(((cy + 1) * th) / CELLS);
    for (let cx = 0; cx < CELLS; cx++) {
      const x0 = Math.floor((cx * tw) / CELLS), x1 = Math.floor(((cx + 1) * tw) / CELLS);
      let energy = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = y * tw + x;
          if (ref.region[i] !== BACKGROUND) energy += ref.gx[i]! * ref.gx[i]! + ref.gy[i]! * ref.gy[i]!;
        }
      }
      all.push({ index: cy * CELLS + cx, x0, x1, y0, y1, energy: Math.sqrt(energy) });
    }
  }
  const most = Math.max(0, ...all.map((c) => c.energy));
  const cells = all.filter((c) => most > 0 && c.energy >= DETAILED_CELL * most).map(({ index, x0, x1, y0, y1 }) => ({ index, x0, x1, y0, y1 }));
  cellCache.set(fp, cells);
  return cells;
}

/** Best gradient correlation of one cell over small shifts; outline pixels count regardless of edge sign. */
function cellCorrelation(ref: ReferenceDetail, got: Gradients, inside: Uint8Array, tw: number, th: number, cell: CellLayout): number {
  let best = 0;
  for (let dy = -MAX_SHIFT; dy <= MAX_SHIFT; dy++) {
    for (let dx = -MAX_SHIFT; dx <= MAX_SHIFT; dx++) {
      let dot = 0, norm = 0, refNorm = 0;
      for (let y = Math.max(cell.y0, -dy); y < Math.min(cell.y1, th - dy); y++) {
        for (let x = Math.max(cell.x0, -dx); x < Math.min(cell.x1, tw - dx); x++) {
          const i = y * tw + x;
          const region = ref.region[i]!;
          // Whatever surrounds the logo in the photo is not evidence either way.
          if (region === BACKGROUND || !inside[i]) continue;
          const j = i + dy * tw + dx;
          const rx = ref.gx[i]!, ry = ref.gy[i]!, gx = got.gx[j]!, gy = got.gy[j]!;
          const d = rx * gx + ry * gy;
          dot += region === OUTLINE ? Math.abs(d) : d;
          norm += gx * gx + gy * gy;
          refNorm += rx * rx + ry * ry;
        }
      }
      const corr = norm > 0 && refNorm > 0 ? dot / Math.sqrt(refNorm * norm) : 0;
      if (corr > best) best = corr;
    }
  }
  return best;
}

/** A cell is flat in the photo when its pixels vary this little (grey levels, standard deviation) where the logo has detail. */
const FLAT_CELL_SPREAD = 6;
/** At most this share of the logo's detailed cells may be set aside as covered (issue 13: up to 20% occluded). */
const MAX_COVERED_SHARE = 0.4;
/**
 * A flat cell whose grey (mapped to the reference's levels) is one the reference has in that
 * very cell, on at least this share of its pixels, is the logo's own field without its detail:
 * a look-alike's plain shield where the logo has an emblem. It counts against the match.
 */
const OWN_COLOUR_SHARE = 0.2;
/** Grey levels within this of the mapped photo grey count as the same colour. */
const SAME_GREY = 18;
/** Cells matching at least this well fit the photo-to-reference grey mapping (an occluder's edge cells do not). */
const MAPPING_CELL_CORRELATION = 0.8;
/** Photo pixels within this many grey levels of the occluder's are the occluder's. */
const OCCLUDER_GREY = 10;
/** A cell next to the occluder with this share of its pixels under it is covered too (the occluder's edge runs through it). */
const EDGE_CELL_SHARE = 0.25;

interface CellStats {
  cell: CellLayout;
  index: number;
  correlation: number;
  mean: number;
  spread: number;
}

/** Photo grey → reference grey, fitted (least squares) on the cells that clearly match: light and casts change levels, not shapes. */
function greyMapping(warped: GrayImage, thumb: GrayImage, ref: ReferenceDetail, inside: Uint8Array, cells: CellStats[]): (grey: number) => number {
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  const tw = thumb.width;
  for (const { cell, correlation } of cells) {
    if (correlation < MAPPING_CELL_CORRELATION) continue;
    for (let y = cell.y0; y < cell.y1; y++) {
      for (let x = cell.x0; x < cell.x1; x++) {
        const i = y * tw + x;
        if (ref.region[i] === BACKGROUND || !inside[i]) continue;
        const p = warped.data[i]!, r = thumb.data[i]!;
        n++; sx += p; sy += r; sxx += p * p; sxy += p * r;
      }
    }
  }
  const variance = n * sxx - sx * sx;
  if (n < 10 || variance <= 0) return (grey) => grey;
  const gain = (n * sxy - sx * sy) / variance;
  const offset = (sy - gain * sx) / n;
  return (grey) => gain * grey + offset;
}

/**
 * Cells covered by something plain (a thumb, a sticker): flat in the photo, in a grey the
 * reference does not have there, and all in one piece (an occluder is one object). Those
 * are neither for nor against the match, as a cropped-away cell is. A look-alike's plain
 * field is flat too, but in the logo's own colour, so it still counts against.
 */
function coveredCells(stats: CellStats[], warped: GrayImage, thumb: GrayImage, ref: ReferenceDetail, inside: Uint8Array): Set<number> {
  const mapped = greyMapping(warped, thumb, ref, inside, stats);
  const tw = thumb.width;
  const foreign = new Map<number, CellStats>();
  for (const stat of stats) {
    if (stat.spread >= FLAT_CELL_SPREAD) continue;
    const grey = mapped(stat.mean);
    let all = 0, same = 0;
    for (let y = stat.cell.y0; y < stat.cell.y1; y++) {
      for (let x = stat.cell.x0; x < stat.cell.x1; x++) {
        const i = y * tw + x;
        if (ref.region[i] === BACKGROUND) continue;
        all++;
        if (Math.abs(thumb.data[i]! - grey) <= SAME_GREY) same++;
      }
    }
    if (all > 0 && same < OWN_COLOUR_SHARE * all) foreign.set(stat.index, stat);
  }
  // The largest 8-connected group of such cells (joined across cells with no detail to judge): one occluder.
  const judged = new Set(stats.map((stat) => stat.index));
  let best = new Set<number>();
  const seen = new Set<number>();
  for (const start of foreign.keys()) {
    if (seen.has(start)) continue;
    const group = new Set<number>([start]);
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const at = queue.pop()!;
      const cx = at % CELLS, cy = Math.floor(at / CELLS);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const next = (cy + dy) * CELLS + (cx + dx);
          if (cx + dx < 0 || cx + dx >= CELLS || cy + dy < 0 || cy + dy >= CELLS || seen.has(next)) continue;
          if (!foreign.has(next) && judged.has(next)) continue;
          seen.add(next);
          if (foreign.has(next)) group.add(next);
          queue.push(next);
        }
      }
    }
    if (group.size > best.size) best = group;
  }
  if (best.size === 0) return best;
  // The occluder's edge runs through the cells around it: those partly in its grey (where the logo is not) are covered too.
  const occluder = [...best].map((i) => foreign.get(i)!.mean).sort((a, b) => a - b)[Math.floor(best.size / 2)]!;
  const byIndex = new Map(stats.map((stat) => [stat.index, stat]));
  for (const at of [...best]) {
    const cx = at % CELLS, cy = Math.floor(at / CELLS);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const next = (cy + dy) * CELLS + (cx + dx);
        const stat = byIndex.get(next);
        if (!stat || best.has(next) || cx + dx < 0 || cx + dx >= CELLS) continue;
        let all = 0, under = 0;
        for (let y = stat.cell.y0; y < stat.cell.y1; y++) {
          for (let x = stat.cell.x0; x < stat.cell.x1; x++) {
            const i = y * tw + x;
            if (ref.region[i] === BACKGROUND || !inside[i]) continue;
            all++;
            if (Math.abs(warped.data[i]! - occluder) <= OCCLUDER_GREY && Math.abs(thumb.data[i]! - mapped(occluder)) > SAME_GREY) under++;
          }
        }
        if (all > 0 && under >= EDGE_CELL_SHARE * all) best.add(next);
      }
    }
  }
  return best.size <= MAX_COVERED_SHARE * stats.length ? best : new Set();
}

export function verifyHypothesis(pyramid: QueryPyramid, h: Homography, fp: LogoFingerprint): Verification {
  const logoPixels = logoWidthIn(h, fp);
  // A thumbnail pixel spans `ratio` checked-image pixels; their footprint (σ ≈ 0.5 px) grows by the same factor.
  const ratio = fp.thumbnail.width / Math.max(1, logoPixels);
  const ref = referenceDetail(fp, matchingBlur(ratio));
  const cells = detailedCells(fp, referenceDetail(fp, 0));
  const warped = warpToThumbnail(pyramid, h, fp, logoPixels);
  const got = gradients(gaussianBlur(warped.image, 1));
  const { width: tw, height: th } = fp.thumbnail;
  const stats: CellStats[] = [];
  for (const cell of cells) {
    let all = 0, inside = 0, n = 0, sum = 0, sumSq = 0;
    for (let y = cell.y0; y < cell.y1; y++) {
      for (let x = cell.x0; x < cell.x1; x++) {
        const i = y * tw + x;
        if (ref.region[i] === BACKGROUND) continue;
        const e = ref.gx[i]! * ref.gx[i]! + ref.gy[i]! * ref.gy[i]!;
        all += e;
        if (!warped.inside[i]) continue;
        inside += e;
        // The outline's photo side is whatever surrounds the logo: not the logo's own grey.
        if (ref.region[i] === OUTLINE) continue;
        const v = warped.image.data[i]!;
        n++; sum += v; sumSq += v * v;
      }
    }
    // Cropped away: neither for nor against.
    if (all === 0 || inside < MIN_CELL_INSIDE * all) continue;
    const mean = n > 0 ? sum / n : 0;
    const spread = n > 4 ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) : Infinity;
    stats.push({ cell, index: cell.index, correlation: cellCorrelation(ref, got, warped.inside, tw, th, cell), mean, spread });
  }
  const coverage = cells.length > 0 ? stats.length / cells.length : 0;
  const covered = coveredCells(stats, warped.image, fp.thumbnail, ref, warped.inside);
  const correlations = stats.filter((s) => !covered.has(s.index)).map((s) => s.correlation);
  correlations.sort((a, b) => a - b);
  if (correlations.length < MIN_DETAILED_CELLS) return { score: 0, coverage, cells: correlations };
  return { score: correlations[Math.floor(correlations.length * SCORE_QUANTILE)]!, coverage, cells: correlations };
}
