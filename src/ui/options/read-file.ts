import { PACK_LIMITS } from '../../rules/pack/schema';

/**
 * A dropped or picked file as text. Refused unread when it is over the limit; decoded as UTF-8
 * leaving U+FFFD for bytes that are not, which the pack and CSV readers report as the wrong encoding.
 */
export async function readTextFile(file: File): Promise<{ text: string } | { problem: string }> {
  if (file.size > PACK_LIMITS.maxBytes) {
    return { problem: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the most PostCheck takes is ${PACK_LIMITS.maxBytes / 1024 / 1024} MB` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes) };
}
