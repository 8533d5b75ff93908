import type { Worker } from '@playwright/test';
import { CHROMIUM_EXTENSION_ID } from '../../wxt.config';
import type { ExtensionBrowser } from './harness';

/**
 * Reloads the extension the way an update lands (the running copy is invalidated, a new service
 * worker takes over) and returns the new worker, also set on `browser`.
 *
 * Chromium starts the new worker only when an event needs it. Usually that is at once, but
 * now and then nothing does until a content script on a newly loaded page asks it for the
 * config; the test would then wait out its whole timeout. So once the old worker has gone, an
 * extension page sends the new one the message a content script would.
 */
export async function reloadExtension(browser: ExtensionBrowser, timeoutMs = 20_000): Promise<Worker> {
  const old = browser.serviceWorker;
  let oldClosed = false;
  old.on('close', () => (oldClosed = true));
  const started = browser.context.waitForEvent('serviceworker', { predicate: (worker) => worker !== old, timeout: timeoutMs }).catch(() => null);
  await old.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  let wakeAt: number | null = null;
  let wakes = 0;
  let fresh: Worker | null = null;
  while (!fresh && Date.now() < deadline) {
    fresh = browser.context.serviceWorkers().find((worker) => worker !== old) ?? null;
    if (fresh) break;
    if (oldClosed) wakeAt ??= Date.now() + 1_000;
    if (wakeAt !== null && Date.now() >= wakeAt) {
      // Refused (ERR_BLOCKED_BY_CLIENT) while the extension is still being loaded again: retry.
      wakeAt = Date.now() + 1_000;
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
  if (!fresh) {
    throw new Error(`No new service worker ${timeoutMs} ms after chrome.runtime.reload() (old worker closed: ${oldClosed}; workers listed: ${browser.context.serviceWorkers().length}; wake attempts: ${wakes})`);
  }
  browser.serviceWorker = fresh;
  return fresh;
}
