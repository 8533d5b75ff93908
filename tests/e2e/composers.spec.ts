import type { Page } from '@playwright/test';
import { highlightedTexts, postedTexts } from './harness';
import { SITE_FIXTURES, type ComposerFixture } from './sites';
import { BENIGN_POST, badges, badgesIn, card, confirmCard, expect, PUPIL_POST, test, typeInto } from './test';

async function openComposer(page: Page, composer: ComposerFixture): Promise<void> {
  await page.goto(composer.url);
  await composer.open?.(page);
  await expect(composer.editor(page)).toBeVisible();
}

/**
 * Whether the underline is actually drawn: the page's `::highlight()` rules must reach the
 * underlined text, which for an editor in a shadow root means crossing its boundary.
 */
async function expectUnderlinePainted(page: Page, text: string): Promise<void> {
  const decoration = await page.evaluate((wanted) => {
    for (const name of ['postcheck-info', 'postcheck-warn', 'postcheck-block']) {
      for (const range of (CSS.highlights.get(name) ?? []) as unknown as Iterable<AbstractRange>) {
        if (!(range instanceof Range) || range.toString() !== wanted) continue;
        const node = range.startContainer;
        const element = node instanceof Element ? node : node.parentElement;
        return element ? getComputedStyle(element, `::highlight(${name})`).textDecorationLine : 'no element';
      }
    }
    return 'no range';
  }, text);
  expect(decoration).toContain('underline');
}

async function expectUnderlined(page: Page, composer: ComposerFixture, text: string): Promise<void> {
  if (composer.textarea) {
    await expect(page.locator('[data-postcheck="underline"]')).toHaveText([text]);
  } else {
    await expect.poll(() => highlightedTexts(page)).toContain(text);
    await expectUnderlinePainted(page, text);
  }
}

async function expectNothingUnderlined(page: Page, composer: ComposerFixture): Promise<void> {
  if (composer.textarea) await expect(page.locator('[data-postcheck="underline"]')).toHaveCount(0);
  else await expect.poll(() => highlightedTexts(page)).toEqual([]);
}

async function submit(page: Page, composer: ComposerFixture, how: 'click' | 'key'): Promise<void> {
  if (how === 'key' && composer.submitKey) {
    await composer.editor(page).focus();
    await page.keyboard.press(composer.submitKey === 'Enter' ? 'Enter' : 'ControlOrMeta+Enter');
  } else {
    await composer.postButton(page).click();
  }
}

/**
 * Records, in the page's own world, every mutation of the editor from now on. A focus class the
 * editor library sets on itself (ProseMirror marks its root when it has focus, and clicking Post
 * moves focus with or without PostCheck) is the editor's own doing and is left out.
 */
async function watchEditorMutations(composer: ComposerFixture, page: Page): Promise<() => Promise<{ mutations: string[]; same: boolean }>> {
  const ownFocusClasses = ['ProseMirror-focused'];
  await composer.editor(page).evaluate((editor, ownFocusClasses) => {
    const withoutFocus = (html: string) => ownFocusClasses.reduce((text, name) => text.replaceAll(` ${name}`, '').replaceAll(name, ''), html);
    const onlyFocusChanged = (mutation: MutationRecord) => {
      if (mutation.type !== 'attributes' || mutation.attributeName !== 'class') return false;
      const target = mutation.target as Element;
      return withoutFocus(mutation.oldValue ?? '').trim() === withoutFocus(target.getAttribute('class') ?? '').trim();
    };
    const record = { mutations: [] as string[], before: withoutFocus(editor.outerHTML), value: editor instanceof HTMLTextAreaElement ? editor.value : null };
    new MutationObserver((list) =>
      record.mutations.push(...list.filter((mutation) => !onlyFocusChanged(mutation)).map((mutation) => `${mutation.type} ${mutation.attributeName ?? ''} on ${(mutation.target as Element).nodeName ?? ''}`)),
    ).observe(editor, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeOldValue: true,
      characterData: true,
    });
    (window as unknown as { __editorWatch: typeof record }).__editorWatch = record;
    (window as unknown as { __withoutFocus: typeof withoutFocus }).__withoutFocus = withoutFocus;
  }, ownFocusClasses);
  return () =>
    composer.editor(page).evaluate((editor) => {
      const scope = window as unknown as { __editorWatch: { mutations: string[]; before: string; value: string | null }; __withoutFocus: (html: string) => string };
      const record = scope.__editorWatch;
      const value = editor instanceof HTMLTextAreaElement ? editor.value : null;
      return { mutations: record.mutations, same: record.before === scope.__withoutFocus(editor.outerHTML) && record.value === value };
    });
}

// Every composer surface of every site gets the same cases (issue 12).
for (const fixture of SITE_FIXTURES) {
  test.describe(fixture.site, () => {
    for (const composer of fixture.surfaces) {
      test.describe(composer.name, () => {
        test('a listed pupil is underlined and the card cites the clause', async ({ sitePage: page }) => {
          await openComposer(page, composer);
          await typeInto(page, composer.editor(page), PUPIL_POST);
          await expectUnderlined(page, composer, 'Grace Hetherington');
          const shown = card(page);
          await expect(shown).toBeVisible();
          await expect(shown.locator('[data-postcheck="finding"]')).toHaveAttribute('data-category', 'pupil');
          await expect(shown.locator('[data-postcheck="clause-ref"]')).toHaveText('4.2');
          await expect(shown.locator('[data-postcheck="clause"]')).toContainText('Staff must not name, tag or otherwise identify any pupil');
          await expect(shown.locator('[data-postcheck="clause"]')).toContainText('Harrowby Fields Social Media Policy');
          await expect(badgesIn(page, 'issues')).toHaveCount(1);
          // The lazily imported engine lives in the content script's isolated world, not the page's.
          expect(await page.evaluate(() => '__postcheckEngine' in window)).toBe(false);
          // The card sits beside the composer and never over its post button.
          const cardBox = await shown.boundingBox();
          const buttonBox = await composer.postButton(page).boundingBox();
          if (cardBox && buttonBox) {
            const overlaps =
              cardBox.x < buttonBox.x + buttonBox.width && buttonBox.x < cardBox.x + cardBox.width && cardBox.y < buttonBox.y + buttonBox.height && buttonBox.y < cardBox.y + cardBox.height;
            expect(overlaps, 'card covers the post button').toBe(false);
          }
        });

        test('posting is held; going back to edit the name out lets the post through', async ({ sitePage: page }) => {
          await openComposer(page, composer);
          await typeInto(page, composer.editor(page), PUPIL_POST);
          await expectUnderlined(page, composer, 'Grace Hetherington');
          await submit(page, composer, 'click');
          await expect(confirmCard(page)).toBeVisible();
          expect(await postedTexts(page)).toEqual([]);
          // "Go back and edit" puts the focus on the underlined name, selected, so typing replaces it.
          await confirmCard(page).getByRole('button', { name: 'Go back and edit' }).click();
          await expect(confirmCard(page)).toHaveCount(0);
          await page.keyboard.type('our star speller');
          await expectNothingUnderlined(page, composer);
          await submit(page, composer, 'click');
          await expect.poll(() => postedTexts(page)).toEqual(['Well done our star speller on the spelling bee']);
        });

        test(`the post ${composer.submitKey ? `shortcut (${composer.submitKey})` : 'button'} is held, and "post anyway" posts exactly once`, async ({ sitePage: page }) => {
          await openComposer(page, composer);
          await typeInto(page, composer.editor(page), PUPIL_POST);
          await expectUnderlined(page, composer, 'Grace Hetherington');
          await submit(page, composer, 'key');
          await expect(confirmCard(page)).toBeVisible();
          await expect(confirmCard(page)).toContainText('4.2');
          expect(await postedTexts(page)).toEqual([]);
          await confirmCard(page).getByRole('button', { name: 'Post anyway' }).click();
          await expect.poll(() => postedTexts(page)).toEqual([PUPIL_POST]);
          await page.waitForTimeout(300);
          expect(await postedTexts(page)).toEqual([PUPIL_POST]);
          await expect(confirmCard(page)).toHaveCount(0);
        });

        test('a benign post shows nothing and posts normally', async ({ sitePage: page }) => {
          await openComposer(page, composer);
          await typeInto(page, composer.editor(page), BENIGN_POST);
          await expect(badgesIn(page, 'clear').first()).toBeVisible();
          await expect(badgesIn(page, 'issues')).toHaveCount(0);
          await expectNothingUnderlined(page, composer);
          await expect(card(page)).toHaveCount(0);
          await submit(page, composer, composer.submitKey ? 'key' : 'click');
          await expect.poll(() => postedTexts(page)).toEqual([BENIGN_POST]);
          await expect(confirmCard(page)).toHaveCount(0);
        });

        test('the editor DOM is unchanged while PostCheck underlines, repaints and holds the post', async ({ sitePage: page }) => {
          await openComposer(page, composer);
          await typeInto(page, composer.editor(page), PUPIL_POST);
          await expectUnderlined(page, composer, 'Grace Hetherington');
          await expect(card(page)).toBeVisible();
          const editorChanges = await watchEditorMutations(composer, page);
          // Each of these makes PostCheck re-check, repaint or hold; the user types nothing.
          await page.mouse.wheel(0, 40);
          await page.setViewportSize({ width: 1240, height: 880 });
          await submit(page, composer, 'click');
          await expect(confirmCard(page)).toBeVisible();
          await expectUnderlined(page, composer, 'Grace Hetherington');
          expect(await editorChanges()).toEqual({ mutations: [], same: true });
          await expect(composer.editor(page).locator('[data-postcheck]')).toHaveCount(0);
          expect(await postedTexts(page)).toEqual([]);
        });
      });
    }

    test('a composer that appears after single-page navigation is checked', async ({ sitePage: page }) => {
      const composer = fixture.afterNavigation;
      await page.goto(composer.navigateFrom);
      await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: composer.navLink, exact: true }).click();
      await expect(page).toHaveURL(composer.url);
      await expect(composer.editor(page)).toBeVisible();
      await typeInto(page, composer.editor(page), PUPIL_POST);
      await expectUnderlined(page, composer, 'Grace Hetherington');
      await expect(card(page)).toContainText('4.2');
      await submit(page, composer, 'click');
      await expect(confirmCard(page)).toBeVisible();
    });

    test('a pasted paragraph is checked', async ({ sitePage: page }) => {
      const composer = fixture.primary;
      await openComposer(page, composer);
      await composer.editor(page).click();
      await page.evaluate((text) => navigator.clipboard.writeText(text), `Sports day was brilliant. ${PUPIL_POST}, and thanks to every parent who came.`);
      await page.keyboard.press('ControlOrMeta+V');
      await expect(composer.editor(page)).toContainText('thanks to every parent');
      await expectUnderlined(page, composer, 'Grace Hetherington');
      await expect(card(page)).toContainText('4.2');
    });

    test('a composer PostCheck cannot read says "not checking here"', async ({ sitePage: page }) => {
      await page.goto(fixture.unreadableUrl);
      const badge = badgesIn(page, 'unreadable');
      await expect(badge).toHaveAttribute('data-state', 'unreadable');
      await expect(badge).toHaveText(/Not checking here/);
      await expect(badge).toHaveAccessibleName(/not checking here/i);
    });
  });
}

test.describe('LinkedIn #interop-outlet shadow root', () => {
  test('composers in it are found without focus, including a dialog opened there later', async ({ sitePage: page }) => {
    await page.goto('https://www.linkedin.com/interop/feed/');
    // The comment box was in the shadow root at load: found by the scan, not by focus.
    await expect(badges(page)).toHaveCount(1);
    await page.getByRole('button', { name: 'Start a post', exact: true }).click();
    const editor = page.locator('#interop-outlet').locator('[role="dialog"] [role="textbox"]');
    await expect(editor).toBeVisible();
    // The share dialog was added inside the shadow root, which the document's observer cannot see.
    await expect(badges(page)).toHaveCount(2);
    expect(await editor.evaluate((element) => { const root = element.getRootNode(); return root instanceof ShadowRoot && root.activeElement !== element; })).toBe(true);
  });
});

test.describe('ignore once', () => {
  test('dismisses one finding for this post and survives further typing', async ({ sitePage: page }) => {
    const composer = SITE_FIXTURES[0]!.primary;
    await openComposer(page, composer);
    await typeInto(page, composer.editor(page), 'Grace Hetherington and Tobias Quennell won');
    await expect(card(page).locator('[data-postcheck="finding"]')).toHaveCount(2);
    await card(page).getByRole('button', { name: 'Ignore once: Grace Hetherington' }).click();
    await expect(card(page).locator('[data-postcheck="finding"]')).toHaveCount(1);
    await page.keyboard.type(' the relay today');
    await expect.poll(() => highlightedTexts(page)).toEqual(['Tobias Quennell']);
    await expect(card(page).locator('[data-postcheck="finding"]')).toHaveCount(1);
  });
});
