/**
 * Types shared by the logo matcher. Everything here is plain data so that the
 * same code runs in the content script (pixels from OffscreenCanvas) and in Node
 * (pixels from sharp).
 */

/** Decoded pixels, four bytes per pixel (RGBA), rows top to bottom, as ImageData and sharp give them. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** One-channel image of luminance values 0–255, row-major. */
export interface GrayImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** Keypoints with their 256-bit binary descriptors (8 × 32-bit words each). */
export interface DescribedKeypoints {
  /** Where each point is: canonical logo units in a fingerprint. */
  xs: Float32Array;
  ys: Float32Array;
  /** Size the point was described at, relative to the largest (1, 0.71, 0.5…). */
  scales: Float32Array;
  /** 8 words per keypoint. */
  descriptors: Uint32Array;
  count: number;
}

/** A decoded logo fingerprint: what `fingerprintLogo` encodes. */
export interface LogoFingerprint {
  version: number;
  /** Width and height of the logo's content box in reference pixels (the canonical frame). */
  width: number;
  height: number;
  /** Keypoints in canonical coordinates (0..width, 0..height) with the scale they were described at. */
  keypoints: DescribedKeypoints;
  /** A small grey thumbnail of the content box, used to verify a hypothesis densely. */
  thumbnail: GrayImage;
}

/** A logo the matcher looks for. */
export interface LogoReference {
  id: string;
  fingerprint: LogoFingerprint;
}

/** An axis-aligned box in the checked image's own pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LogoMatch {
  logoId: string;
  /** 0..1: how much of the logo's detail was found where the geometry says it should be. */
  score: number;
  box?: Box;
}
