import { browser } from 'wxt/browser';
import { isManagedPolicyEmpty, MANAGED_CACHE_STORAGE_KEY, readManagedCache, readManagedPolicy, type ManagedCache } from './managed';

/**
 * At browser start storage.managed can read `{}` for seconds before the policy loads
 * (design/managed-policy.md §1.5). An empty read only clears the cached policy once it has stayed
 * empty this long after the background started; until then the cache stays in force.
 */
export const EMPTY_POLICY_GRACE_MS = 15_000;

async function readManagedStorage(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get()) as Record<string, unknown>;
  } catch {
    // Firefox rejects when no policy is configured ("Managed storage manifest not found").
    return {};
  }
}

async function readCache(): Promise<ManagedCache | null> {
  const stored = await browser.storage.local.get(MANAGED_CACHE_STORAGE_KEY);
  return readManagedCache(stored[MANAGED_CACHE_STORAGE_KEY]);
}

/** Reads storage.managed, validates it key by key, and stores the result as the cache everyone reads. */
export async function syncManagedPolicy(options: { startedAt: number; now?: () => number }): Promise<ManagedCache | null> {
  const now = options.now ?? Date.now;
  const raw = await readManagedStorage();
  const previous = await readCache();
  if (Object.keys(raw).length === 0) {
    if (!previous) return null;
    // Not yet loaded, or really removed? Only time tells; keep the cache until the grace ends.
    if (now() - options.startedAt < EMPTY_POLICY_GRACE_MS) return previous;
    await browser.storage.local.remove(MANAGED_CACHE_STORAGE_KEY);
    return null;
  }
  const { policy, problems } = readManagedPolicy(raw, previous?.policy);
  const cache: ManagedCache = { policy, problems, savedAt: now() };
  if (isManagedPolicyEmpty(policy) && !previous && problems.length === 0) return null;
  await browser.storage.local.set({ [MANAGED_CACHE_STORAGE_KEY]: cache });
  return cache;
}

/**
 * Keeps the cache current: at start, again once the start-up grace has passed, and on every
 * `storage.onChanged` in area `managed` (Chromium applies policy changes without a restart;
 * Firefox only reads policies at start). Returns the unsubscribe.
 */
export function watchManagedPolicy(): () => void {
  const startedAt = Date.now();
  const sync = () => void syncManagedPolicy({ startedAt }).catch((error: unknown) => console.error('PostCheck: could not read the managed policy', error));
  const listener = (_changes: unknown, areaName: string) => {
    if (areaName === 'managed') sync();
  };
  browser.storage.onChanged.addListener(listener);
  sync();
  const retry = setTimeout(sync, EMPTY_POLICY_GRACE_MS + 500);
  return () => {
    clearTimeout(retry);
    browser.storage.onChanged.removeListener(listener);
  };
}
