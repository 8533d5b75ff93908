import type { GrayImage, RgbaImage } from './types';

/*
 * Grey-level image helpers. Pixel loops use `!` on typed-array reads: the
 * indices are in range by construction, and noUncheckedIndexedAccess cannot
 * know that.
 */

export function grayImage(width: number, height: number): GrayImage {
  return { width, height, data: new Float32Array(width * height) };
}

/**
 * Luminance (Rec. 601) with transparent pixels composited on white, averaged over
 * `factor` × `factor` blocks while reading, so a 12-megapixel photo is never
 * copied at full size. White is the background a school's logo file is drawn on.
 * Large blocks are averaged from at most 3 × 3 evenly spaced pixels: reading
 * every pixel of a 12-megapixel photo costs more than the whole match, and the
 * working image is smoothed again by the resize that follows.
 */
export function rgbaToGray(image: RgbaImage, factor = 1): GrayImage {
  const { width, height, data } = image;
  if (data.length < width * height * 4) {
    throw new Error(`image data holds ${data.length} bytes; ${width}×${height} RGBA needs ${width * height * 4}`);
  }
  const f = Math.max(1, Math.floor(factor));
  const out = grayImage(Math.max(1, Math.floor(width / f)), Math.max(1, Math.floor(height / f)));
  const o = out.data;
  if (f === 1) {
    for (let p = 0, i = 0; p < o.length; p++, i += 4) {
      const a = data[i + 3]!;
      o[p] = ((0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!) * a + 255 * (255 - a)) / 255;
    }
    return out;
  }
  const taps = Math.min(f, 3);
  const offsets = Int32Array.from({ length: taps }, (_, k) => Math.floor(((k + 0.5) * f) / taps));
  const norm = 1 / (taps * taps * 255);
  for (let oy = 0; oy < out.height; oy++) {
    for (let ox = 0; ox < out.width; ox++) {
      let sum = 0;
      for (let ty = 0; ty < taps; ty++) {
        const row = (oy * f + offsets[ty]!) * width + ox * f;
        for (let tx = 0; tx < taps; tx++) {
          const i = (row + offsets[tx]!) * 4;
          const a = data[i + 3]!;
          sum += (0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!) * a + 255 * (255 - a);
        }
      }
      o[oy * out.width + ox] = sum * norm;
    }
  }
  return out;
}

/** Area-average (shrink) or bilinear (enlarge) resize, separable. */
export function resizeGray(src: GrayImage, width: number, height: number): GrayImage {
  if (width === src.width && height === src.height) return { width, height, data: src.data.slice() };
  if (width * 2 <= src.width && height * 2 <= src.height && width * 2 + 1 >= src.width && height * 2 + 1 >= src.height) {
    return halve(src, width, height);
  }
  // Rows first when shrinking rows: the vertical pass is a plain multiply-add over whole rows (fast), and
  // the horizontal pass, which gathers, then runs over fewer rows.
  const columns = resizeAxis(src.data, src.width, src.height, height, false);
  const out = resizeAxis(columns, src.width, height, width, true);
  return { width, height, data: out };
}

/** 2 × 2 means: the pyramid's step, and the common case worth its own loop. */
function halve(src: GrayImage, width: number, height: number): GrayImage {
  const out = new Float32Array(width * height);
  const w = src.width, d = src.data;
  for (let y = 0; y < height; y++) {
    let i = 2 * y * w;
    const o = y * width;
    for (let x = 0; x < width; x++, i += 2) out[o + x] = (d[i]! + d[i + 1]! + d[i + w]! + d[i + w + 1]!) * 0.25;
  }
  return { width, height, data: out };
}

/** Resizes along x (horizontal) or y, keeping the other axis; both read memory row by row. */
function resizeAxis(data: Float32Array, w: number, h: number, n: number, horizontal: boolean): Float32Array {
  const { starts, taps, weights } = axisWeights(horizontal ? w : h, n);
  if (horizontal) {
    const out = new Float32Array(n * h);
    for (let y = 0; y < h; y++) {
      const row = y * w;
      const o = y * n;
      if (taps === 3) {
        // The common case (shrinking by 1–2×), unrolled.
        for (let k = 0, wk = 0; k < n; k++, wk += 3) {
          const at = row + starts[k]!;
          out[o + k] = weights[wk]! * data[at]! + weights[wk + 1]! * data[at + 1]! + weights[wk + 2]! * data[at + 2]!;
        }
        continue;
      }
      for (let k = 0; k < n; k++) {
        const at = row + starts[k]!;
        const wk = k * taps;
        let sum = 0;
        for (let j = 0; j < taps; j++) sum += weights[wk + j]! * data[at + j]!;
        out[o + k] = sum;
      }
    }
    return out;
  }
  const out = new Float32Array(w * n);
  for (let k = 0; k < n; k++) {
    const o = k * w;
    for (let j = 0; j < taps; j++) {
      const weight = weights[k * taps + j]!;
      if (weight === 0) continue;
      const r = (starts[k]! + j) * w;
      for (let x = 0; x < w; x++) out[o + x] = out[o + x]! + weight * data[r + x]!;
    }
  }
  return out;
}

/**
 * For each output sample: the first input sample it reads and `taps` weights
 * (zero-padded to the same count for all, so the loops stay simple).
 */
function axisWeights(len: number, n: number): { starts: Int32Array; taps: number; weights: Float32Array } {
  const scale = len / n;
  const taps = scale >= 1 ? Math.ceil(scale) + 1 : 2;
  const starts = new Int32Array(n);
  const weights = new Float32Array(n * taps);
  for (let k = 0; k < n; k++) {
    if (scale >= 1) {
      // Shrinking: each output sample averages the input interval it covers.
      const a = k * scale;
      const b = a + scale;
      const start = Math.min(Math.floor(a), Math.max(0, len - taps));
      starts[k] = start;
      for (let j = 0; j < taps; j++) {
        const s = start + j;
        weights[k * taps + j] = Math.max(0, Math.min(b, s + 1) - Math.max(a, s)) / scale;
      }
    } else if (len < 2) {
      starts[k] = 0;
      weights[k * taps] = 1;
    } else {
      const c = Math.min(len - 1, Math.max(0, (k + 0.5) * scale - 0.5));
      const start = Math.min(len - 2, Math.floor(c));
      starts[k] = start;
      weights[k * taps] = 1 - (c - start);
      weights[k * taps + 1] = c - start;
    }
  }
  return { starts, taps, weights };
}

/** Separable Gaussian blur with clamped edges. */
export function gaussianBlur(src: GrayImage, sigma: number): GrayImage {
  if (sigma <= 0) return { ...src, data: src.data.slice() };
  const radius = Math.max(1, Math.ceil(sigma * 2.5));
  const kernel = new Float32Array(radius * 2 + 1);
  let total = 0;
  for (let i = -radius; i <= radius; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    kernel[i + radius] = v;
    total += v;
  }
  for (let i = 0; i < kernel.length; i++) kernel[i] = kernel[i]! / total;
  const { width: w, height: h } = src;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) blurRow(src.data, tmp, y * w, w, kernel, radius);
  // Vertical pass row by row (whole rows weighted and added) so memory is read in order.
  for (let y = 0; y < h; y++) {
    const o = y * w;
    for (let k = -radius; k <= radius; k++) {
      const yy = y + k < 0 ? 0 : y + k >= h ? h - 1 : y + k;
      const weight = kernel[k + radius]!;
      const r = yy * w;
      for (let x = 0; x < w; x++) out[o + x] = out[o + x]! + weight * tmp[r + x]!;
    }
  }
  return { width: w, height: h, data: out };
}

/** Convolves one row; the middle runs without edge checks, which is where nearly all the time goes. */
function blurRow(src: Float32Array, dst: Float32Array, base: number, len: number, kernel: Float32Array, radius: number): void {
  const taps = kernel.length;
  for (let i = 0; i < len; i++) {
    let sum = 0;
    if (i >= radius && i < len - radius) {
      const at = base + i - radius;
      for (let k = 0; k < taps; k++) sum += kernel[k]! * src[at + k]!;
    } else {
      for (let k = -radius; k <= radius; k++) {
        const j = i + k < 0 ? 0 : i + k >= len ? len - 1 : i + k;
        sum += kernel[k + radius]! * src[base + j]!;
      }
    }
    dst[base + i] = sum;
  }
}

/** Bilinear sample with clamped edges. */
export function sampleBilinear(img: GrayImage, x: number, y: number): number {
  const { width: w, height: h, data } = img;
  const cx = x < 0 ? 0 : x > w - 1 ? w - 1 : x;
  const cy = y < 0 ? 0 : y > h - 1 ? h - 1 : y;
  const x0 = Math.min(w - 2, Math.floor(cx));
  const y0 = Math.min(h - 2, Math.floor(cy));
  if (x0 < 0 || y0 < 0) return data[Math.floor(cy) * w + Math.floor(cx)]!;
  const tx = cx - x0;
  const ty = cy - y0;
  const i = y0 * w + x0;
  const top = data[i]! * (1 - tx) + data[i + 1]! * tx;
  const bottom = data[i + w]! * (1 - tx) + data[i + w + 1]! * tx;
  return top * (1 - ty) + bottom * ty;
}

/**
 * Box blur of radius r (a (2r+1)² mean) with clamped edges, by running sums:
 * constant cost per pixel whatever r. Two passes approximate a Gaussian of
 * σ = √(2·((2r+1)² − 1)/12), which is how the matcher smooths cheaply.
 */
export function boxBlur(src: GrayImage, r: number): GrayImage {
  const { width: w, height: h, data } = src;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  const norm = 1 / (2 * r + 1);
  const last = w - 1;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += data[row + (k < 0 ? 0 : k > last ? last : k)]!;
    // Edges with clamping, the middle without: the middle is where the time goes.
    const middleEnd = Math.max(r, w - r - 1);
    let x = 0;
    for (; x < Math.min(r, w); x++) {
      tmp[row + x] = sum * norm;
      sum += data[row + Math.min(last, x + r + 1)]! - data[row]!;
    }
    for (; x < middleEnd; x++) {
      tmp[row + x] = sum * norm;
      sum += data[row + x + r + 1]! - data[row + x - r]!;
    }
    for (; x < w; x++) {
      tmp[row + x] = sum * norm;
      sum += data[row + last]! - data[row + Math.max(0, x - r)]!;
    }
  }
  const column = new Float32Array(w);
  for (let k = -r; k <= r; k++) {
    const yy = k < 0 ? 0 : k >= h ? h - 1 : k;
    for (let x = 0; x < w; x++) column[x] = column[x]! + tmp[yy * w + x]!;
  }
  for (let y = 0; y < h; y++) {
    const o = y * w;
    const add = (y + r + 1 >= h ? h - 1 : y + r + 1) * w;
    const drop = (y - r < 0 ? 0 : y - r) * w;
    for (let x = 0; x < w; x++) {
      const c = column[x]!;
      out[o + x] = c * norm;
      column[x] = c + tmp[add + x]! - tmp[drop + x]!;
    }
  }
  return { width: w, height: h, data: out };
}

/** Grey levels at or above this count as the white paper a logo file is drawn on. */
export const PAPER_LEVEL = 255 - 12;

/**
 * 1 where the pixel is paper: near-white and connected to the image's border.
 * In a photo the paper is replaced by whatever the logo is printed on.
 */
export function paperMask(img: GrayImage): Uint8Array {
  const { width: w, height: h, data } = img;
  const paper = new Uint8Array(w * h);
  const stack: number[] = [];
  for (let x = 0; x < w; x++) stack.push(x, (h - 1) * w + x);
  for (let y = 0; y < h; y++) stack.push(y * w, y * w + w - 1);
  while (stack.length) {
    const i = stack.pop()!;
    if (paper[i] || data[i]! < PAPER_LEVEL) continue;
    paper[i] = 1;
    const x = i % w;
    if (x > 0) stack.push(i - 1);
    if (x < w - 1) stack.push(i + 1);
    if (i >= w) stack.push(i - w);
    if (i < (h - 1) * w) stack.push(i + w);
  }
  return paper;
}

