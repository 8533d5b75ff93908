import { highlightedTexts, postedTexts } from './harness';
import { reloadExtension } from './reload';
import { SITE_FIXTURES } from './sites';
import { badges, card, expect, PUPIL_POST, test, typeInto } from './test';

/** Issue 6: navigation and extension updates leave exactly one session, or none, behind. */
for (const fixture of SITE_FIXTURES) {
  test(`${fixture.site}: navigating away from a composer and back leaves exactly one session`, async ({ sitePage: page }) => {
    const composer = fixture.afterNavigation;
    await page.goto(composer.url);
    await expect(composer.editor(page)).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Primary' });
    for (let round = 0; round < 3; round++) {
      await nav.getByRole('link', { name: 'Unreadable', exact: true }).click();
      await expect(composer.editor(page)).toHaveCount(0);
      await nav.getByRole('link', { name: composer.navLink, exact: true }).click();
      await expect(composer.editor(page)).toBeVisible();
    }
    await typeInto(page, composer.editor(page), PUPIL_POST);
    await expect(page.locator('[data-postcheck="badge"][data-state="issues"]')).toHaveCount(1);
    await expect(page.locator('postcheck-layer')).toHaveCount(1);
    await expect(card(page)).toHaveCount(1);
    expect(await highlightedTexts(page)).toEqual(['Grace Hetherington']);
  });
}

test.describe('extension reload', () => {
  // Chromium sometimes fails to bring an unpacked extension back after chrome.runtime.reload()
  // (its pages answer ERR_BLOCKED_BY_CLIENT and no service worker starts). A retry is reported
  // as flaky, never hidden; a real regression fails every attempt.
  test.describe.configure({ retries: 2 });

  test('reloading the extension under an open composer leaves no badge, card or underline, and no errors', async ({ sitePage: page, extensionBrowser }) => {
    test.setTimeout(90_000);
    const composer = SITE_FIXTURES[0]!.primary;
    await page.goto(composer.url);
    await typeInto(page, composer.editor(page), PUPIL_POST);
    await expect.poll(() => highlightedTexts(page)).toEqual(['Grace Hetherington']);
    await expect(card(page)).toBeVisible();
    await reloadExtension(extensionBrowser);
    await expect(badges(page)).toHaveCount(0, { timeout: 8_000 });
    await expect(card(page)).toHaveCount(0);
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    // The page is the site's again: its post button works as without PostCheck.
    await composer.postButton(page).click();
    await expect.poll(() => postedTexts(page)).toEqual([PUPIL_POST]);
  });
});

