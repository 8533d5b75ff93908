import { browser } from 'wxt/browser';

export const SITE_IDS = ['facebook', 'x', 'instagram', 'linkedin'] as const;
export type SiteId = (typeof SITE_IDS)[number];

/** What the content script needs to know to check posts on a page. */
export interface ActiveConfig {
  /** The school's rule pack as JSON (validated by `compilePack`), or null when none is installed. */
  pack: unknown;
  /** `block`: findings at block severity cannot be posted until the text changes. */
  mode: 'warn' | 'block';
  enabledSites: Record<SiteId, boolean>;
  /** Epoch milliseconds; PostCheck stays out of the way until then. */
  snoozedUntil: number | null;
  on: boolean;
}

/**
 * Where the active config lives until the settings issue brings dexie and managed policy:
 * `browser.storage.local`, key `postcheck.config`, value a (possibly partial) `ActiveConfig`.
 * `npm start` and the e2e tests preload a pack by writing this key from the service worker.
 */
export const ACTIVE_CONFIG_STORAGE_KEY = 'postcheck.config';

export const DEFAULT_ACTIVE_CONFIG: ActiveConfig = {
  pack: null,
  mode: 'warn',
  enabledSites: { facebook: true, x: true, instagram: true, linkedin: true },
  snoozedUntil: null,
  on: true,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fills missing or malformed keys from the defaults, so a half-written config never breaks a page. */
export function normaliseActiveConfig(stored: unknown): ActiveConfig {
  if (!isRecord(stored)) return structuredClone(DEFAULT_ACTIVE_CONFIG);
  const enabledSites = { ...DEFAULT_ACTIVE_CONFIG.enabledSites };
  if (isRecord(stored.enabledSites)) {
    for (const site of SITE_IDS) {
      const value = stored.enabledSites[site];
      if (typeof value === 'boolean') enabledSites[site] = value;
    }
  }
  return {
    pack: stored.pack ?? null,
    mode: stored.mode === 'block' ? 'block' : 'warn',
    enabledSites,
    snoozedUntil: typeof stored.snoozedUntil === 'number' ? stored.snoozedUntil : null,
    on: typeof stored.on === 'boolean' ? stored.on : true,
  };
}

export async function getActiveConfig(): Promise<ActiveConfig> {
  const stored = await browser.storage.local.get(ACTIVE_CONFIG_STORAGE_KEY);
  return normaliseActiveConfig(stored[ACTIVE_CONFIG_STORAGE_KEY]);
}

/** Calls `onChange` with the new config whenever it is rewritten; returns the unsubscribe. */
export function watchActiveConfig(onChange: (config: ActiveConfig) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    const change = changes[ACTIVE_CONFIG_STORAGE_KEY];
    if (areaName === 'local' && change) onChange(normaliseActiveConfig(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whether PostCheck should attach anything at all on this site right now. */
export function isCheckingOn(config: ActiveConfig, site: SiteId, now: number = Date.now()): boolean {
  if (!config.on || !config.enabledSites[site]) return false;
  return config.snoozedUntil === null || config.snoozedUntil <= now;
}
