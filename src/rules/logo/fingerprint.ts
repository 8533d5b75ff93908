import { DESCRIPTOR_WORDS } from './features';
import { buildFingerprint, MAX_REFERENCE_KEYPOINTS, REFERENCE_LEVELS, THUMBNAIL_STEP, levelScale } from './reference';
import type { LogoFingerprint, RgbaImage } from './types';

/*
 * The fingerprint text format (documented in docs/rule-pack.md, "Logo fingerprints"):
 *
 *   "pclogo1:" + base64( header | thumbnail | keypoints )
 *
 * all integers little-endian:
 *   header     u8 format version (1) · u16 canonical width · u16 canonical height
 *              · u8 thumbnail width · u8 thumbnail height · u16 keypoint count
 *   thumbnail  4 bits of grey (0 black – 15 white) per pixel, row by row, two pixels a
 *              byte (first pixel in the high nibble), padded to a whole byte
 *   keypoint   u16 x · u16 y (canonical units × 32, offset by 64 units) · u8 level
 *              · 32 bytes of BRIEF descriptor
 *
 * It carries corner descriptors and a 128-pixel, 16-grey thumbnail, never the logo file.
 */

export const FINGERPRINT_PREFIX = 'pclogo1:';
export const FINGERPRINT_VERSION = 1;
const HEADER_BYTES = 9;
const KEYPOINT_BYTES = 5 + DESCRIPTOR_WORDS * 4;
const COORD_OFFSET = 64;
const COORD_SCALE = 32;
/** One limit for making and reading: no version-1 fingerprint holds more (docs/rule-pack.md, "Logo limits"). */
export const MAX_KEYPOINTS = MAX_REFERENCE_KEYPOINTS;

const thumbnailBytes = (w: number, h: number): number => Math.ceil((w * h) / 2);

/** Makes the fingerprint text of a logo from its decoded pixels (ideally the school's own logo file, on white or transparent). */
export function fingerprintLogo(image: RgbaImage): string {
  return encodeFingerprint(buildFingerprint(image, FINGERPRINT_VERSION));
}

export function encodeFingerprint(fp: LogoFingerprint): string {
  const { keypoints: kp, thumbnail } = fp;
  const bytes = new Uint8Array(HEADER_BYTES + thumbnailBytes(thumbnail.width, thumbnail.height) + kp.count * KEYPOINT_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, FINGERPRINT_VERSION);
  view.setUint16(1, fp.width, true);
  view.setUint16(3, fp.height, true);
  view.setUint8(5, thumbnail.width);
  view.setUint8(6, thumbnail.height);
  view.setUint16(7, kp.count, true);
  let at = HEADER_BYTES;
  for (let i = 0; i < thumbnail.data.length; i++) {
    const nibble = Math.max(0, Math.min(15, Math.round(thumbnail.data[i]! / THUMBNAIL_STEP)));
    bytes[at + (i >> 1)] = bytes[at + (i >> 1)]! | (i % 2 === 0 ? nibble << 4 : nibble);
  }
  at += thumbnailBytes(thumbnail.width, thumbnail.height);
  for (let k = 0; k < kp.count; k++) {
    view.setUint16(at, Math.round((kp.xs[k]! + COORD_OFFSET) * COORD_SCALE), true);
    view.setUint16(at + 2, Math.round((kp.ys[k]! + COORD_OFFSET) * COORD_SCALE), true);
    view.setUint8(at + 4, Math.round(-2 * Math.log2(kp.scales[k]!)));
    at += 5;
    for (let w = 0; w < DESCRIPTOR_WORDS; w++, at += 4) view.setUint32(at, kp.descriptors[k * DESCRIPTOR_WORDS + w]!, true);
  }
  return FINGERPRINT_PREFIX + toBase64(bytes);
}

/** Reads a fingerprint text back; throws an Error saying what is wrong with it. */
export function decodeFingerprint(text: string): LogoFingerprint {
  const trimmed = text.trim();
  if (!trimmed.startsWith(FINGERPRINT_PREFIX)) {
    const prefix = /^pclogo\d+:/.exec(trimmed)?.[0];
    throw new Error(
      prefix
        ? `logo fingerprint is format "${prefix}", which this version of PostCheck cannot read (it reads "${FINGERPRINT_PREFIX}")`
        : `logo fingerprint must start with "${FINGERPRINT_PREFIX}"`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(trimmed.slice(FINGERPRINT_PREFIX.length));
  } catch {
    throw new Error('logo fingerprint is not valid base64 after "pclogo1:"');
  }
  if (bytes.length < HEADER_BYTES) throw new Error('logo fingerprint is too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(0);
  if (version !== FINGERPRINT_VERSION) throw new Error(`logo fingerprint has version ${version}; expected ${FINGERPRINT_VERSION}`);
  const width = view.getUint16(1, true);
  const height = view.getUint16(3, true);
  const tw = view.getUint8(5);
  const th = view.getUint8(6);
  const count = view.getUint16(7, true);
  if (width < 1 || height < 1 || tw < 4 || th < 4) throw new Error('logo fingerprint has an empty logo or thumbnail size');
  if (count > MAX_KEYPOINTS) throw new Error(`logo fingerprint has ${count} keypoints; at most ${MAX_KEYPOINTS} are allowed`);
  const expected = HEADER_BYTES + thumbnailBytes(tw, th) + count * KEYPOINT_BYTES;
  if (bytes.length !== expected) throw new Error(`logo fingerprint is truncated or damaged (${bytes.length} bytes, expected ${expected})`);
  let at = HEADER_BYTES;
  const thumb = new Float32Array(tw * th);
  for (let i = 0; i < thumb.length; i++) thumb[i] = ((bytes[at + (i >> 1)]! >> (i % 2 === 0 ? 4 : 0)) & 15) * THUMBNAIL_STEP;
  at += thumbnailBytes(tw, th);
  const xs = new Float32Array(count), ys = new Float32Array(count), scales = new Float32Array(count);
  const descriptors = new Uint32Array(count * DESCRIPTOR_WORDS);
  for (let k = 0; k < count; k++) {
    xs[k] = view.getUint16(at, true) / COORD_SCALE - COORD_OFFSET;
    ys[k] = view.getUint16(at + 2, true) / COORD_SCALE - COORD_OFFSET;
    const level = view.getUint8(at + 4);
    if (level >= REFERENCE_LEVELS) throw new Error(`logo fingerprint has a keypoint at level ${level}; levels run 0–${REFERENCE_LEVELS - 1}`);
    scales[k] = levelScale(level);
    at += 5;
    for (let w = 0; w < DESCRIPTOR_WORDS; w++, at += 4) descriptors[k * DESCRIPTOR_WORDS + w] = view.getUint32(at, true);
  }
  return {
    version,
    width,
    height,
    keypoints: { xs, ys, scales, descriptors, count },
    thumbnail: { width: tw, height: th, data: thumb },
  };
}

/** Why a fingerprint text cannot be used, or null when it can: for pack validation. */
export function fingerprintProblem(text: string): string | null {
  try {
    decodeFingerprint(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Distinct corners (on a 24-unit grid) the three largest renderings must have, on average, to be found reliably. */
export const MIN_DISTINCT_CORNERS = 15;
/**
 * Below this many distinct corners a logo is refused: a blank or flat image, or a plain
 * rectangle (4 corners), would match any photo with a box in it, or nothing at all.
 */
export const MIN_DISTINCT_CORNERS_TO_FINGERPRINT = 6;

/** Average distinct corners (24-unit grid) over the three largest renderings: how much detail there is to match. */
export function distinctCorners(fp: LogoFingerprint): number {
  const { keypoints } = fp;
  let total = 0;
  for (const level of [0, 1, 2]) {
    const cells = new Set<number>();
    for (let k = 0; k < keypoints.count; k++) {
      if (Math.abs(keypoints.scales[k]! - levelScale(level)) > 1e-3) continue;
      cells.add(Math.round(keypoints.xs[k]! / 24) * 1000 + Math.round(keypoints.ys[k]! / 24));
    }
    total += cells.size;
  }
  return total / 3;
}

/**
 * Why this fingerprint must not be used (a blank, flat or near-featureless image), or
 * null: the CLI and the options page refuse such a logo rather than store it.
 */
export function logoRefusal(text: string): string | null {
  const fp = decodeFingerprint(text);
  const corners = distinctCorners(fp);
  if (corners >= MIN_DISTINCT_CORNERS_TO_FINGERPRINT) return null;
  const what = fp.keypoints.count === 0 ? 'no corners at all (it looks blank)' : `only ${Math.round(corners)} distinct corners (it looks flat or plain)`;
  return `this image has ${what}; a logo needs at least ${MIN_DISTINCT_CORNERS_TO_FINGERPRINT} to be recognised. Use the school's crest or badge artwork, with its emblem and lettering, on a white or transparent background.`;
}

/**
 * A warning when a logo has too little detail for corner matching, for the
 * options page and the CLI to show beside a new fingerprint; null when it is
 * fine. A plain shape (a square with a triangle) has four corners; a crest with
 * an emblem and lettering has dozens. Throws like decodeFingerprint on bad text.
 */
export function logoDetailWarning(text: string): string | null {
  return distinctCorners(decodeFingerprint(text)) >= MIN_DISTINCT_CORNERS
    ? null
    : 'This logo has little detail (few corners), so PostCheck may miss it when it is small or in a photo. Use the full crest or badge with its lettering if there is one.';
}

// btoa/atob exist in browsers and in Node ≥ 16, so no Buffer (a Node API) here.
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
