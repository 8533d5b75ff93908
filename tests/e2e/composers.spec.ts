import type { Page } from '@playwright/test';
import { highlightedTexts, postedTexts } from './harness';
import { SITE_FIXTURES, type ComposerFixture } from './sites';
import { BENIGN_POST, badgesIn, card, clearEditor, confirmCard, expect, PUPIL_POST, test, typeInto } from './test';

async function openComposer(page: Page, composer: ComposerFixture): Promise<void> {
  await page.goto(composer.url);
  await composer.open?.(page);
  await expect(composer.editor(page)).toBeVisible();
}

async function expectUnderlined(page: Page, composer: ComposerFixture, text: string): Promise<void> {
  if (composer.textarea) {
    await expect(page.locator('[data-postcheck="underline"]')).toHaveText([text]);
  } else {
    await expect.poll(() => highlightedTexts(page)).toContain(text);
  }
}

async function expectNothingUnderlined(page: Page, composer: ComposerFixture): Promise<void> {
  if (composer.textarea) await expect(page.locator('[data-postcheck="underline"]')).toHaveCount(0);
  else await expect.poll(() => highlightedTexts(page)).toEqual([]);
}

async function submit(page: Page, composer: ComposerFixture, how: 'click' | 'key'): Promise<void> {
  if (how === 'key' && composer.submitKey) {
    await composer.editor(page).focus();
    await page.keyboard.press(composer.submitKey === 'Enter' ? 'Enter' : 'ControlOrMeta+Enter');
  } else {
    await composer.postButton(page).click();
  }
}

for (const fixture of SITE_FIXTURES) {
  test.describe(fixture.site, () => {
    for (const composer of [fixture.primary, fixture.secondary]) {
      test.describe(composer.name, () => {
        test('a listed pupil is underlined and the card cites the clause', async ({ sitePage: page }) => {
          await openComposer(page, composer);
          await typeInto(page, composer.editor(page), PUPIL_POST);
          await expectUnderlined(page, composer, 'Grace Hetherington');
          const shown = card(page);
          await expect(shown).toBeVisible();
          await expect(shown.locator('[data-postcheck="finding"]')).toHaveAttribute('data-category', 'pupil');
          await expect(shown.locator('[data-postcheck="clause-ref"]')).toHaveText('4.2');
          await expect(shown.locator('[data-postcheck="clause"]')).toContainText('Staff must not name, tag or otherwise identify any pupil');
          await expect(shown.locator('[data-postcheck="clause"]')).toContainText('Harrowby Fields Social Media Policy');
          await expect(badgesIn(page, 'issues')).toHaveCount(1);
          // The lazily imported engine lives in the content script's isolated world, not the page's.
          expect(await page.evaluate(() => '__postcheckEngine' in window)).toBe(false);
          // The card sits beside the composer and never over its post button.
          const cardBox = await shown.boundingBox();
          const buttonBox = await composer.postButton(page).boundingBox();
          if (cardBox && buttonBox) {
            const overlaps =
              cardBox.x < buttonBox.x + buttonBox.width && buttonBox.x < cardBox.x + cardBox.width && cardBox.y < buttonBox.y + buttonBox.height && buttonBox.y < cardBox.y + cardBox.height;
            expect(overlaps, 'card covers the post button').toBe(false);
          }
        });

        test('posting is held; going back to edit the name out lets the post through', async ({ sitePage: page }) => {
          await openComposer(page, composer);
          await typeInto(page, composer.editor(page), PUPIL_POST);
          await expectUnderlined(page, composer, 'Grace Hetherington');
          await submit(page, composer, 'click');
          await expect(confirmCard(page)).toBeVisible();
          expect(await postedTexts(page)).toEqual([]);
          // "Go back and edit" puts the focus on the underlined name, selected, so typing replaces it.
          await confirmCard(page).getByRole('button', { name: 'Go back and edit' }).click();
          await expect(confirmCard(page)).toHaveCount(0);
          await page.keyboard.type('our star speller');
          await expectNothingUnderlined(page, composer);
          await submit(page, composer, 'click');
          await expect.poll(() => postedTexts(page)).toEqual(['Well done our star speller on the spelling bee']);
        });

        test(`the post ${composer.submitKey ? `shortcut (${composer.submitKey})` : 'button'} is held, and "post anyway" posts exactly once`, async ({ sitePage: page }) => {
          await openComposer(page, composer);
          await typeInto(page, composer.editor(page), PUPIL_POST);
          await expectUnderlined(page, composer, 'Grace Hetherington');
          await submit(page, composer, 'key');
          await expect(confirmCard(page)).toBeVisible();
          await expect(confirmCard(page)).toContainText('4.2');
          expect(await postedTexts(page)).toEqual([]);
          await confirmCard(page).getByRole('button', { name: 'Post anyway' }).click();
          await expect.poll(() => postedTexts(page)).toEqual([PUPIL_POST]);
          await page.waitForTimeout(300);
          expect(await postedTexts(page)).toEqual([PUPIL_POST]);
          await expect(confirmCard(page)).toHaveCount(0);
        });

        test('a benign post shows nothing and posts normally', async ({ sitePage: page }) => {
          await openComposer(page, composer);
          await typeInto(page, composer.editor(page), BENIGN_POST);
          await expect(badgesIn(page, 'clear').first()).toBeVisible();
          await expect(badgesIn(page, 'issues')).toHaveCount(0);
          await expectNothingUnderlined(page, composer);
          await expect(card(page)).toHaveCount(0);
          await submit(page, composer, composer.submitKey ? 'key' : 'click');
          await expect.poll(() => postedTexts(page)).toEqual([BENIGN_POST]);
          await expect(confirmCard(page)).toHaveCount(0);
        });
      });
    }

    test('a composer that appears after single-page navigation is checked', async ({ sitePage: page }) => {
      const composer = fixture.afterNavigation;
      await page.goto(composer.navigateFrom);
      await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: composer.navLink, exact: true }).click();
      await expect(page).toHaveURL(composer.url);
      await expect(composer.editor(page)).toBeVisible();
      await typeInto(page, composer.editor(page), PUPIL_POST);
      await expectUnderlined(page, composer, 'Grace Hetherington');
      await expect(card(page)).toContainText('4.2');
      await submit(page, composer, 'click');
      await expect(confirmCard(page)).toBeVisible();
    });

    test('a pasted paragraph is checked', async ({ sitePage: page }) => {
      const composer = fixture.primary;
      await openComposer(page, composer);
      await composer.editor(page).click();
      await page.evaluate((text) => navigator.clipboard.writeText(text), `Sports day was brilliant. ${PUPIL_POST}, and thanks to every parent who came.`);
      await page.keyboard.press('ControlOrMeta+V');
      await expect(composer.editor(page)).toContainText('thanks to every parent');
      await expectUnderlined(page, composer, 'Grace Hetherington');
      await expect(card(page)).toContainText('4.2');
    });

    test('a composer PostCheck cannot read says "not checking here"', async ({ sitePage: page }) => {
      await page.goto(fixture.unreadableUrl);
      const badge = badgesIn(page, 'unreadable');
      await expect(badge).toHaveAttribute('data-state', 'unreadable');
      await expect(badge).toHaveText(/Not checking here/);
      await expect(badge).toHaveAccessibleName(/not checking here/i);
    });
  });
}

test.describe('ignore once', () => {
  test('dismisses one finding for this post and survives further typing', async ({ sitePage: page }) => {
    const composer = SITE_FIXTURES[0]!.primary;
    await openComposer(page, composer);
    await typeInto(page, composer.editor(page), 'Grace Hetherington and Tobias Quennell won');
    await expect(card(page).locator('[data-postcheck="finding"]')).toHaveCount(2);
    await card(page).getByRole('button', { name: 'Ignore once: Grace Hetherington' }).click();
    await expect(card(page).locator('[data-postcheck="finding"]')).toHaveCount(1);
    await page.keyboard.type(' the relay today');
    await expect.poll(() => highlightedTexts(page)).toEqual(['Tobias Quennell']);
    await expect(card(page).locator('[data-postcheck="finding"]')).toHaveCount(1);
  });
});
