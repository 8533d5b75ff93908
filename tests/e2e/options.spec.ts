import type { Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_EXTENSION_ID } from '../../wxt.config';
import { ROOT, TEST_PACK } from './harness';
import { expect, test as extensionTest } from './test';

const OPTIONS_URL = `chrome-extension://${CHROMIUM_EXTENSION_ID}/options.html`;
const POPUP_URL = `chrome-extension://${CHROMIUM_EXTENSION_ID}/popup.html`;
const SHOTS = process.env.POSTCHECK_SCREENSHOTS;

// The shared worker-scoped browser from ./test, with the options page as this file's fixture.
const test = extensionTest.extend<{ options: Page }>({
  options: async ({ extensionBrowser }, use) => {
    await extensionBrowser.serviceWorker.evaluate(async () => {
      await (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void> } } } }).chrome.storage.local.clear();
    });
    extensionBrowser.ledger.reset();
    const page = await extensionBrowser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(OPTIONS_URL);
    await use(page);
    await page.close();
    expect(errors).toEqual([]);
    expect(extensionBrowser.ledger.disallowed).toEqual([]);
  },
});

function file(name: string, text: string) {
  return { name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text, 'utf8') };
}

const PACK_TEXT = JSON.stringify(TEST_PACK, null, 2);

async function loadPack(page: Page, name: string, text: string) {
  await page.getByTestId('pack-file').setInputFiles(file(name, text));
}

test('a pack with errors is refused with every problem by path, and the loaded pack stays', async ({ options: page }) => {
  // A fresh profile checks against the general pack and says how to load the school's own.
  await expect(page.getByTestId('no-pack')).toContainText('general staff policy');
  await expect(page.getByTestId('no-pack')).toContainText('Load the pack your school gave you');
  await loadPack(page, 'harrowby.json', PACK_TEXT);
  await expect(page.getByTestId('pack-school')).toHaveText('Harrowby Fields Primary School');
  await expect(page.getByTestId('pack-tests')).toContainText('2 of 2 passed');

  const broken = structuredClone(TEST_PACK) as { policy: { clauses: { ref?: string }[] }; categories: Record<string, unknown> };
  delete broken.policy.clauses[0]!.ref;
  broken.categories.pupil = { clauses: ['no-such-clause'] };
  await loadPack(page, 'broken.json', JSON.stringify(broken));
  const problems = page.getByTestId('pack-problems');
  await expect(problems).toContainText('broken.json was not loaded');
  await expect(problems).toContainText('policy.clauses[0] has no ref: add the reference as printed in the policy, e.g. 5(d).');
  await expect(problems).toContainText('categories.pupil.clauses[0] cites "no-such-clause"');
  await expect(problems.locator('li')).toHaveCount(2);
  await expect(page.getByTestId('pack-school')).toHaveText('Harrowby Fields Primary School');

  await loadPack(page, 'not-json.json', '{"schemaVersion": 1,,}');
  await expect(problems).toContainText('is not valid JSON at line 1, column');
  await expect(problems).toContainText('Hint:');
  await page.getByTestId('pack-file').setInputFiles({ name: 'ansi.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]) });
  await expect(problems).toContainText('not valid UTF-8');
  await expect(page.getByTestId('pack-school')).toHaveText('Harrowby Fields Primary School');

  // An earlier edition can be brought back in one click.
  const newer = { ...(TEST_PACK as Record<string, unknown>), version: 'test-2' };
  await loadPack(page, 'harrowby-2.json', JSON.stringify(newer));
  await expect(page.getByText('harrowby-fields, version test-2')).toBeVisible();
  // A successful load clears the earlier error.
  await expect(problems).toHaveCount(0);
  await page.getByText('Packs loaded before (1)').click();
  // Dates and times in en-GB: day first, 24-hour clock.
  await expect(page.getByTestId('pack-history')).toContainText(/loaded \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}/);
  await expect(page.getByTestId('pack-history')).not.toContainText(/ [AP]M\b/);
  await page.getByTestId('pack-history').getByRole('button', { name: 'Use this pack again' }).click();
  await expect(page.getByText('harrowby-fields, version test', { exact: true })).toBeVisible();

  // The try-a-post box shows the card's findings, citing the pack's clause.
  await page.getByTestId('try-post').fill('Well done Grace Hetherington on the spelling bee');
  await expect(page.getByTestId('try-findings')).toContainText('4.2');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'options-pack.png'), fullPage: true });
});

test('a pack can be dropped on the page or pasted', async ({ options: page }) => {
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, PACK_TEXT);
  await page.getByTestId('pack-dropzone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('pack-school')).toHaveText('Harrowby Fields Primary School');
  await expect(page.getByText('Loaded dropped.json.')).toBeVisible();

  await page.getByText("Or paste the pack's JSON").click();
  await page.getByLabel('Pack JSON').fill(JSON.stringify({ ...(TEST_PACK as Record<string, unknown>), school: { name: '' } }));
  await page.getByRole('button', { name: 'Load pasted pack' }).click();
  await expect(page.getByTestId('pack-problems')).toContainText('the pasted text was not loaded');
  await expect(page.getByTestId('pack-problems')).toContainText('school.name must not be empty');
  await page.getByLabel('Pack JSON').fill(JSON.stringify({ ...(TEST_PACK as Record<string, unknown>), version: 'pasted' }));
  await page.getByRole('button', { name: 'Load pasted pack' }).click();
  await expect(page.getByText('harrowby-fields, version pasted')).toBeVisible();
});

test('a CSV with a bad row reports the line and counts the good rows; names only on demand', async ({ options: page }) => {
  await loadPack(page, 'harrowby.json', PACK_TEXT);
  const csv = 'Legal Forename,Legal Surname,Year\nZebedee,Marchbanks,5\nOlwen,Trevithick,5\n=HYPERLINK("http://x"),Smith,4\nPerpetua,Ashdown,6\n';
  await page.getByTestId('pupils-file').setInputFiles(file('pupils.csv', csv));
  await expect(page.getByTestId('pupils-preview-count')).toHaveText('pupils.csv: 3 names read, 1 line with problems.');
  await expect(page.getByTestId('pupils-preview-problems')).toContainText('Line 4:');
  await expect(page.getByTestId('names-pupils')).not.toContainText('Zebedee');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'options-csv-preview.png'), fullPage: true });
  await page.getByRole('button', { name: 'Replace the list (3)' }).click();
  await expect(page.getByTestId('pupils-current')).toContainText('3 names imported');
  await expect(page.getByTestId('pupil-count')).toContainText('6 (3 in the pack, 3 imported)');
  await expect(page.getByTestId('names-pupils')).not.toContainText('Zebedee');
  await page.getByTestId('names-pupils').getByRole('button', { name: 'Show names' }).click();
  await expect(page.getByTestId('names-pupils')).toContainText('Zebedee Marchbanks');

  // Merge adds only new people; a file in the wrong encoding changes nothing.
  await page.getByTestId('pupils-file').setInputFiles(file('more.csv', 'Forename,Surname\nZebedee,Marchbanks\nIsolde,Penhaligon\n'));
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expect(page.getByTestId('pupils-current')).toContainText('4 names imported');
  await page.getByTestId('pupils-file').setInputFiles({ name: 'utf16.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeffForename,Surname\nA,B\n', 'utf16le') });
  await expect(page.getByTestId('pupils-preview')).toContainText('not UTF-8 text');
  await expect(page.getByTestId('pupils-current')).toContainText('4 names imported');

  // The imported names reach the engine.
  await page.getByTestId('try-post').fill('Isolde Penhaligon was brilliant in the play');
  await expect(page.locator('[data-category="pupil"]')).toHaveCount(1);
});

test('a list over 50,000 names is refused and the current list kept', async ({ options: page }) => {
  await loadPack(page, 'harrowby.json', PACK_TEXT);
  const rows = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}${i},Surname${i}`).join('\n');
  await page.getByTestId('staff-file').setInputFiles(file('staff.csv', `Forename,Surname\n${rows(50_001, 'Staffname')}\n`));
  await expect(page.getByTestId('staff-preview')).toContainText('the most PostCheck takes is 50,000 names');
  await expect(page.getByTestId('staff-current')).toContainText('0 names');

  // Each list fits, but not both together with the pack's own names.
  await page.getByTestId('pupils-file').setInputFiles(file('pupils.csv', `Forename,Surname\n${rows(30_000, 'Pupilname')}\n`));
  await page.getByRole('button', { name: 'Replace the list (30000)' }).click();
  await expect(page.getByTestId('pupils-current')).toContainText('30000 names imported');
  await page.getByTestId('staff-file').setInputFiles(file('staff.csv', `Forename,Surname\n${rows(25_000, 'Staffname')}\n`));
  await page.getByRole('button', { name: 'Replace the list (25000)' }).click();
  await expect(page.getByTestId('names-staff')).toContainText('that would make 55003 names in all; the most PostCheck takes is 50000');
  await expect(page.getByTestId('staff-current')).toContainText('0 names');
  await expect(page.getByTestId('pupils-current')).toContainText('30000 names imported');

  // Nor a pack whose own names, with those imported, go over the limit.
  const bigPack = { ...(TEST_PACK as Record<string, unknown>), version: 'big', people: { pupils: Array.from({ length: 25_000 }, (_, i) => `Packpupil${i} Surname${i}`), staff: [] } };
  await loadPack(page, 'big.json', JSON.stringify(bigPack));
  await expect(page.getByTestId('pack-problems')).toContainText('people has 25000 names and 30000 are imported: 55000 in all; the most PostCheck takes is 50000');
  await expect(page.getByText('harrowby-fields, version test', { exact: true })).toBeVisible();
});

test('settings: sites, snooze and event log change and the popup follows', async ({ options: page, extensionBrowser }) => {
  await loadPack(page, 'harrowby.json', PACK_TEXT);
  await page.getByTestId('site-linkedin').uncheck();
  await page.getByTestId('snooze').click();
  await expect(page.getByTestId('snoozed-until')).toBeVisible();
  await page.getByTestId('setting-event-log').check();
  await expect(page.getByTestId('event-log-source')).toHaveText('Turned on by you.');
  await page.getByTestId('setting-event-log').uncheck();
  await expect(page.getByTestId('event-log-source')).toHaveText('Turned off by you.');
  const stored = await extensionBrowser.serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get('postcheck.config'))['postcheck.config'] as { enabledSites: Record<string, boolean>; snoozedUntil: number; eventLogChoice: boolean };
  });
  expect(stored.enabledSites.linkedin).toBe(false);
  expect(stored.snoozedUntil).toBeGreaterThan(Date.now());
  expect(stored.eventLogChoice).toBe(false);
  await expect(page.getByTestId('privacy')).toContainText('never leaves the browser');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'options-settings.png'), fullPage: true });

  const popup = await extensionBrowser.context.newPage();
  await popup.setViewportSize({ width: 320, height: 360 });
  await popup.goto(POPUP_URL);
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'snoozed');
  await expect(popup.getByTestId('popup-pack')).toContainText('Harrowby Fields Primary School');
  await expect(popup.getByTestId('popup-pack')).toContainText('version test');
  if (SHOTS) await popup.screenshot({ path: join(SHOTS, 'popup.png') });
  await popup.close();
});

/** What the background does with one event from a content script: true when it was recorded. */
function sendLogEvent(page: Page): Promise<unknown> {
  return page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
      type: 'postcheck:log-event',
      event: { site: 'facebook', category: 'pupil', ruleId: 'pupil-name', severity: 'warn', action: 'posted-anyway' },
    }),
  );
}

test("a school pack with eventLog: true turns the log on and says so; the user may turn it off", async ({ options: page, extensionBrowser }) => {
  await expect(page.getByTestId('event-log-source')).toHaveAttribute('data-source', 'default');
  expect(await sendLogEvent(page)).toBe(false);
  await loadPack(page, 'harrowby-log.json', JSON.stringify({ ...(TEST_PACK as Record<string, unknown>), eventLog: true }));
  await expect(page.getByTestId('pack-school')).toHaveText('Harrowby Fields Primary School');
  await expect(page.getByTestId('setting-event-log')).toBeChecked();
  await expect(page.getByTestId('setting-event-log')).toBeEnabled();
  await expect(page.getByTestId('event-log-source')).toHaveText("Turned on by Harrowby Fields Primary School's rule pack. You can turn it off for yourself.");
  expect(await sendLogEvent(page)).toBe(true);
  await page.reload();
  await expect(page.getByTestId('event-log')).toContainText('Posted anyway');
  await expect(page.locator('section[aria-labelledby="log-heading"]')).toContainText("Turned on by Harrowby Fields Primary School's rule pack");

  // The popup says plainly that a log is kept, and who turned it on.
  const popup = await extensionBrowser.context.newPage();
  await popup.goto(POPUP_URL);
  await expect(popup.getByTestId('popup-event-log')).toContainText('A log of what PostCheck flags (never what you write) is kept on this computer.');
  await expect(popup.getByTestId('popup-event-log')).toContainText("Turned on by Harrowby Fields Primary School's rule pack.");

  // The user's own choice beats the pack's, and is said as such.
  await page.getByTestId('setting-event-log').uncheck();
  await expect(page.getByTestId('event-log-source')).toHaveText("Harrowby Fields Primary School's rule pack turns the log on; you turned it off.");
  expect(await sendLogEvent(page)).toBe(false);
  await popup.reload();
  await expect(popup.getByTestId('popup-pack')).toBeVisible();
  await expect(popup.getByTestId('popup-event-log')).toHaveCount(0);
  await popup.close();
  await page.getByTestId('clear-log').click();
});

test('the event log records what the content script reports, without text, and clears', async ({ options: page, extensionBrowser }) => {
  // Off until someone turns it on.
  await expect(page.getByTestId('setting-event-log')).not.toBeChecked();
  await page.getByTestId('setting-event-log').check();
  const accepted = await page.evaluate(async () => {
    const send = (message: unknown) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(message);
    return [
      await send({ type: 'postcheck:log-event', event: { site: 'x', category: 'pupil', ruleId: 'pupil-name', severity: 'block', action: 'edited' } }),
      await send({ type: 'postcheck:log-event', event: { site: 'x', category: 'pupil', ruleId: 'pupil-name', severity: 'block', action: 'edited', text: 'Grace Hetherington' } }),
    ];
  });
  expect(accepted).toEqual([true, false]);
  await page.reload();
  await expect(page.getByTestId('event-log')).toContainText('pupil-name');
  await expect(page.getByTestId('event-log')).toContainText('Edited the post');
  await page.getByTestId('clear-log').click();
  await expect(page.getByTestId('log-empty')).toBeVisible();
  expect(extensionBrowser.ledger.disallowed).toEqual([]);
});

test('a logo file becomes a fingerprint entry for the pack', async ({ options: page }) => {
  const logo = readdirSync(join(ROOT, 'tests/fixtures/logos/logos')).find((name) => name.endsWith('.png'))!;
  await page.getByText("Make a logo fingerprint from the school's logo file").click();
  await page.getByTestId('logo-file').setInputFiles(join(ROOT, 'tests/fixtures/logos/logos', logo));
  const entry = JSON.parse(await page.getByTestId('logo-entry').inputValue()) as { id: string; fingerprint: string };
  const pack = { ...(TEST_PACK as Record<string, unknown>), logos: [entry] };
  await loadPack(page, 'with-logo.json', JSON.stringify(pack));
  await expect(page.getByTestId('pack-school')).toHaveText('Harrowby Fields Primary School');
  await expect(page.getByTestId('pack-problems')).toHaveCount(0);
});

test('a blank or flat logo file is refused with the reason, not made into a fingerprint', async ({ options: page }) => {
  const { default: sharp } = await import('sharp');
  const flat = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#1a4d8f' } }).png().toBuffer();
  await page.getByText("Make a logo fingerprint from the school's logo file").click();
  await page.getByTestId('logo-file').setInputFiles({ name: 'flat.png', mimeType: 'image/png', buffer: flat });
  await expect(page.getByRole('alert').filter({ hasText: 'flat.png' })).toContainText('flat.png: this image has only 4 distinct corners');
  await expect(page.getByTestId('logo-entry')).toHaveCount(0);
});

test('the built extension carries the generated managed schema', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as { storage?: { managed_schema?: string }; permissions?: string[] };
  expect(manifest.storage?.managed_schema).toBe('managed_schema.json');
  expect(manifest.permissions).toEqual(['storage']);
  expect(JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/managed_schema.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(ROOT, 'docs/managed_schema.json'), 'utf8')));
});
