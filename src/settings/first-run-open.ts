import { browser } from 'wxt/browser';
import { FIRST_RUN_STORAGE_KEY, shouldOpenFirstRun } from './first-run';

/** Opens the first-run page once, on install, unless the managed policy makes it pointless. */
export async function openFirstRunOnce(): Promise<void> {
  const stored = await browser.storage.local.get(FIRST_RUN_STORAGE_KEY);
  if (stored[FIRST_RUN_STORAGE_KEY]) return;
  let managed: unknown = {};
  try {
    managed = await browser.storage.managed.get();
  } catch {
    // No managed storage (Firefox without policies.json, or no schema): unmanaged.
  }
  await browser.storage.local.set({ [FIRST_RUN_STORAGE_KEY]: Date.now() });
  if (!shouldOpenFirstRun(managed)) return;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
