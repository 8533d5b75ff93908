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
async function session(page: Page, composer: ComposerFixture, withPostCheck: boolean): Promise<EditorSnapshot[]> {
  await page.goto(composer.url);
  await composer.open?.(page);
  const editor = composer.editor(page);
  await editor.click();
  // Editors group undo steps by the time between keystrokes, and PostCheck's first compile
  // of the pack (bench: "pack compile") briefly holds the main thread: start typing once it is
  // done, in both runs, so the two sessions type at the same pace.
  if (withPostCheck) await expect(page.locator('[data-postcheck="badge"][data-state="empty"]').first()).toBeAttached();
  else await page.waitForTimeout(300);
  const shots: EditorSnapshot[] = [];
  await page.keyboard.type('Well done Grace Hetherington ');
  await page.waitForTimeout(250);
  shots.push(await snapshot(page, composer));
  // Editors close an undo step after a pause (Lexical 300 ms, Quill 1 s): pause longer, then
  // add one word as a single edit, so where undo lands does not hang on this machine's load.
  await page.waitForTimeout(1_200);
  await page.keyboard.insertText('today');
  await page.waitForTimeout(1_200);
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

/** Every composer the fixtures have; the one reached by navigation only where it is another page. */
const COMPOSERS = SITE_FIXTURES.flatMap((fixture) => [
  fixture.primary,
  fixture.secondary,
  ...(fixture.afterNavigation.url === fixture.primary.url ? [] : [fixture.afterNavigation]),
].map((composer) => ({ fixture, composer })));

for (const { fixture, composer } of COMPOSERS) {
  harmlessTest(`${fixture.site} ${composer.name}: the editor DOM is identical with and without PostCheck`, async ({ sitePage, plainBrowser }) => {
    const plainPage = await plainBrowser.context.newPage();
    const without = await session(plainPage, composer, false);
    await plainPage.close();
    expect(plainBrowser.ledger.disallowed).toEqual([]);
    const withPostCheck = await session(sitePage, composer, true);
    // PostCheck was really there: it underlined the name during the same session.
    await expect(sitePage.locator('[data-postcheck="badge"]').first()).toBeAttached();
    expect(withPostCheck).toEqual(without);
    // And the editor behaved: undo took typing back (editors group typing into undo steps
    // differently, hence a prefix), select-all selected it, and typing replaced it.
    const typed = 'Well done Grace Hetherington today';
    expect(without[0]?.text.trim()).toBe('Well done Grace Hetherington');
    expect(typed.startsWith(without[1]?.text ?? '!')).toBe(true);
    expect(without[1]?.text.length).toBeLessThan(typed.length);
    if (!composer.textarea) expect(without[2]?.selection.trim()).toBe(without[1]?.text.trim());
    expect(without[3]?.text).toBe('A benign post about the river');
  });
}
