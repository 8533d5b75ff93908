import { DESCRIPTOR_WORDS, extractFeatures } from './features';
import { grayImage, paperMask, resizeGray, rgbaToGray } from './gray';
import type { GrayImage, LogoFingerprint, RgbaImage } from './types';

/*
 * Builds a logo's fingerprint data from its reference image: corners described
 * at several sizes (the logo may appear 64 px or 800 px wide) plus a small
 * thumbnail for dense verification.
 */

/** The longest side of the logo's content box in canonical units (reference pixels after normalising). */
export const CANONICAL_SIZE = 384;
/** Longest side of the verification thumbnail. */
export const THUMBNAIL_SIZE = 128;
/** The logo is described at CANONICAL_SIZE × 2^(-k/2) for k = 0..LEVELS-1 (384 down to 48 px). */
export const REFERENCE_LEVELS = 7;
export const levelScale = (level: number): number => 2 ** (-level / 2);
/** Corners kept per reference level, largest first: small renderings have fewer stable corners. */
const CORNERS_PER_LEVEL = [80, 64, 52, 42, 34, 26, 18];
/**
 * From this level down the descriptor patch (31 px) covers much of the logo and
 * so much of what surrounds it: these levels are described a second time with
 * the paper made dark, for logos printed on a navy jumper or a dark banner.
 */
const DARK_PAPER_FROM_LEVEL = 3;
const DARK_PAPER_LEVELS = [60, 130];
/** Most keypoints a fingerprint holds: every level's corners, and the dark-paper levels twice more. */
export const MAX_REFERENCE_KEYPOINTS =
  CORNERS_PER_LEVEL.reduce((sum, n) => sum + n, 0) + DARK_PAPER_LEVELS.length * CORNERS_PER_LEVEL.slice(DARK_PAPER_FROM_LEVEL).reduce((sum, n) => sum + n, 0);
/** Smallest logo image, in pixels each way, that can be fingerprinted. */
export const MIN_LOGO_PIXELS = 16;
/** White margin (canonical units) so corners on the logo's outline see background on their outer side. */
const MARGIN = 24;
/** A pixel this far from white counts as part of the logo when finding its content box. */
const INK_THRESHOLD = 12;

export const REFERENCE_CORNERS = { grid: 6, minResponse: 20 } as const;

/** The box around everything that is not (near) white. Whole image when nothing is. */
export function contentBox(gray: GrayImage): { x: number; y: number; width: number; height: number } {
  const { width: w, height: h, data } = gray;
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (255 - data[y * w + x]! > INK_THRESHOLD) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return { x: 0, y: 0, width: w, height: h };
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Crops `box` with `margin` pixels of white around it (white where the box leaves the image). */
function cropWithWhiteMargin(gray: GrayImage, box: { x: number; y: number; width: number; height: number }, margin: number): GrayImage {
  const out = grayImage(box.width + 2 * margin, box.height + 2 * margin);
  out.data.fill(255);
  for (let y = 0; y < out.height; y++) {
    const sy = box.y - margin + y;
    if (sy < 0 || sy >= gray.height) continue;
    for (let x = 0; x < out.width; x++) {
      const sx = box.x - margin + x;
      if (sx < 0 || sx >= gray.width) continue;
      out.data[y * out.width + x] = gray.data[sy * gray.width + sx]!;
    }
  }
  return out;
}

export const THUMBNAIL_STEP = 17;
export const quantizeThumbnail = (v: number): number => Math.max(0, Math.min(15, Math.round(v / THUMBNAIL_STEP))) * THUMBNAIL_STEP;

export function buildFingerprint(image: RgbaImage, version: number): LogoFingerprint {
  if (image.width < MIN_LOGO_PIXELS || image.height < MIN_LOGO_PIXELS) {
    throw new Error(`the logo image is ${image.width}×${image.height}; it must be at least ${MIN_LOGO_PIXELS}×${MIN_LOGO_PIXELS} pixels`);
  }
  const big = Math.max(image.width, image.height);
  const gray = rgbaToGray(image, Math.max(1, Math.floor(big / 1024)));
  const box = contentBox(gray);
  const toCanonical = CANONICAL_SIZE / Math.max(box.width, box.height);
  const width = Math.max(1, Math.round(box.width * toCanonical));
  const height = Math.max(1, Math.round(box.height * toCanonical));
  const sourceMargin = Math.ceil(MARGIN / toCanonical);
  const padded = cropWithWhiteMargin(gray, box, sourceMargin);
  const margin = sourceMargin * toCanonical;
  const base = resizeGray(padded, Math.round(padded.width * toCanonical), Math.round(padded.height * toCanonical));
  const paper = paperMask(base);
  const darkBases = DARK_PAPER_LEVELS.map((level) => ({ ...base, data: base.data.map((v, i) => (paper[i] ? level : v)) }));

  const xs: number[] = [], ys: number[] = [], scales: number[] = [];
  const words: number[] = [];
  const describe = (source: typeof base, level: number) => {
    const s = levelScale(level);
    const img = level === 0 ? source : resizeGray(source, Math.max(8, Math.round(source.width * s)), Math.max(8, Math.round(source.height * s)));
    const sx = img.width / source.width, sy = img.height / source.height;
    const { corners, descriptors } = extractFeatures(img, { ...REFERENCE_CORNERS, maxCorners: CORNERS_PER_LEVEL[level] ?? 20 });
    corners.forEach((c, k) => {
      xs.push(c.x / sx - margin);
      ys.push(c.y / sy - margin);
      scales.push(s);
      for (let w = 0; w < DESCRIPTOR_WORDS; w++) words.push(descriptors[k * DESCRIPTOR_WORDS + w]!);
    });
  };
  for (let level = 0; level < REFERENCE_LEVELS; level++) {
    describe(base, level);
    if (level >= DARK_PAPER_FROM_LEVEL) for (const dark of darkBases) describe(dark, level);
  }

  const content = cropWithWhiteMargin(gray, box, 0);
  const ts = THUMBNAIL_SIZE / Math.max(box.width, box.height);
  const thumbnail = resizeGray(content, Math.max(4, Math.round(box.width * ts)), Math.max(4, Math.round(box.height * ts)));
  // 16 grey levels: the fingerprint stores 4 bits a pixel (see fingerprint.ts); edges survive, file size halves.
  for (let i = 0; i < thumbnail.data.length; i++) thumbnail.data[i] = quantizeThumbnail(thumbnail.data[i]!);

  return {
    version,
    width,
    height,
    keypoints: {
      xs: Float32Array.from(xs),
      ys: Float32Array.from(ys),
      scales: Float32Array.from(scales),
      descriptors: Uint32Array.from(words),
      count: xs.length,
    },
    thumbnail,
  };
}
