import { browser } from 'wxt/browser';
import { requestActiveConfig } from '../messaging';
import type { ActiveConfig } from '../settings/active';

/** When the service worker cannot answer (extension just updated, or shutting down). */
const OFF_CONFIG: ActiveConfig = {
  pack: null,
  mode: 'warn',
  enabledSites: { facebook: false, x: false, instagram: false, linkedin: false },
  snoozedUntil: null,
  on: false,
};

/** The active config, from the background (which merges managed policy over local settings). */
export async function fetchActiveConfig(): Promise<ActiveConfig> {
  for (const delay of [0, 250, 1_000, 3_000]) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      const config = await requestActiveConfig();
      if (config) return config;
    } catch {
      // The service worker was starting or restarting: ask again.
    }
  }
  return OFF_CONFIG;
}

/**
 * Calls `onChange` with a fresh config after any change to local or managed storage; the
 * background works out whether it affects the effective settings. Returns the unsubscribe.
 */
export function watchActiveConfigFromBackground(onChange: (config: ActiveConfig) => void): () => void {
  let latest = 0;
  const listener = (_changes: unknown, areaName: string) => {
    if (areaName !== 'local' && areaName !== 'managed') return;
    const call = ++latest;
    void fetchActiveConfig().then((config) => {
      if (call === latest) onChange(config);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
