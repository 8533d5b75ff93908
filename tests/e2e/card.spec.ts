import { postedTexts } from './harness';
import { SITE_FIXTURES } from './sites';
import { card, confirmCard, expect, PUPIL_POST, test, typeInto } from './test';

const xHome = SITE_FIXTURES[0]!.primary;

test('the confirm card is keyboard operable: focus lands on "Go back and edit", Tab reaches "Post anyway"', async ({ sitePage: page }) => {
  await page.goto(xHome.url);
  await typeInto(page, xHome.editor(page), PUPIL_POST);
  await expect(card(page)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  const confirm = confirmCard(page);
  await expect(confirm).toBeVisible();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Go back and edit' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Post anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => postedTexts(page)).toEqual([PUPIL_POST]);
});

test('Escape on the confirm card goes back to the post with the underlined name selected', async ({ sitePage: page }) => {
  await page.goto(xHome.url);
  await typeInto(page, xHome.editor(page), PUPIL_POST);
  await expect(card(page)).toBeVisible();
  await xHome.postButton(page).click();
  await expect(confirmCard(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirmCard(page)).toHaveCount(0);
  expect(await page.evaluate(() => String(document.getSelection()))).toBe('Grace Hetherington');
  expect(await postedTexts(page)).toEqual([]);
});

test('the card is labelled for screen readers and follows a dark page', async ({ sitePage: page }) => {
  await page.goto(xHome.url);
  await page.addStyleTag({ content: 'html, body { background: #000 !important; color: #e7e9ea !important; }' });
  await typeInto(page, xHome.editor(page), PUPIL_POST);
  const region = page.getByRole('region', { name: /PostCheck: 1 thing to check in this post/ });
  await expect(region).toBeVisible();
  await expect(page.locator('.pc-layer.pc-dark')).toHaveCount(1);
  const colours = await region.evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, text: style.color };
  });
  // A dark card with light text: readable on X's "Lights out".
  expect(colours.background).toBe('rgb(22, 27, 34)');
  expect(colours.text).toBe('rgb(230, 237, 243)');
  await expect(page.getByRole('button', { name: /PostCheck: 1 thing to check in this post/ })).toBeVisible();
});
