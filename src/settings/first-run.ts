import { SITE_IDS } from './schema';

/** storage.local key: set once the first-run page has been opened, so it never opens twice. */
export const FIRST_RUN_STORAGE_KEY = 'postcheck.firstRunShown';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether to open the first-run page after install. Not when the IT team's policy supplies the
 * pack (staff have nothing to load) or turns PostCheck off on every site (nothing to show).
 */
export function shouldOpenFirstRun(managedRaw: unknown): boolean {
  if (!isRecord(managedRaw)) return true;
  if (managedRaw.schoolPack !== undefined || managedRaw.schoolPackJson !== undefined) return false;
  const sites = managedRaw.enabledSites;
  if (isRecord(sites) && SITE_IDS.every((site) => sites[site] === false)) return false;
  return true;
}
