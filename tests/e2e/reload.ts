import type { Worker } from '@playwright/test';
import { CHROMIUM_EXTENSION_ID } from '../../wxt.config';
import type { ExtensionBrowser } from './harness';

/**
 * Asks the extension to reload, the way an update lands, and resolves with the old service
 * worker once it has gone: from then on every content script of the old copy is invalidated.
 */
export async function requestExtensionReload(browser: ExtensionBrowser, timeoutMs = 20_000): Promise<Worker> {
  const old = browser.serviceWorker;
  const closed = old.waitForEvent('close', { timeout: timeoutMs });
  await old.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  await closed;
  return old;
}

/**
 * The service worker of the reloaded copy, also set on `browser`. Chromium starts it when an
 * event needs it, usually at once; when nothing does, an extension page sends it the message a
 * content script on a newly loaded page would. Now and then, on this machine, the reloaded copy
 * takes many seconds to load again (its pages are refused, ERR_BLOCKED_BY_CLIENT, meanwhile), so
 * the wait is long and the error says what was seen.
 */
export async function newServiceWorker(browser: ExtensionBrowser, old: Worker, timeoutMs = 60_000): Promise<Worker> {
  const started = browser.context.waitForEvent('serviceworker', { predicate: (worker) => worker !== old, timeout: timeoutMs }).catch(() => null);
  const deadline = Date.now() + timeoutMs;
  let wakeAt = Date.now() + 1_000;
  let wakes = 0;
  let fresh: Worker | null = null;
  while (!fresh && Date.now() < deadline) {
    fresh = browser.context.serviceWorkers().find((worker) => worker !== old) ?? null;
    if (fresh) break;
    if (Date.now() >= wakeAt) {
      wakeAt = Date.now() + 2_000;
      wakes += 1;
      const page = await browser.context.newPage();
      await page
        .goto(`chrome-extension://${CHROMIUM_EXTENSION_ID}/popup.html`)
        .then(() => page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'postcheck:get-active-config' })))
        .catch(() => undefined);
      await page.close();
    }
    fresh = await Promise.race([started, new Promise<null>((resolve) => setTimeout(() => resolve(null), 250))]);
  }
  if (!fresh) throw new Error(`The reloaded extension started no service worker within ${timeoutMs} ms (workers listed: ${browser.context.serviceWorkers().length}; wake attempts: ${wakes})`);
  browser.serviceWorker = fresh;
  return fresh;
}

/** Both of the above: reload, and return the new copy's service worker. */
export async function reloadExtension(browser: ExtensionBrowser): Promise<Worker> {
  return newServiceWorker(browser, await requestExtensionReload(browser));
}
