import { CHROMIUM_EXTENSION_ID } from '../../wxt.config';
import { postedTexts } from './harness';
import { SITE_FIXTURES } from './sites';
import { readEverythingStored } from './stored';
import { badgesIn, confirmCard, expect, test, typeInto } from './test';

const OPTIONS_URL = `chrome-extension://${CHROMIUM_EXTENSION_ID}/options.html`;
const POPUP_URL = `chrome-extension://${CHROMIUM_EXTENSION_ID}/popup.html`;
/** A post no pack or fixture contains, so finding any of it in storage means PostCheck kept it. */
const UNIQUE_POST = 'Grace Hetherington won the quokka relay at Wimblethorpe today';
const X = SITE_FIXTURES.find((fixture) => fixture.site === 'x')!.primary;

// The event log is off by default (issue 11): the school turns it on.
test.use({ config: { eventLog: true } });

test('what the user does with a finding reaches the event log, without the text or the name', async ({ sitePage: page, extensionBrowser }) => {
  // Earlier tests in this worker acted on findings too: start from an empty log.
  await extensionBrowser.serviceWorker.evaluate(async () => {
    // Never create the database here: dexie must be the one to create it.
    if (!(await indexedDB.databases()).some((database) => database.name === 'postcheck')) return;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('postcheck');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('events')) return resolve(db.close());
        const clear = db.transaction('events', 'readwrite').objectStore('events').clear();
        clear.onsuccess = () => resolve(db.close());
        clear.onerror = () => reject(clear.error);
      };
    });
  });
  await page.goto(X.url);
  await typeInto(page, X.editor(page), UNIQUE_POST);
  await expect(badgesIn(page, 'issues')).toHaveCount(1);
  await X.postButton(page).click();
  await confirmCard(page).getByRole('button', { name: 'Go back and edit' }).click();
  await X.postButton(page).click();
  await confirmCard(page).getByRole('button', { name: 'Post anyway' }).click();
  await expect.poll(() => postedTexts(page)).toEqual([UNIQUE_POST]);

  const options = await extensionBrowser.context.newPage();
  await options.goto(OPTIONS_URL);
  const log = options.getByTestId('event-log');
  await expect(log.locator('tbody tr')).toHaveCount(2);
  await expect(log).toContainText('Posted anyway');
  await expect(log).toContainText('Edited the post');
  await expect(log).toContainText('X (Twitter)');
  await expect(log).toContainText('pupil-name');
  await expect(log).not.toContainText('Grace');

  // Everything PostCheck stores, read back: none of the post is there.
  const stored = JSON.stringify(await readEverythingStored(options));
  expect(stored).toContain('postcheck');
  expect(stored).toContain('posted-anyway');
  for (const fragment of ['quokka', 'Wimblethorpe', 'won the']) expect(stored).not.toContain(fragment);
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
