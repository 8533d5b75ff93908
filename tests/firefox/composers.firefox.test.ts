import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureSite } from '../e2e/harness';
import { CORE_CASES_POLICY, deep, highlightedTexts, launchFirefox, postedTexts, textOf, uncheckedUrl, waitFor, type FirefoxWithExtension } from './harness';

/**
 * The core cases of tests/e2e/composers.spec.ts, in a real Firefox ESR with the Firefox build
 * installed as a temporary add-on, on the main composer of each of the four site fixtures.
 */

const PUPIL_POST = 'Well done Grace Hetherington on the spelling bee';

interface Composer {
  site: FixtureSite;
  url: string;
  /** CSS (or Puppeteer) selector of something to click first to reveal the composer. */
  open?: string;
  editor: string;
  postButton: string;
}

const COMPOSERS: Composer[] = [
  { site: 'x', url: 'https://x.com/home', editor: '[data-testid="tweetTextarea_0"]', postButton: 'button[data-testid="tweetButtonInline"]' },
  {
    site: 'facebook',
    url: 'https://www.facebook.com/',
    open: `::-p-aria([name="What's on your mind, Sam?"][role="button"])`,
    editor: '[role="dialog"] [role="textbox"][data-lexical-editor="true"]',
    postButton: 'div[aria-label="Post"][role="button"]',
  },
  {
    site: 'instagram',
    url: 'https://www.instagram.com/create/details/',
    editor: '[aria-label="Write a caption..."][contenteditable="true"]',
    postButton: '::-p-aria([name="Share"][role="button"])',
  },
  {
    site: 'linkedin',
    url: 'https://www.linkedin.com/sharing/compose/',
    editor: '.ql-editor[aria-label="Text editor for creating content"]',
    postButton: '::-p-aria([name="Post"][role="button"])',
  },
];

let firefox: FirefoxWithExtension;

beforeAll(async () => {
  firefox = await launchFirefox(CORE_CASES_POLICY);
}, 180_000);

afterAll(async () => {
  await firefox?.close();
});

async function typeIntoComposer(page: Page, composer: Composer, url: string, text: string): Promise<void> {
  await page.goto(url);
  if (composer.open) await (await page.waitForSelector(composer.open))!.click();
  const editor = (await page.waitForSelector(composer.editor, { visible: true }))!;
  await editor.click();
  await page.keyboard.type(text);
}

/** The editor's markup, with the random per-instance keys Draft.js writes (data-editor, data-offset-key) made constant. */
const editorHtml = async (page: Page, composer: Composer) =>
  (await page.$eval(composer.editor, (element) => element.innerHTML)).replace(/(data-editor|data-offset-key)="[a-z0-9]+/g, '$1="KEY');

describe('Firefox: PostCheck on the four composers', () => {
  for (const composer of COMPOSERS) {
    it(`${composer.site}: warns with the clause, holds the post, "post anyway" posts once, leaves the editor alone and the network untouched`, { timeout: 120_000 }, async () => {
      firefox.leaks.length = 0;
      firefox.disallowed.length = 0;

      // The editor as the site's own library leaves it, at an origin PostCheck does not run on.
      const plain = await firefox.newSitePage();
      await typeIntoComposer(plain, composer, uncheckedUrl(composer.site, composer.url), PUPIL_POST);
      const untouchedHtml = await editorHtml(plain, composer);
      expect(await plain.$(deep('[data-postcheck="badge"]'))).toBeNull();
      await plain.close();

      const page = await firefox.newSitePage();
      await typeIntoComposer(page, composer, composer.url, PUPIL_POST);

      // The warning appears, underlines the name and quotes the clause.
      const card = (await page.waitForSelector(deep('[data-postcheck="card"]'), { timeout: 30_000 }))!;
      expect(await waitFor(() => highlightedTexts(page), (texts) => texts.includes('Grace Hetherington'))).toContain('Grace Hetherington');
      const finding = (await card.$('[data-postcheck="finding"]'))!;
      expect(await finding.evaluate((element) => element.getAttribute('data-category'))).toBe('pupil');
      expect(await textOf((await card.$('[data-postcheck="clause-ref"]'))!)).toBe('4.2');
      const clause = await textOf((await card.$('[data-postcheck="clause"]'))!);
      expect(clause).toContain('Staff must not name, tag or otherwise identify any pupil');
      expect(clause).toContain('Harrowby Fields Social Media Policy');

      if (process.env.POSTCHECK_SCREENSHOTS) await page.screenshot({ path: join(process.env.POSTCHECK_SCREENSHOTS, `firefox-${composer.site}.png`) });

      // PostCheck wrote nothing into the editor: it is exactly what the editor library made.
      expect(await editorHtml(page, composer)).toBe(untouchedHtml);

      // The post is held.
      await (await page.waitForSelector(composer.postButton))!.click();
      const confirm = (await page.waitForSelector(deep('[data-postcheck="confirm"]')))!;
      expect(await textOf(confirm)).toContain('4.2');
      expect(await postedTexts(page)).toEqual([]);
      expect(await editorHtml(page, composer)).toBe(untouchedHtml);

      // "Post anyway" posts exactly once.
      await (await page.waitForSelector(deep('[data-postcheck="confirm"] button.pc-secondary')))!.click();
      expect(await waitFor(() => postedTexts(page), (posted) => posted.length > 0)).toEqual([PUPIL_POST]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await postedTexts(page)).toEqual([PUPIL_POST]);
      expect(await page.$(deep('[data-postcheck="confirm"]'))).toBeNull();
      await page.close();

      // No request left the browser: nothing past interception, nothing to the loopback trap.
      expect(firefox.disallowed, 'requests to hosts other than the fixtures').toEqual([]);
      expect(firefox.leaks, 'connections Firefox tried to make').toEqual([]);
    });
  }
});
