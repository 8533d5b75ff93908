import { z } from 'zod';
import { serveImageCheck } from '../messaging';
import { checkImage, type LogoCheckInput } from '../rules/logo';
import { CategorySettingsSchema, LogoSchema, PolicySchema } from '../rules/pack/schema';
import type { Finding } from '../rules/types';
import { PartsInbox, pixelsOf } from './pixels';

/**
 * The background's half of the logo check. The match costs ~80 ms of CPU (≈200 ms the first
 * time), so it runs here in the service worker instead of on the page's main thread, where it
 * would hold up typing, and so does decoding the file (~100 ms of the page's thread for a
 * 12-megapixel photo). The file's bytes come from the content script; nothing leaves the browser.
 */

/** Only what checkImage reads; the rest of the pack (pupil lists…) is not parsed per image. */
const LogoPackSchema = z.object({
  policy: PolicySchema,
  categories: z.object({ logo: CategorySettingsSchema.optional() }),
  logos: z.array(LogoSchema).default([]),
});

let cached: { key: string; input: LogoCheckInput | null } | null = null;

function logoInputOf(pack: unknown): LogoCheckInput | null {
  if (typeof pack !== 'object' || pack === null) return null;
  const { policy, categories, logos } = pack as Record<string, unknown>;
  const logo = typeof categories === 'object' && categories !== null ? (categories as Record<string, unknown>).logo : undefined;
  if (!Array.isArray(logos) || logos.length === 0 || logo === undefined) return null;
  // Fingerprints are decoded and checked once per pack, not once per image.
  const key = JSON.stringify([policy, logo, logos]);
  if (cached?.key === key) return cached.input;
  const parsed = LogoPackSchema.safeParse({ policy, categories: { logo }, logos });
  cached = { key, input: parsed.success ? { pack: parsed.data } : null };
  return cached.input;
}

export async function checkImageForPack(getPack: () => Promise<unknown>, message: unknown, inbox: PartsInbox): Promise<Finding[]> {
  const image = await pixelsOf(message, inbox);
  const input = logoInputOf(await getPack());
  return image && input ? checkImage(input, image) : [];
}

/** Answers the content scripts' image checks against the active pack; returns the unsubscribe. */
export function serveLogoChecks(getPack: () => Promise<unknown>): () => void {
  const inbox = new PartsInbox();
  return serveImageCheck(
    (part) => inbox.receive(part),
    (image) => checkImageForPack(getPack, image, inbox),
  );
}
