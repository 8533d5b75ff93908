import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
export { logoDetailWarning } from '../rules/logo/fingerprint';
import { checkImage, type LogoCheckInput } from '../rules/logo/check-image';
import { fingerprintLogo, logoRefusal } from '../rules/logo/fingerprint';
import type { RgbaImage } from '../rules/logo/types';
import type { Finding } from '../rules/types';

/*
 * Node side of logo checking: files → pixels with sharp, then the same pure
 * matcher the content script runs on pixels from OffscreenCanvas.
 */

/** Decodes a PNG, JPEG or WebP file to RGBA pixels; throws an Error naming the file and the problem. */
export async function decodeImageFile(path: string): Promise<RgbaImage> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not an image file' : (error as Error).message;
    throw new Error(`${path}: cannot read the image (${why})`);
  }
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error' })
      .rotate() // honour EXIF orientation, as a browser does
      .toColourspace('srgb') // grey and CMYK files become RGB, as a canvas gives them
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (error) {
    throw new Error(`${path}: not a readable PNG, JPEG or WebP image (${(error as Error).message})`);
  }
}

/**
 * The fingerprint text to put in a pack's `logos[].fingerprint`, made from the school's logo file.
 * Throws naming the file when the image is unreadable, or blank, flat or near-featureless (logoRefusal).
 */
export async function fingerprintLogoFile(path: string): Promise<string> {
  const image = await decodeImageFile(path);
  let fingerprint: string;
  try {
    fingerprint = fingerprintLogo(image);
  } catch (error) {
    throw new Error(`${path}: cannot fingerprint this logo (${(error as Error).message})`);
  }
  const refusal = logoRefusal(fingerprint);
  if (refusal) throw new Error(`${path}: not fingerprinted: ${refusal}`);
  return fingerprint;
}

/** Checks each image file against the pack's logos, in order. */
export async function checkImageFiles(compiled: LogoCheckInput, paths: readonly string[]): Promise<{ image: string; findings: Finding[] }[]> {
  const results: { image: string; findings: Finding[] }[] = [];
  for (const path of paths) {
    const image = await decodeImageFile(path);
    results.push({ image: path, findings: checkImage(compiled, image) });
  }
  return results;
}
