import { isCheckingOn } from '../../settings/checking';
import type { EffectiveSettings } from '../../settings/resolve';
import type { SiteId } from '../../settings/schema';

export type TabState = 'checking' | 'not-checking-here' | 'snoozed' | 'off' | 'site-off' | 'on';

/** `site`: the tab's site, null when it is not one PostCheck checks, undefined when the browser did not say. */
export function stateOnSite(settings: EffectiveSettings, site: SiteId | null | undefined, now: number): TabState {
  if (!settings.on) return 'off';
  if (settings.snoozedUntil !== null && settings.snoozedUntil > now) return 'snoozed';
  if (site === undefined) return 'on';
  if (site === null) return 'not-checking-here';
  return isCheckingOn(settings, site, now) ? 'checking' : 'site-off';
}
