import type { Locator, Page } from '@playwright/test';
import { CHROMIUM_EXTENSION_ID } from '../../wxt.config';
import { highlightedTexts, launchWithExtension, postedTexts } from './harness';
import { SITE_FIXTURES, type ComposerFixture } from './sites';
import { badgesIn, card, clearEditor, confirmCard, expect, PUPIL_POST, test, typeInto } from './test';

/** The four composers and the Facebook comment box (issue 11's list), plus the other comment boxes. */
const COMPOSERS: ComposerFixture[] = SITE_FIXTURES.flatMap((fixture) => [fixture.primary, fixture.secondary]).map((composer, index) => ({
  ...composer,
  name: `${SITE_FIXTURES[Math.floor(index / 2)]!.site} ${composer.name}`,
}));

const SICK_POST = 'Rang in sick this morning, now at Twickenham for the rugby';
const SWEARY_POST = 'this f*cking place is a joke, SLT are clueless';
const HARMLESS_POST = 'Lovely walk with the dog along the river';
/** Three lines in a phone-width composer. */
const LONG_PUPIL_POST = 'Well done Grace Hetherington! A brilliant effort in the spelling bee this afternoon, so proud of everyone';

async function openComposer(page: Page, composer: ComposerFixture): Promise<void> {
  await page.goto(composer.url);
  await composer.open?.(page);
  await expect(composer.editor(page)).toBeVisible();
}

async function underlined(page: Page, composer: ComposerFixture): Promise<string[]> {
  if (composer.textarea) return page.locator('[data-postcheck="underline"]').allTextContents();
  return highlightedTexts(page);
}

async function submit(page: Page, composer: ComposerFixture): Promise<void> {
  if (composer.submitKey) {
    await composer.editor(page).focus();
    await page.keyboard.press(composer.submitKey === 'Enter' ? 'Enter' : 'ControlOrMeta+Enter');
  } else await composer.postButton(page).click();
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  what: string;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * What a card must leave uncovered: the typed text, and the composer's own controls and headings
 * — those in its dialog, or else in the smallest box around the editor that holds its post button.
 */
async function protectedRects(page: Page, editor: Locator, postButton: Locator): Promise<Rect[]> {
  const button = await postButton.elementHandle();
  return editor.evaluate((element, post) => {
    let scope: Element | null = element.closest('[role="dialog"]');
    if (!scope) {
      scope = element;
      while (scope && post && !scope.contains(post)) scope = scope.parentElement;
    }
    const rects: { x: number; y: number; width: number; height: number; what: string }[] = [];
    const add = (node: Element, what: string) => {
      const rect = node.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) rects.push({ x: rect.x, y: rect.y, width: rect.width, height: rect.height, what });
    };
    add(element, 'the typed text');
    for (const control of (scope ?? element).querySelectorAll('button, [role="button"], h1, h2, h3, [role="heading"]')) {
      if (element.contains(control)) continue;
      add(control, control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 30) ?? control.tagName);
    }
    return rects;
  }, button);
}

async function expectPlacedWell(page: Page, composer: ComposerFixture, shown: Locator): Promise<void> {
  const box = await shown.boundingBox();
  expect(box, 'card has a box').not.toBeNull();
  const viewport = page.viewportSize()!;
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 0.5);
  const covered = (await protectedRects(page, composer.editor(page), composer.postButton(page))).filter((rect) => overlaps({ ...box!, what: 'card' }, rect)).map((rect) => rect.what);
  expect(covered, 'what the card covers').toEqual([]);
}

test.describe('fresh profile, no school pack: the general pack checks', () => {
  test.use({ config: { pack: null } });
  for (const composer of COMPOSERS) {
    test(`${composer.name}: sickness with leisure is flagged against the Durham model policy`, async ({ sitePage: page }) => {
      await openComposer(page, composer);
      await typeInto(page, composer.editor(page), SICK_POST);
      const shown = card(page);
      await expect(shown).toBeVisible();
      await expect(shown.locator('[data-postcheck="finding"]')).toHaveAttribute('data-category', 'sickness');
      await expect(shown.locator('[data-postcheck="clause-ref"]')).toHaveText('Section 3, Examples of inappropriate use of social media, bullet 12');
      await expect(shown.locator('[data-postcheck="general-policy"]')).toContainText('general staff policy');
      await expect(shown.locator('[data-postcheck="general-policy"]')).toContainText("load its pack in PostCheck's settings");
      await expect(shown.locator('[data-postcheck="underlined"]')).toHaveText('Underlined: “Rang in sick” and “Twickenham”, read together.');
      await expect(badgesIn(page, 'issues')).toHaveAttribute('data-policy', 'general');
    });
  }

  test('the popup says it checks against the general policy and how to load the school pack', async ({ sitePage, extensionBrowser }) => {
    // sitePage writes this describe's config (no pack) before the popup reads it.
    expect(sitePage.isClosed()).toBe(false);
    const popup = await extensionBrowser.context.newPage();
    await popup.goto(`chrome-extension://${CHROMIUM_EXTENSION_ID}/popup.html`);
    await expect(popup.getByTestId('popup-general')).toContainText('general staff policy');
    await expect(popup.getByTestId('popup-pack')).toContainText("load its pack in PostCheck's settings");
    await popup.close();
  });

  test('swearing and a sneer at the school are both flagged; plain swearing is not called disguised', async ({ sitePage: page }) => {
    const composer = COMPOSERS[0]!;
    await openComposer(page, composer);
    await typeInto(page, composer.editor(page), SWEARY_POST);
    await expect(card(page).locator('[data-postcheck="finding"]')).toHaveCount(2);
    await expect(card(page)).toContainText('letters hidden');
    await clearEditor(page, composer.editor(page));
    await page.keyboard.type('this fucking place');
    await expect(card(page).locator('[data-postcheck="finding"]')).toHaveCount(1);
    await expect(card(page)).not.toContainText('hidden');
    await expect(card(page)).not.toContainText('disguis');
  });
});

for (const composer of COMPOSERS) {
  test.describe(composer.name, () => {
    test('the card follows the text: after a held post, clear and type something harmless, and nothing stale stays', async ({ sitePage: page }) => {
      await openComposer(page, composer);
      await typeInto(page, composer.editor(page), PUPIL_POST);
      await expect(card(page)).toBeVisible();
      await submit(page, composer);
      await expect(confirmCard(page)).toBeVisible();
      await clearEditor(page, composer.editor(page));
      await expect(confirmCard(page)).toHaveCount(0);
      await expect(card(page)).toHaveCount(0);
      await page.keyboard.type(HARMLESS_POST);
      await expect(badgesIn(page, 'clear')).toHaveCount(1);
      await expect(card(page)).toHaveCount(0);
      await expect(confirmCard(page)).toHaveCount(0);
      expect(await underlined(page, composer)).toEqual([]);
      await submit(page, composer);
      await expect.poll(() => postedTexts(page)).toEqual([HARMLESS_POST]);
    });

    test('after clearing and undo, the card and underline match the text that is there', async ({ sitePage: page }) => {
      await openComposer(page, composer);
      await typeInto(page, composer.editor(page), PUPIL_POST);
      await expect(card(page)).toBeVisible();
      await clearEditor(page, composer.editor(page));
      await expect(card(page)).toHaveCount(0);
      expect(await underlined(page, composer)).toEqual([]);
      await page.keyboard.press('ControlOrMeta+Z');
      // Whatever the editor's undo restored, the card says exactly that, no more and no less.
      const restored = (await composer.editor(page).evaluate((element) => (element instanceof HTMLTextAreaElement ? element.value : element.textContent ?? ''))).includes('Grace Hetherington');
      if (restored) {
        await expect(card(page)).toBeVisible();
        await expect.poll(() => underlined(page, composer)).toEqual(['Grace Hetherington']);
      } else {
        await page.waitForTimeout(300);
        await expect(card(page)).toHaveCount(0);
      }
      await clearEditor(page, composer.editor(page));
      await expect(card(page)).toHaveCount(0);
      expect(await underlined(page, composer)).toEqual([]);
    });

    test('keyboard: Tab from the editor reaches the card, Escape closes it and returns to the editor', async ({ sitePage: page }) => {
      await openComposer(page, composer);
      await typeInto(page, composer.editor(page), PUPIL_POST);
      await expect(card(page)).toBeVisible();
      await expect(page.locator('[data-postcheck="announce"]')).toContainText('Not allowed here');
      await page.keyboard.press('Tab');
      await expect(card(page).getByRole('button', { name: 'Close PostCheck card' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(card(page)).toHaveCount(0);
      await expect(composer.editor(page).or(composer.editor(page).locator('[contenteditable="true"]'))).toBeFocused();
    });

    test('"Ignore once" on the last finding returns focus to the editor', async ({ sitePage: page }) => {
      await openComposer(page, composer);
      await typeInto(page, composer.editor(page), PUPIL_POST);
      await card(page).getByRole('button', { name: /Ignore once/ }).click();
      await expect(card(page)).toHaveCount(0);
      await expect(composer.editor(page).or(composer.editor(page).locator('[contenteditable="true"]'))).toBeFocused();
    });

    test('the hold dialog traps focus, shows its question and answers unscrolled, and restores focus', async ({ sitePage: page }) => {
      await openComposer(page, composer);
      await typeInto(page, composer.editor(page), PUPIL_POST);
      await expect(card(page)).toBeVisible();
      await submit(page, composer);
      const dialog = confirmCard(page);
      await expect(dialog).toBeVisible();
      const edit = dialog.getByRole('button', { name: 'Go back and edit' });
      const anyway = dialog.getByRole('button', { name: 'Post anyway' });
      await expect(edit).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(anyway).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(edit).toBeFocused();
      await page.keyboard.press('Shift+Tab');
      await expect(anyway).toBeFocused();
      // Question and both answers inside the dialog's visible box, with nothing scrolled.
      const box = (await dialog.boundingBox())!;
      for (const part of [dialog.getByRole('heading'), edit, anyway]) {
        const partBox = (await part.boundingBox())!;
        expect(partBox.y).toBeGreaterThanOrEqual(box.y);
        expect(partBox.y + partBox.height).toBeLessThanOrEqual(box.y + box.height);
      }
      expect(await dialog.evaluate((element) => element.scrollTop)).toBe(0);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(composer.editor(page).or(composer.editor(page).locator('[contenteditable="true"]'))).toBeFocused();
    });

    test('at 360×640 with a three-line post, neither the card, the hold card nor the badge covers the text or the controls', async ({ sitePage: page }) => {
      await page.setViewportSize({ width: 360, height: 640 });
      await openComposer(page, composer);
      await typeInto(page, composer.editor(page), LONG_PUPIL_POST);
      await expect(card(page)).toBeVisible();
      await expectPlacedWell(page, composer, card(page));
      // The badge sits on the editor's edge: it may touch the box, never a line of the text.
      const badgeButton = page.locator('[data-postcheck="badge"][data-state="issues"]');
      const badge = (await badgeButton.boundingBox())!;
      // Its words stay inside its own box (wrapped, they spilled out of it onto the text).
      expect(await badgeButton.evaluate((element) => element.scrollHeight <= element.clientHeight + 1 && element.scrollWidth <= element.clientWidth + 1)).toBe(true);
      const lines = await composer.editor(page).evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element instanceof HTMLTextAreaElement ? element : element);
        return [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height, what: 'a line of text' }));
      });
      if (!composer.textarea) expect(lines.filter((line) => overlaps({ ...badge, what: 'badge' }, line)), 'text under the badge').toEqual([]);
      await submit(page, composer);
      await expect(confirmCard(page)).toBeVisible();
      await expectPlacedWell(page, composer, confirmCard(page));
    });

    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 360, height: 740 },
    ]) {
      test(`at ${viewport.width}×${viewport.height} the card and the hold card stay on screen and cover neither the text nor the composer's controls`, async ({ sitePage: page }) => {
        await page.setViewportSize(viewport);
        await openComposer(page, composer);
        await typeInto(page, composer.editor(page), PUPIL_POST);
        await expect(card(page)).toBeVisible();
        await expectPlacedWell(page, composer, card(page));
        await submit(page, composer);
        await expect(confirmCard(page)).toBeVisible();
        await expectPlacedWell(page, composer, confirmCard(page));
      });
    }
  });
}

test('a fresh install opens the first-run page once: what it checks, privacy, setup, and a post to try', async () => {
  test.setTimeout(60_000);
  const browser = await launchWithExtension();
  try {
    const isWelcome = (candidate: Page) => candidate.url().endsWith('/welcome.html');
    const welcome = browser.context.pages().find(isWelcome) ?? (await browser.context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }));
    await expect(welcome.getByRole('heading', { name: 'Welcome to PostCheck' })).toBeVisible();
    await expect(welcome.getByTestId('welcome-checks')).toContainText('general staff policy');
    await expect(welcome.getByTestId('welcome-private')).toContainText('sends nothing anywhere');
    await expect(welcome.getByTestId('welcome-setup')).toContainText('School rule pack');
    await expect(welcome.getByTestId('welcome-setup')).toContainText('pupil and staff lists');
    await welcome.getByTestId('try-post').fill(SICK_POST);
    await expect(welcome.getByTestId('try-findings')).toContainText('Check before posting');
    await expect(welcome.getByTestId('try-findings')).toContainText('bullet 12');
    expect(browser.context.pages().filter(isWelcome)).toHaveLength(1);
    expect(browser.ledger.disallowed).toEqual([]);
  } finally {
    await browser.close();
  }
});
