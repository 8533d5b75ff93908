import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { SITE_FIXTURES, type ComposerFixture } from './sites';
import { expect, test } from './test';

/**
 * Issue 6, "harmless to the sites": the same typing, undo and selection leave the editor's
 * DOM exactly as it is without PostCheck. Only keys the editors generate at random differ
 * between two page loads, and those are normalised away.
 */
const GENERATED_KEYS = /\s(data-offset-key|data-editor|aria-describedby|aria-activedescendant|id)="[^"]*"/g;

interface EditorSnapshot {
  html: string;
  text: string;
  selection: string;
}

async function snapshot(page: Page, composer: ComposerFixture): Promise<EditorSnapshot> {
  return composer.editor(page).evaluate((element) => ({
    html: element.outerHTML,
    text: element instanceof HTMLTextAreaElement ? element.value : (element.textContent ?? ''),
    selection: element instanceof HTMLTextAreaElement ? `${element.selectionStart}-${element.selectionEnd}` : String(document.getSelection()),
  }));
}

function normalise(shot: EditorSnapshot): EditorSnapshot {
  return { ...shot, html: shot.html.replace(GENERATED_KEYS, ' $1="…"') };
}

/** Typing, a word undone, a selection replaced: what a person does in a composer. */
async function session(page: Page, composer: ComposerFixture): Promise<EditorSnapshot[]> {
  await page.goto(composer.url);
  await composer.open?.(page);
  const editor = composer.editor(page);
  await editor.click();
  const shots: EditorSnapshot[] = [];
  await page.keyboard.type('Well done Grace Hetherington ');
  await page.waitForTimeout(250);
  shots.push(await snapshot(page, composer));
  await page.keyboard.type('today');
  await page.waitForTimeout(400);
  await page.keyboard.press('ControlOrMeta+Z');
  await page.waitForTimeout(250);
  shots.push(await snapshot(page, composer));
  await page.keyboard.press('ControlOrMeta+A');
  shots.push(await snapshot(page, composer));
  await page.keyboard.type('A benign post about the river');
  await page.waitForTimeout(250);
  shots.push(await snapshot(page, composer));
  return shots.map(normalise);
}

const harmlessTest = test.extend<object, { plainBrowser: ExtensionBrowser }>({
  plainBrowser: [
    async ({}, use) => {
      const browser = await launchWithExtension({ extension: false });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
});

for (const fixture of SITE_FIXTURES) {
  for (const composer of [fixture.primary, fixture.secondary]) {
    harmlessTest(`${fixture.site} ${composer.name}: the editor DOM is identical with and without PostCheck`, async ({ sitePage, plainBrowser }) => {
      const plainPage = await plainBrowser.context.newPage();
      const without = await session(plainPage, composer);
      await plainPage.close();
      expect(plainBrowser.ledger.disallowed).toEqual([]);
      const withPostCheck = await session(sitePage, composer);
      // PostCheck was really there: it underlined the name during the same session.
      await expect(sitePage.locator('[data-postcheck="badge"]').first()).toBeAttached();
      expect(withPostCheck).toEqual(without);
      // And the editor behaved: undo removed "today", select-all + typing replaced everything.
      expect(without[1]?.text.trim()).toBe('Well done Grace Hetherington');
      expect(without[3]?.text).toBe('A benign post about the river');
    });
  }
}
