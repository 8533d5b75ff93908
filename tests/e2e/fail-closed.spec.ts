import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { postedTexts, ROOT } from './harness';
import { SITE_FIXTURES, type ComposerFixture } from './sites';
import { BENIGN_POST, PUPIL_POST, card, confirmCard, expect, test, typeInto } from './test';

/**
 * Issue 11, "fail closed, briefly": Post pressed while an attached photo is still being checked
 * waits for the check (at most 1 s), then is held with the warning or sent on by the site's own
 * action. Without the wait, the post went out before the logo was found.
 */
const LOGOS = join(ROOT, 'tests/fixtures/logos');
const WITH_LOGO = join(LOGOS, 'positives/hartwell_09_banner.jpg');
const UNRELATED = join(LOGOS, 'negatives/photo_street_1.jpg');

const ATTACHING: { composer: ComposerFixture; fileInput: (page: Page) => Locator }[] = [
  { composer: SITE_FIXTURES[0]!.primary, fileInput: (page) => page.locator('[data-testid="toolBar"] input[data-testid="fileInput"]') },
  { composer: SITE_FIXTURES[1]!.primary, fileInput: (page) => page.locator('[role="dialog"] input[type="file"]') },
  { composer: SITE_FIXTURES[2]!.primary, fileInput: (page) => page.locator('[role="dialog"] form input[type="file"]') },
  { composer: SITE_FIXTURES[3]!.primary, fileInput: (page) => page.locator('.share-creation-state input[type="file"]') },
];

for (const { composer, fileInput } of ATTACHING) {
  test.describe(composer.name, () => {
    test('Post pressed straight after attaching the school logo waits for the check (at most 1 s) and warns if it is done', async ({ sitePage: page }) => {
      await page.goto(composer.url);
      await composer.open?.(page);
      await typeInto(page, composer.editor(page), BENIGN_POST);
      await fileInput(page).setInputFiles(WITH_LOGO);
      const pressed = Date.now();
      await composer.postButton(page).click();
      // Either the check finished within the second and the post is held with the logo
      // finding, or the full second passed first and the post went on: never straight out.
      await expect.poll(async () => (await confirmCard(page).count()) > 0 || (await postedTexts(page)).length > 0, { timeout: 5_000 }).toBe(true);
      if ((await postedTexts(page)).length > 0) {
        // The site then resets the composer, photo and all, so there is nothing left to show.
        expect(Date.now() - pressed, 'the post waited for the check').toBeGreaterThanOrEqual(950);
      } else {
        await expect(confirmCard(page).locator('[data-postcheck="finding"][data-category="logo"]')).toHaveCount(1);
        expect(await postedTexts(page)).toEqual([]);
      }
    });

    test('Post pressed straight after attaching an unrelated photo goes out once the check is done', async ({ sitePage: page }) => {
      await page.goto(composer.url);
      await composer.open?.(page);
      await typeInto(page, composer.editor(page), BENIGN_POST);
      await fileInput(page).setInputFiles(UNRELATED);
      await composer.postButton(page).click();
      await expect.poll(() => postedTexts(page), { timeout: 5_000 }).toEqual([BENIGN_POST]);
      await expect(confirmCard(page)).toHaveCount(0);
      await expect(card(page)).toHaveCount(0);
    });
  });
}

/**
 * Issue 11, "fail closed, briefly", for text: Post pressed straight after the last keystroke,
 * while the check for it is still only scheduled (session.ts checks at most once per
 * CHECK_INTERVAL_MS), is decided on the text as typed, not on the last check. The post ends
 * with the pupil's surname so that only the last keystroke makes it a problem; the keystroke
 * before it runs a check, so the last one's check waits out the interval, and Post is clicked
 * at coordinates measured beforehand, well inside that window.
 */
const TYPED: ComposerFixture[] = [...SITE_FIXTURES.map((site) => site.primary), SITE_FIXTURES[1]!.secondary];
const PROBLEM_TYPED = 'Well done Grace Hetheringt';
const PROBLEM_LAST = 'on';
const HARMLESS_TYPED = 'Lovely sunny walk by the river tod';
const HARMLESS_LAST = 'ay';

async function typeThenSettle(page: Page, composer: ComposerFixture, text: string): Promise<void> {
  await page.goto(composer.url);
  await composer.open?.(page);
  await typeInto(page, composer.editor(page), text);
  // The engine is loaded and the text so far is checked and clear: what follows tests the pending check, not the load.
  await expect(page.locator('[data-postcheck="badge"][data-state="clear"]').first()).toBeVisible();
}

async function clickAt(page: Page, target: Locator): Promise<() => Promise<void>> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the post button has no box');
  return () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

for (const composer of TYPED) {
  test.describe(`${composer.name} (${composer.url})`, () => {
    test('a problem post with Post clicked at once after the last keystroke is warned, not posted', async ({ sitePage: page }) => {
      await typeThenSettle(page, composer, PROBLEM_TYPED);
      const clickPost = await clickAt(page, composer.postButton(page));
      await page.keyboard.type(PROBLEM_LAST);
      await clickPost();
      await expect(confirmCard(page)).toBeVisible({ timeout: 2_000 });
      await expect(confirmCard(page)).toContainText('Grace Hetherington');
      expect(await postedTexts(page)).toEqual([]);
    });

    test('a harmless post with Post clicked at once after the last keystroke goes out once within a second', async ({ sitePage: page }) => {
      await typeThenSettle(page, composer, HARMLESS_TYPED);
      const clickPost = await clickAt(page, composer.postButton(page));
      await page.keyboard.type(HARMLESS_LAST);
      const pressed = Date.now();
      await clickPost();
      await expect.poll(() => postedTexts(page), { timeout: 1_000, intervals: [50] }).toEqual([BENIGN_POST]);
      expect(Date.now() - pressed).toBeLessThan(1_000);
      // A held-then-released post must not go out a second time when the hold lets go.
      await page.waitForTimeout(1_200);
      expect(await postedTexts(page), 'posted once, not twice').toEqual([BENIGN_POST]);
      await expect(confirmCard(page)).toHaveCount(0);
    });

    test('a problem post with Post clicked as soon as the page is up (engine perhaps still loading) is warned, not posted', async ({ sitePage: page }) => {
      await page.goto(composer.url);
      await composer.open?.(page);
      const clickPost = await clickAt(page, composer.postButton(page));
      await composer.editor(page).click();
      await page.keyboard.type(PUPIL_POST);
      await clickPost();
      await expect(confirmCard(page)).toBeVisible({ timeout: 2_000 });
      expect(await postedTexts(page)).toEqual([]);
    });

    if (composer.submitKey) {
      const key = composer.submitKey;
      test(`a problem post sent with ${key} at once after the last keystroke is warned, not posted`, async ({ sitePage: page }) => {
        await typeThenSettle(page, composer, PROBLEM_TYPED);
        await page.keyboard.type(PROBLEM_LAST);
        await page.keyboard.press(key);
        await expect(confirmCard(page)).toBeVisible({ timeout: 2_000 });
        expect(await postedTexts(page)).toEqual([]);
      });

      test(`a harmless post sent with ${key} at once after the last keystroke goes out once`, async ({ sitePage: page }) => {
        await typeThenSettle(page, composer, HARMLESS_TYPED);
        await page.keyboard.type(HARMLESS_LAST);
        await page.keyboard.press(key);
        await expect.poll(() => postedTexts(page), { timeout: 1_000, intervals: [50] }).toEqual([BENIGN_POST]);
        await page.waitForTimeout(1_200);
        expect(await postedTexts(page), 'posted once, not twice').toEqual([BENIGN_POST]);
      });
    }
  });
}
