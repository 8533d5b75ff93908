import { CHROMIUM_EXTENSION_ID } from '../../wxt.config';
import { postedTexts } from './harness';
import { SITE_FIXTURES } from './sites';
import { badgesIn, confirmCard, expect, PUPIL_POST, test, typeInto } from './test';

const OPTIONS_URL = `chrome-extension://${CHROMIUM_EXTENSION_ID}/options.html`;
const POPUP_URL = `chrome-extension://${CHROMIUM_EXTENSION_ID}/popup.html`;
const X = SITE_FIXTURES.find((fixture) => fixture.site === 'x')!.primary;

test('what the user does with a finding reaches the event log, without the text or the name', async ({ sitePage: page, extensionBrowser }) => {
  await page.goto(X.url);
  await typeInto(page, X.editor(page), PUPIL_POST);
  await expect(badgesIn(page, 'issues')).toHaveCount(1);
  await X.postButton(page).click();
  await confirmCard(page).getByRole('button', { name: 'Go back and edit' }).click();
  await X.postButton(page).click();
  await confirmCard(page).getByRole('button', { name: 'Post anyway' }).click();
  await expect.poll(() => postedTexts(page)).toEqual([PUPIL_POST]);

  const options = await extensionBrowser.context.newPage();
  await options.goto(OPTIONS_URL);
  const log = options.getByTestId('event-log');
  await expect(log.locator('tbody tr')).toHaveCount(2);
  await expect(log).toContainText('Posted anyway');
  await expect(log).toContainText('Edited the post');
  await expect(log).toContainText('X (Twitter)');
  await expect(log).toContainText('pupil-name');
  await expect(log).not.toContainText('Grace');
  await options.getByTestId('clear-log').click();
  await expect(options.getByTestId('log-empty')).toBeVisible();
  await options.close();
});

test('the popup names the state on the site in the current tab, asking its content script', async ({ sitePage: page, extensionBrowser }) => {
  await page.goto(X.url);
  await expect(X.editor(page)).toBeVisible();
  const popup = await extensionBrowser.context.newPage();
  await popup.goto(POPUP_URL);
  // The popup asks about the active tab: bring the site's tab forward and ask again.
  await page.bringToFront();
  await popup.reload();
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'checking');
  await expect(popup.getByTestId('popup-state')).toHaveText('Checking your posts on this site');
  await popup.close();
});
