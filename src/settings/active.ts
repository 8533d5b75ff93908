import { browser } from 'wxt/browser';
import generalPack from '../../assets/packs/general.json';
import { MANAGED_CACHE_STORAGE_KEY, readManagedCache } from './managed';
import { packWithNames, resolveSettings, type EffectiveSettings } from './resolve';
import { SITE_IDS, type EnabledSites, type SiteId } from './schema';

export { SITE_IDS, type SiteId };

/** What the content script needs to know to check posts on a page. */
export interface ActiveConfig {
  /**
   * The rule pack as JSON (validated by `compilePack`), with the imported pupil and staff lists
   * already merged into its `people`: the school's own, or the built-in general pack when the
   * school has not loaded one. Null only when the background cannot answer.
   */
  pack: unknown;
  /** `block`: findings at block severity cannot be posted until the text changes. */
  mode: 'warn' | 'block';
  enabledSites: EnabledSites;
  /** Epoch milliseconds; PostCheck stays out of the way until then. */
  snoozedUntil: number | null;
  on: boolean;
  /** Whether to record events in the local event log (src/store/events.ts). */
  eventLog?: boolean;
  /** The school's name when an IT manager's policy is in force. */
  managedBy?: string | null;
  /** The pack's name, id and version, for the popup; `general` when it is the built-in general pack. */
  packLabel?: { school: string; id: string; version: string; general?: boolean } | null;
}

/**
 * storage.local key of the local settings (schema.ts `LocalSettingsSchema`: on, mode, sites,
 * snooze, event log, the active pack and name lists). `npm start` and the e2e tests preload a
 * pack by writing `{ pack, mode, ... }` here from the service worker; that still works.
 */
export const ACTIVE_CONFIG_STORAGE_KEY = 'postcheck.config';

function packLabelOf(pack: unknown): ActiveConfig['packLabel'] {
  if (typeof pack !== 'object' || pack === null) return null;
  const { id, version, school } = pack as { id?: unknown; version?: unknown; school?: { name?: unknown } };
  if (typeof id !== 'string') return null;
  return { id, version: typeof version === 'string' ? version : '1', school: typeof school?.name === 'string' ? school.name : id };
}

/**
 * The built-in general pack (assets/packs/general.json): Durham County Council's model policy,
 * checked until the school loads its own pack, so a fresh install is useful from the first post.
 */
export const GENERAL_PACK: unknown = generalPack;
export const GENERAL_PACK_ID = generalPack.id;

export function toActiveConfig(settings: EffectiveSettings): ActiveConfig {
  const general = settings.pack === null || settings.pack === undefined;
  const pack = general ? GENERAL_PACK : settings.pack;
  const label = packLabelOf(pack);
  return {
    pack: packWithNames(pack, settings.pupils, settings.staff),
    mode: settings.mode,
    enabledSites: settings.enabledSites,
    snoozedUntil: settings.snoozedUntil,
    on: settings.on,
    eventLog: settings.eventLog,
    managedBy: settings.managedBy,
    packLabel: label && general ? { ...label, general: true } : label,
  };
}

/** Local settings, then the cached managed policy over them (the background keeps that cache current). */
export async function getEffectiveSettings(): Promise<EffectiveSettings> {
  const stored = await browser.storage.local.get([ACTIVE_CONFIG_STORAGE_KEY, MANAGED_CACHE_STORAGE_KEY]);
  return resolveSettings(stored[ACTIVE_CONFIG_STORAGE_KEY], readManagedCache(stored[MANAGED_CACHE_STORAGE_KEY]));
}

export async function getActiveConfig(): Promise<ActiveConfig> {
  return toActiveConfig(await getEffectiveSettings());
}

/** Calls `onChange` with the new settings whenever local settings or the managed policy change; returns the unsubscribe. */
export function watchEffectiveSettings(onChange: (settings: EffectiveSettings) => void): () => void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'local' || !(ACTIVE_CONFIG_STORAGE_KEY in changes || MANAGED_CACHE_STORAGE_KEY in changes)) return;
    // Re-read both keys: a change event carries only the one that changed. Only the newest read reports.
    const call = ++latest;
    void getEffectiveSettings().then((settings) => {
      if (call === latest) onChange(settings);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls `onChange` with the new config whenever it changes; returns the unsubscribe. */
export function watchActiveConfig(onChange: (config: ActiveConfig) => void): () => void {
  return watchEffectiveSettings((settings) => onChange(toActiveConfig(settings)));
}

export { isCheckingOn } from './checking';
