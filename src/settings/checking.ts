import type { ActiveConfig, SiteId } from './active';

/**
 * Whether PostCheck should attach anything at all on this site right now. Kept free of the
 * settings schemas (zod) because the content script runs it on every page load.
 */
export function isCheckingOn(config: Pick<ActiveConfig, 'on' | 'enabledSites' | 'snoozedUntil'>, site: SiteId, now: number = Date.now()): boolean {
  if (!config.on || !config.enabledSites[site]) return false;
  return config.snoozedUntil === null || config.snoozedUntil <= now;
}
