import type { ImageForCheck } from '../messaging';
import type { RgbaImage } from '../rules/logo/types';

/** Attached images are read at most this big on their longer side; the matcher works at ≤ 800 px anyway. */
export const MAX_IMAGE_SIDE = 800;

/** Native base64 on typed arrays (Chrome 140+, Firefox 133+); TypeScript's DOM lib does not type it yet. */
interface Base64Bytes {
  toBase64?: () => string;
}
interface Base64BytesConstructor {
  fromBase64?: (text: string) => Uint8Array;
}

const CHUNK = 0x8000;

function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & Base64Bytes).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64BytesConstructor).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toImageForCheck(image: RgbaImage): ImageForCheck {
  const bytes = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return { width: image.width, height: image.height, rgbaBase64: bytesToBase64(bytes) };
}

/** The pixels back from a message; null when the sizes do not add up (never trust a message's shape). */
export function fromImageForCheck(image: unknown): RgbaImage | null {
  if (typeof image !== 'object' || image === null) return null;
  const { width, height, rgbaBase64 } = image as Partial<Record<keyof ImageForCheck, unknown>>;
  if (typeof width !== 'number' || typeof height !== 'number' || typeof rgbaBase64 !== 'string') return null;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || Math.max(width, height) > MAX_IMAGE_SIDE) return null;
  let data: Uint8Array;
  try {
    data = base64ToBytes(rgbaBase64);
  } catch {
    return null;
  }
  return data.length === width * height * 4 ? { width, height, data } : null;
}

/**
 * Decodes an attached image file to RGBA, downscaled to MAX_IMAGE_SIDE. createImageBitmap
 * decodes and resizes off the main thread; only the small draw and read-back run on it.
 * Null when the file is not an image the browser can decode, or the canvas is tainted.
 */
export async function readImagePixels(blob: Blob): Promise<RgbaImage | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    return null;
  }
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  try {
    if (scale < 1) {
      const full = bitmap;
      bitmap = await createImageBitmap(full, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
      full.close();
    }
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(bitmap, 0, 0);
    // A cross-origin image would taint the canvas and throw here: such images are not checked.
    const { data } = context.getImageData(0, 0, width, height);
    return { width, height, data };
  } catch {
    return null;
  } finally {
    bitmap.close();
  }
}
