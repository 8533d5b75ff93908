import * as z from 'zod';
import { serveImageCheck } from '../messaging';
import { checkImage, type LogoCheckInput } from '../rules/logo';
import type { RgbaImage } from '../rules/logo/types';
import { CategorySettingsSchema, LogoSchema, PolicySchema } from '../rules/pack/schema';
import { checkPhoto, type DetectedFace, type PhotoCheckInput } from '../rules/photos/check-photo';
import type { Finding } from '../rules/types';
import { PartsInbox, pixelsOf } from './pixels';

/**
 * The background's half of the image check: the school's logo (~80 ms of CPU, ≈200 ms the
 * first time) and people's faces (src/images/faces.ts). Both run here in the background
 * instead of on the page's main thread, where they would hold up typing, and so does
 * decoding the file (~100 ms of the page's thread for a 12-megapixel photo). The file's bytes
 * come from the content script; neither the image nor what was found leaves the browser.
 */

/** Only what the image checks read; the rest of the pack (pupil lists…) is not parsed per image. */
const ImagePackSchema = z.object({
  policy: PolicySchema,
  categories: z.object({ logo: z.optional(CategorySettingsSchema), photos: z.optional(CategorySettingsSchema) }),
  logos: z.array(LogoSchema).default([]),
});

interface ImageChecks {
  logo: LogoCheckInput | null;
  photos: PhotoCheckInput | null;
}

let cached: { key: string; checks: ImageChecks } | null = null;

function imageChecksOf(pack: unknown): ImageChecks {
  const none: ImageChecks = { logo: null, photos: null };
  if (typeof pack !== 'object' || pack === null) return none;
  const { policy, categories, logos } = pack as Record<string, unknown>;
  const settings = typeof categories === 'object' && categories !== null ? (categories as Record<string, unknown>) : {};
  const { logo, photos } = settings;
  // Fingerprints are decoded and checked once per pack, not once per image.
  const key = JSON.stringify([policy, logo, photos, logos]);
  if (cached?.key === key) return cached.checks;
  const parsed = ImagePackSchema.safeParse({ policy, categories: { logo, photos }, logos: Array.isArray(logos) ? logos : [] });
  const checks: ImageChecks = parsed.success
    ? {
        logo: parsed.data.categories.logo && parsed.data.logos.length > 0 ? { pack: parsed.data } : null,
        photos: parsed.data.categories.photos && parsed.data.categories.photos.enabled !== false ? { pack: parsed.data } : null,
      }
    : none;
  cached = { key, checks };
  return checks;
}

export type FaceDetection = (image: RgbaImage) => Promise<DetectedFace[]>;

/**
 * Logo and photo findings for one attached image. A detector that fails (its model could not
 * load) yields no photo findings rather than losing the logo's.
 */
export async function checkImageForPack(getPack: () => Promise<unknown>, message: unknown, inbox: PartsInbox, detectFaces: FaceDetection): Promise<Finding[]> {
  const image = await pixelsOf(message, inbox);
  if (!image) return [];
  const checks = imageChecksOf(await getPack());
  const findings = checks.logo ? checkImage(checks.logo, image) : [];
  if (checks.photos) {
    let faces: DetectedFace[] = [];
    try {
      faces = await detectFaces(image);
    } catch (error) {
      console.warn('PostCheck: the face detector could not run, so photos were not checked for people.', error);
    }
    findings.push(...checkPhoto(checks.photos, faces));
  }
  return findings;
}

/** Answers the content scripts' image checks against the active pack; returns the unsubscribe. */
export function serveImageChecks(getPack: () => Promise<unknown>, detectFaces: FaceDetection): () => void {
  const inbox = new PartsInbox();
  return serveImageCheck(
    (part) => inbox.receive(part),
    (image) => checkImageForPack(getPack, image, inbox, detectFaces),
  );
}
