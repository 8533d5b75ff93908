import { postedTexts } from './harness';
import { SITE_FIXTURES } from './sites';
import { badges, badgesIn, confirmCard, DEFAULT_TEST_CONFIG, expect, PUPIL_POST, test, typeInto } from './test';

test.describe('block mode', () => {
  test.use({ config: { mode: 'block' } });
  for (const fixture of SITE_FIXTURES) {
    test(`${fixture.site}: a block-severity finding cannot be posted until the text changes`, async ({ sitePage: page }) => {
      const composer = fixture.primary;
      await page.goto(composer.url);
      await composer.open?.(page);
      await typeInto(page, composer.editor(page), PUPIL_POST);
      await expect(badgesIn(page, 'issues')).toHaveCount(1);
      await composer.postButton(page).click();
      await expect(confirmCard(page)).toBeVisible();
      await expect(confirmCard(page).getByRole('button', { name: 'Post anyway' })).toHaveCount(0);
      await confirmCard(page).getByRole('button', { name: 'Go back and edit' }).click();
      await composer.postButton(page).click();
      await expect(confirmCard(page)).toBeVisible();
      expect(await postedTexts(page)).toEqual([]);
      await confirmCard(page).getByRole('button', { name: 'Go back and edit' }).click();
      await page.keyboard.type('our star speller');
      await expect(badgesIn(page, 'issues')).toHaveCount(0);
      await composer.postButton(page).click();
      await expect.poll(() => postedTexts(page)).toEqual(['Well done our star speller on the spelling bee']);
    });
  }
});

test.describe('switched off', () => {
  for (const [label, config] of [
    ['off', { on: false }],
    ['snoozed', { snoozedUntil: Date.now() + 3_600_000 }],
    ['site not enabled', { enabledSites: { ...DEFAULT_TEST_CONFIG.enabledSites, x: false } }],
  ] as const) {
    test.describe(label, () => {
      test.use({ config });
      test(`${label}: nothing is injected and posts go straight out`, async ({ sitePage: page }) => {
        const composer = SITE_FIXTURES[0]!.primary;
        await page.goto(composer.url);
        await typeInto(page, composer.editor(page), PUPIL_POST);
        await page.waitForTimeout(500);
        await expect(badges(page)).toHaveCount(0);
        expect(await page.evaluate(() => document.querySelectorAll('postcheck-layer, style[data-postcheck]').length)).toBe(0);
        await composer.postButton(page).click();
        await expect.poll(() => postedTexts(page)).toEqual([PUPIL_POST]);
      });
    });
  }
});
