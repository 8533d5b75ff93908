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

/**
 * Files up to this size travel to the service worker as they are, and are decoded there, off
 * the page's thread; bigger ones are decoded and downscaled here first (a message must stay
 * well under Chrome's 64 MB, and base64 adds a third).
 */
export const MAX_FILE_BYTES = 24 * 1024 * 1024;

export async function fileForCheck(file: Blob): Promise<ImageForCheck | null> {
  if (file.size <= MAX_FILE_BYTES) return { kind: 'file', type: file.type, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
  const image = await readImagePixels(file);
  if (!image) return null;
  const bytes = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return { kind: 'rgba', width: image.width, height: image.height, base64: bytesToBase64(bytes) };
}

/** The pixels a message carries, decoded and downscaled; null when they do not add up (never trust a message's shape). */
export async function pixelsOf(message: unknown): Promise<RgbaImage | null> {
  if (typeof message !== 'object' || message === null) return null;
  const { kind, base64, type, width, height } = message as Record<string, unknown>;
  if (typeof base64 !== 'string') return null;
  let data: Uint8Array;
  try {
    data = base64ToBytes(base64);
  } catch {
    return null;
  }
  if (kind === 'file') return readImagePixels(new Blob([data as Uint8Array<ArrayBuffer>], { type: typeof type === 'string' ? type : '' }));
  if (kind !== 'rgba' || typeof width !== 'number' || typeof height !== 'number') return null;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || Math.max(width, height) > MAX_IMAGE_SIDE) return null;
  return data.length === width * height * 4 ? { width, height, data } : null;
}

/**
 * Decodes an image file to RGBA, downscaled to MAX_IMAGE_SIDE on its longer side (orientation
 * from EXIF, as the sites show it). In a page this costs the main thread ~100 ms for a
 * 12-megapixel photo (Chrome finishes ImageBitmaps there), which is why the service worker
 * does it for all but oversized files. Null when the browser cannot decode the file, or the
 * canvas is tainted.
 */
export async function readImagePixels(blob: Blob): Promise<RgbaImage | null> {
  let bitmap: ImageBitmap | null = null;
  try {
    bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
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
    bitmap?.close();
  }
}
