import type { Locator, Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { postedTexts, ROOT, watchLongTasks } from './harness';
import { SITE_FIXTURES, type ComposerFixture } from './sites';
import { BENIGN_POST, badges, card, confirmCard, expect, test, typeInto } from './test';

/**
 * Issue 5 in the browser: an image attached to a composer (file input, paste, drop) is read
 * locally and checked for the school's logo (tests/e2e/harrowby-pack.json carries the crest's
 * fingerprint, made from tests/fixtures/logos/logos/hartwell.png).
 */

const LOGOS = join(ROOT, 'tests/fixtures/logos');
const WITH_LOGO = join(LOGOS, 'positives/hartwell_09_banner.jpg');
const UNRELATED = join(LOGOS, 'negatives/photo_street_1.jpg');

/** Each site's composer with its own photo input and the label of its previews' remove button. */
const ATTACHING: { site: string; composer: ComposerFixture; fileInput: (page: Page) => Locator; removeLabel: string }[] = [
  { site: 'x', composer: SITE_FIXTURES[0]!.primary, fileInput: (page) => page.locator('[data-testid="toolBar"] input[data-testid="fileInput"]'), removeLabel: 'Remove media' },
  { site: 'facebook', composer: SITE_FIXTURES[1]!.primary, fileInput: (page) => page.locator('[role="dialog"] input[type="file"]'), removeLabel: 'Remove photo' },
  { site: 'instagram', composer: SITE_FIXTURES[2]!.primary, fileInput: (page) => page.locator('[role="dialog"] form input[type="file"]'), removeLabel: 'Delete' },
  { site: 'linkedin', composer: SITE_FIXTURES[3]!.primary, fileInput: (page) => page.locator('.share-creation-state input[type="file"]'), removeLabel: 'Remove media' },
  // The file input's change event stops at the shadow root (it is not composed).
  {
    site: 'linkedin',
    composer: SITE_FIXTURES[3]!.surfaces.find((surface) => surface.shadow && surface.open)!,
    fileInput: (page) => page.locator('#interop-outlet').locator('[role="dialog"] input[type="file"]'),
    removeLabel: 'Remove media',
  },
];

async function openComposer(page: Page, composer: ComposerFixture): Promise<void> {
  await page.goto(composer.url);
  await composer.open?.(page);
  await expect(composer.editor(page)).toBeVisible();
}

/** Waits until PostCheck has checked every image attached to the composer. */
async function imagesChecked(page: Page, count: number): Promise<void> {
  await expect(badges(page).and(page.locator(`[data-images="${count}/${count}"]`))).toHaveCount(1, { timeout: 15_000 });
}

async function expectLogoFinding(page: Page, which: string | RegExp): Promise<void> {
  const finding = card(page).locator('[data-postcheck="finding"][data-category="logo"]');
  await expect(finding).toHaveCount(1);
  await expect(finding).toHaveAttribute('data-rule', 'school-logo');
  await expect(finding.locator('[data-postcheck="image"]')).toContainText(which);
  await expect(finding.locator('[data-postcheck="clause-ref"]')).toHaveText('3.1');
  await expect(finding.locator('[data-postcheck="clause"]')).toContainText('Staff must not post anything that could bring the school into disrepute.');
}

/** Where a card sits must leave the site's own controls usable: the photo's remove button too. */
async function expectUncovered(page: Page, control: Locator): Promise<void> {
  const [cardBox, controlBox] = [await card(page).boundingBox(), await control.boundingBox()];
  if (!cardBox || !controlBox) return;
  const overlaps = cardBox.x < controlBox.x + controlBox.width && controlBox.x < cardBox.x + cardBox.width && cardBox.y < controlBox.y + controlBox.height && controlBox.y < cardBox.y + cardBox.height;
  expect(overlaps, 'card covers the remove button').toBe(false);
}

/** A file from disk handed to the page as a File, then pasted or dropped where `selector` is. */
async function pasteOrDrop(target: Locator, path: string, how: 'paste' | 'drop'): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  await target.evaluate(
    (target, { base64, how }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'photo.jpg', { type: 'image/jpeg' }));
      const event =
        how === 'paste'
          ? new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true, composed: true })
          : new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true });
      target.dispatchEvent(event);
    },
    { base64, how },
  );
}

for (const { site, composer, fileInput, removeLabel } of ATTACHING) {
  test.describe(`${site} ${composer.name}`, () => {
    test('a photo with the school crest, chosen through the composer\'s file input, is flagged and holds the post', async ({ sitePage: page }) => {
      await openComposer(page, composer);
      await typeInto(page, composer.editor(page), BENIGN_POST);
      await expect(badges(page).and(page.locator('[data-state="clear"]')).first()).toBeVisible();
      const longTasks = await watchLongTasks(page);
      const editorBefore = await composer.editor(page).innerHTML();
      await fileInput(page).setInputFiles(WITH_LOGO);
      await expect(page.getByRole('button', { name: removeLabel })).toHaveCount(1);
      await imagesChecked(page, 1);
      await expectLogoFinding(page, 'the attached photo');
      // Read-only towards the editor; and the check never ran as one long task on the page.
      expect(await composer.editor(page).innerHTML()).toBe(editorBefore);
      const tasks = await longTasks();
      expect(Math.max(0, ...tasks), `long tasks during the check: ${JSON.stringify(tasks)}`).toBeLessThan(100);
      await composer.postButton(page).click();
      await expect(confirmCard(page)).toBeVisible();
      await expect(confirmCard(page).locator('[data-category="logo"]')).toHaveCount(1);
      expect(await postedTexts(page)).toEqual([]);
      await confirmCard(page).getByRole('button', { name: 'Post anyway' }).click();
      await expect.poll(() => postedTexts(page)).toEqual([BENIGN_POST]);
    });

    test('removing the photo clears its finding', async ({ sitePage: page }) => {
      await openComposer(page, composer);
      await typeInto(page, composer.editor(page), BENIGN_POST);
      await fileInput(page).setInputFiles(WITH_LOGO);
      await imagesChecked(page, 1);
      await expectLogoFinding(page, 'the attached photo');
      await expectUncovered(page, page.getByRole('button', { name: removeLabel }));
      await page.getByRole('button', { name: removeLabel }).click();
      await expect(card(page)).toHaveCount(0);
      await expect(badges(page).and(page.locator('[data-state="clear"]')).first()).toBeVisible();
      await composer.postButton(page).click();
      await expect.poll(() => postedTexts(page)).toEqual([BENIGN_POST]);
      await expect(confirmCard(page)).toHaveCount(0);
    });
  });
}

test('an unrelated photo shows nothing and posts normally', async ({ sitePage: page }) => {
  const { composer, fileInput } = ATTACHING[0]!;
  await openComposer(page, composer);
  await typeInto(page, composer.editor(page), BENIGN_POST);
  await fileInput(page).setInputFiles(UNRELATED);
  await imagesChecked(page, 1);
  await expect(card(page)).toHaveCount(0);
  await expect(badges(page).and(page.locator('[data-state="clear"]')).first()).toBeVisible();
  await composer.postButton(page).click();
  await expect.poll(() => postedTexts(page)).toEqual([BENIGN_POST]);
  await expect(confirmCard(page)).toHaveCount(0);
});

test('a 12-megapixel photo is decoded and checked without a long task on the page', async ({ sitePage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'postcheck-logo-'));
  try {
    const big = join(dir, 'banner-4000x3000.jpg');
    await sharp(WITH_LOGO).resize(4000, 3000, { fit: 'fill' }).jpeg({ quality: 90 }).toFile(big);
    const { composer, fileInput } = ATTACHING[0]!;
    await openComposer(page, composer);
    await typeInto(page, composer.editor(page), BENIGN_POST);
    await expect(badges(page).and(page.locator('[data-state="clear"]')).first()).toBeVisible();
    const longTasks = await watchLongTasks(page);
    await fileInput(page).setInputFiles(big);
    await imagesChecked(page, 1);
    await expectLogoFinding(page, 'the attached photo');
    const tasks = await longTasks();
    expect(Math.max(0, ...tasks), `long tasks during the check: ${JSON.stringify(tasks)}`).toBeLessThan(100);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a photo pasted into the X composer is checked', async ({ sitePage: page }) => {
  const { composer } = ATTACHING[0]!;
  await openComposer(page, composer);
  await typeInto(page, composer.editor(page), BENIGN_POST);
  await pasteOrDrop(composer.editor(page), WITH_LOGO, 'paste');
  await imagesChecked(page, 1);
  await expectLogoFinding(page, 'the pasted image');
  await composer.postButton(page).click();
  await expect(confirmCard(page)).toBeVisible();
  expect(await postedTexts(page)).toEqual([]);
});

test('a photo dropped onto the Facebook create-post dialog is checked', async ({ sitePage: page }) => {
  const { composer } = ATTACHING[1]!;
  await openComposer(page, composer);
  await typeInto(page, composer.editor(page), BENIGN_POST);
  await pasteOrDrop(composer.editor(page), WITH_LOGO, 'drop');
  await imagesChecked(page, 1);
  await expectLogoFinding(page, 'the dropped image');
  await composer.postButton(page).click();
  await expect(confirmCard(page)).toBeVisible();
  expect(await postedTexts(page)).toEqual([]);
});
