import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { postedTexts, ROOT, TEST_PACK, watchLongTasks } from './harness';
import { SITE_FIXTURES, type ComposerFixture } from './sites';
import { BENIGN_POST, badges, card, confirmCard, expect, test, typeInto } from './test';

/**
 * Issue 13 in the browser: a photo with people in it, attached to any of the four composers,
 * is looked at on the device (the face detector runs in the service worker) and the post is
 * held with the pack's photo clause (tests/e2e/harrowby-pack.json: `photos` cites 4.2). No
 * request leaves the browser: the fixture's ledger fails any test that sends one, and the
 * requests made while the image was checked are all for the extension's own packaged files.
 */

const THREE_PEOPLE = join(ROOT, 'tests/fixtures/photos/sources/face-api-sample1.jpg');
const NO_PEOPLE = join(ROOT, 'tests/fixtures/logos/negatives/photo_street_1.jpg');
/** Four people standing in a street, faces 50–60 px across once read at 800 px (composed: sources.json). */
const GROUP_IN_STREET = join(ROOT, 'tests/fixtures/photos/composed/street-group.jpg');

const ATTACHING: { site: string; composer: ComposerFixture; fileInput: (page: Page) => Locator }[] = [
  { site: 'x', composer: SITE_FIXTURES[0]!.primary, fileInput: (page) => page.locator('[data-testid="toolBar"] input[data-testid="fileInput"]') },
  { site: 'facebook', composer: SITE_FIXTURES[1]!.primary, fileInput: (page) => page.locator('[role="dialog"] input[type="file"]') },
  { site: 'instagram', composer: SITE_FIXTURES[2]!.primary, fileInput: (page) => page.locator('[role="dialog"] form input[type="file"]') },
  { site: 'linkedin', composer: SITE_FIXTURES[3]!.primary, fileInput: (page) => page.locator('.share-creation-state input[type="file"]') },
];

async function openComposer(page: Page, composer: ComposerFixture): Promise<void> {
  await page.goto(composer.url);
  await composer.open?.(page);
  await expect(composer.editor(page)).toBeVisible();
}

async function imagesChecked(page: Page, count: number): Promise<void> {
  // The first image also loads the model and the WebAssembly backend.
  await expect(badges(page).and(page.locator(`[data-images="${count}/${count}"]`))).toHaveCount(1, { timeout: 30_000 });
}

for (const { site, composer, fileInput } of ATTACHING) {
  test(`${site} ${composer.name}: a photo of three people is flagged with the photo clause, holds the post and sends nothing`, async ({ sitePage: page, extensionBrowser }) => {
    await openComposer(page, composer);
    await typeInto(page, composer.editor(page), BENIGN_POST);
    await expect(badges(page).and(page.locator('[data-state="clear"]')).first()).toBeVisible();
    const longTasks = await watchLongTasks(page);
    const requestsBefore = extensionBrowser.ledger.all.length;
    await fileInput(page).setInputFiles(THREE_PEOPLE);
    await imagesChecked(page, 1);

    const finding = card(page).locator('[data-postcheck="finding"][data-category="photos"]');
    await expect(finding).toHaveCount(1);
    await expect(finding).toHaveAttribute('data-rule', 'people-in-photo');
    await expect(finding).toContainText('In the attached photo');
    await expect(finding).toContainText('3 faces');
    await expect(finding).toContainText('cannot tell who they are');
    await expect(finding.locator('[data-postcheck="clause-ref"]')).toHaveText('4.2');
    await expect(finding.locator('[data-postcheck="clause"]')).toContainText('Staff must not name, tag or otherwise identify any pupil');

    const during = extensionBrowser.ledger.all.slice(requestsBefore);
    expect(during.filter((url) => !url.startsWith('chrome-extension://')), 'requests while the image was checked').toEqual([]);
    const tasks = await longTasks();
    expect(Math.max(0, ...tasks), `long tasks on the page during the check: ${JSON.stringify(tasks)}`).toBeLessThan(100);

    await composer.postButton(page).click();
    await expect(confirmCard(page)).toBeVisible();
    await expect(confirmCard(page).locator('[data-category="photos"]')).toHaveCount(1);
    expect(await postedTexts(page)).toEqual([]);
    await confirmCard(page).getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => postedTexts(page)).toEqual([BENIGN_POST]);
  });
}

test('a street photo with no one in it raises no photo finding', async ({ sitePage: page }) => {
  const { composer, fileInput } = ATTACHING[0]!;
  await openComposer(page, composer);
  await typeInto(page, composer.editor(page), BENIGN_POST);
  await fileInput(page).setInputFiles(NO_PEOPLE);
  await imagesChecked(page, 1);
  await expect(card(page)).toHaveCount(0);
  await composer.postButton(page).click();
  await expect.poll(() => postedTexts(page)).toEqual([BENIGN_POST]);
});

test('a small group of people in a street is flagged and holds the post', async ({ sitePage: page }) => {
  const { composer, fileInput } = ATTACHING[0]!;
  await openComposer(page, composer);
  await typeInto(page, composer.editor(page), BENIGN_POST);
  await fileInput(page).setInputFiles(GROUP_IN_STREET);
  await imagesChecked(page, 1);
  await expect(card(page).locator('[data-postcheck="finding"][data-category="photos"]')).toHaveCount(1);
  await composer.postButton(page).click();
  await expect(confirmCard(page).locator('[data-category="photos"]')).toHaveCount(1);
  expect(await postedTexts(page)).toEqual([]);
});

test.describe('with the photos category turned off in the pack', () => {
  const pack = structuredClone(TEST_PACK) as { categories: Record<string, { enabled?: boolean }> };
  pack.categories.photos = { ...pack.categories.photos, enabled: false };
  test.use({ config: { pack } });

  test('a photo of three people raises nothing', async ({ sitePage: page }) => {
    const { composer, fileInput } = ATTACHING[0]!;
    await openComposer(page, composer);
    await typeInto(page, composer.editor(page), BENIGN_POST);
    await fileInput(page).setInputFiles(THREE_PEOPLE);
    await imagesChecked(page, 1);
    await expect(card(page)).toHaveCount(0);
  });
});
