import type { EnabledSites, SiteId } from './schema';

/** The part of the active configuration that says whether to check (ActiveConfig has it). */
export interface CheckingSwitches {
  on: boolean;
  enabledSites: EnabledSites;
  snoozedUntil: number | null;
}

/**
 * Whether PostCheck should attach anything at all on this site right now. Kept free of the
 * settings schemas (zod) because the content script runs it on every page load.
 */
export function isCheckingOn(config: CheckingSwitches, site: SiteId, now: number = Date.now()): boolean {
  if (!config.on || !config.enabledSites[site]) return false;
  return config.snoozedUntil === null || config.snoozedUntil <= now;
}
