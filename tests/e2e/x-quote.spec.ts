import { highlightedTexts, postedTexts } from './harness';
import { card, confirmCard, expect, PUPIL_POST, test, typeInto } from './test';

// X's quote composer: the compose modal with the quoted post under the editor (issue 3 names it).
test('X quote composer: a listed pupil is underlined, the post is held, and editing the name out lets it through', async ({ sitePage: page }) => {
  await page.goto('https://x.com/status/1');
  await page.getByRole('button', { name: 'Quote' }).click();
  const dialog = page.getByRole('dialog', { name: 'Quote post' });
  const editor = dialog.locator('[data-testid="tweetTextarea_0"]');
  await expect(editor).toBeVisible();
  await expect(dialog.locator('[data-testid="quotedTweet"]')).toBeVisible();

  await typeInto(page, editor, PUPIL_POST);
  await expect.poll(() => highlightedTexts(page)).toContain('Grace Hetherington');
  await expect(card(page).locator('[data-postcheck="clause-ref"]')).toHaveText('4.2');

  await dialog.locator('button[data-testid="tweetButton"]').click();
  await expect(confirmCard(page)).toBeVisible();
  expect(await postedTexts(page)).toEqual([]);

  await confirmCard(page).getByRole('button', { name: 'Go back and edit' }).click();
  await page.keyboard.type('our star speller');
  await expect.poll(() => highlightedTexts(page)).toEqual([]);
  await dialog.locator('button[data-testid="tweetButton"]').click();
  await expect.poll(() => postedTexts(page)).toEqual(['Well done our star speller on the spelling bee']);
});
