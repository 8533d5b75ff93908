import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { launchWithExtension, setActiveConfig, TEST_PACK, type ExtensionBrowser } from './harness';

export const PUPIL_POST = 'Well done Grace Hetherington on the spelling bee';
export const BENIGN_POST = 'Lovely sunny walk by the river today';

export const DEFAULT_TEST_CONFIG = {
  pack: TEST_PACK,
  mode: 'warn',
  on: true,
  snoozedUntil: null,
  enabledSites: { facebook: true, x: true, instagram: true, linkedin: true },
};

interface Fixtures {
  sitePage: Page;
  /** Overrides for the active config written before the page opens. */
  config: Record<string, unknown>;
}

/**
 * One Chromium with the built extension per worker; each test gets a fresh page and the
 * network ledger is checked after every test: no request may leave for a real host.
 */
export const test = base.extend<Fixtures, { extensionBrowser: ExtensionBrowser }>({
  extensionBrowser: [
    async ({}, use) => {
      const browser = await launchWithExtension();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  config: [{}, { option: true }],
  sitePage: async ({ extensionBrowser, config }, use) => {
    await setActiveConfig(extensionBrowser.serviceWorker, { ...DEFAULT_TEST_CONFIG, ...config });
    extensionBrowser.ledger.reset();
    const page = await extensionBrowser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    await page.close();
    expect(extensionBrowser.ledger.disallowed, 'requests that would have left the browser').toEqual([]);
    expect(errors, 'page errors').toEqual([]);
  },
});

export { expect };

export const card = (page: Page): Locator => page.locator('[data-postcheck="card"]');
export const confirmCard = (page: Page): Locator => page.locator('[data-postcheck="confirm"]');
export const badges = (page: Page): Locator => page.locator('[data-postcheck="badge"]');
export const badgesIn = (page: Page, state: 'empty' | 'checking' | 'clear' | 'issues' | 'unreadable' | 'no-policy'): Locator =>
  page.locator(`[data-postcheck="badge"][data-state="${state}"]`);

export async function typeInto(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.type(text);
}

export async function clearEditor(page: Page, editor: Locator): Promise<void> {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
}
