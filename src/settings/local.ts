import { browser } from 'wxt/browser';
import { ACTIVE_CONFIG_STORAGE_KEY } from './active';
import { readLocalSettings } from './resolve';
import { LocalSettingsSchema, type LocalSettings } from './schema';

/**
 * Writes some local settings, keeping the rest. Values are checked against the schema first, so
 * nothing malformed is ever stored; a locked policy still wins on read (resolve.ts).
 */
export async function updateLocalSettings(patch: Partial<LocalSettings>): Promise<LocalSettings> {
  const stored = await browser.storage.local.get(ACTIVE_CONFIG_STORAGE_KEY);
  const current = readLocalSettings(stored[ACTIVE_CONFIG_STORAGE_KEY]);
  const next = LocalSettingsSchema.parse({ ...current, ...patch });
  await browser.storage.local.set({ [ACTIVE_CONFIG_STORAGE_KEY]: next });
  return next;
}
