import type { ImageForCheck, ImagePart } from '../messaging';
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
 * Files up to this size travel to the service worker as they are, in parts, and are decoded
 * there, off the page's thread; bigger ones are decoded and downscaled here first.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** One part per message: ~350 k characters of base64, about a millisecond to serialise. */
export const PART_BYTES = 256 * 1024;
export const MAX_PARTS = MAX_FILE_BYTES / PART_BYTES;

/**
 * Sends an attached file to the background in parts (each read and encoded in its own task)
 * and returns the message that has it checked; or pixels, for a file too big to send.
 */
export async function fileForCheck(file: Blob, sendPart: (part: ImagePart) => Promise<boolean>): Promise<ImageForCheck | null> {
  if (file.size > MAX_FILE_BYTES) {
    const image = await readImagePixels(file);
    if (!image) return null;
    const bytes = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    return { kind: 'rgba', width: image.width, height: image.height, base64: bytesToBase64(bytes) };
  }
  const upload = crypto.randomUUID();
  const count = Math.max(1, Math.ceil(file.size / PART_BYTES));
  for (let index = 0; index < count; index++) {
    const bytes = new Uint8Array(await file.slice(index * PART_BYTES, (index + 1) * PART_BYTES).arrayBuffer());
    if (!(await sendPart({ upload, index, base64: bytesToBase64(bytes) }))) return null;
  }
  return { kind: 'parts', upload, count, type: file.type };
}

/** Files arriving in parts, by upload id (service worker side). */
export class PartsInbox {
  private readonly uploads = new Map<string, { parts: Uint8Array[]; startedAt: number }>();

  constructor(private readonly maxAgeMs = 60_000) {}

  receive(message: unknown): boolean {
    if (typeof message !== 'object' || message === null) return false;
    const { upload, index, base64 } = message as Record<string, unknown>;
    if (typeof upload !== 'string' || typeof index !== 'number' || typeof base64 !== 'string' || !Number.isInteger(index) || index < 0 || index >= MAX_PARTS) return false;
    const now = Date.now();
    // Uploads whose check never came (the tab closed) are dropped after a minute.
    for (const [id, entry] of this.uploads) if (now - entry.startedAt > this.maxAgeMs) this.uploads.delete(id);
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(base64);
    } catch {
      return false;
    }
    if (bytes.length > PART_BYTES) return false;
    const entry = this.uploads.get(upload) ?? { parts: [], startedAt: now };
    entry.parts[index] = bytes;
    this.uploads.set(upload, entry);
    return true;
  }

  /** The whole file, once every part has arrived; the upload is forgotten either way. */
  take(upload: string, count: number, type: string): Blob | null {
    const entry = this.uploads.get(upload);
    this.uploads.delete(upload);
    if (!entry || entry.parts.length !== count) return null;
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for (let index = 0; index < count; index++) {
      const part = entry.parts[index];
      if (!part) return null;
      parts.push(part as Uint8Array<ArrayBuffer>);
    }
    return new Blob(parts, { type });
  }
}

/** The pixels a check message stands for, decoded and downscaled; null when they do not add up (never trust a message's shape). */
export async function pixelsOf(message: unknown, inbox: PartsInbox): Promise<RgbaImage | null> {
  if (typeof message !== 'object' || message === null) return null;
  const { kind, base64, type, width, height, upload, count } = message as Record<string, unknown>;
  if (kind === 'parts') {
    if (typeof upload !== 'string' || typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_PARTS) return null;
    const file = inbox.take(upload, count, typeof type === 'string' ? type : '');
    return file ? readImagePixels(file) : null;
  }
  if (kind !== 'rgba' || typeof base64 !== 'string' || typeof width !== 'number' || typeof height !== 'number') return null;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || Math.max(width, height) > MAX_IMAGE_SIDE) return null;
  let data: Uint8Array;
  try {
    data = base64ToBytes(base64);
  } catch {
    return null;
  }
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
