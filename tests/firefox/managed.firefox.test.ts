import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/harness';
import { deep, highlightedTexts, launchFirefox, postedTexts, textOf, waitFor, type FirefoxWithExtension } from './harness';

/**
 * Managed policy on Firefox, the way docs/deploying.md tells an IT manager to set it: the
 * policies.json shown there (read from the page, so the doc and the test cannot differ) in
 * Firefox ESR's distribution folder, `3rdparty.Extensions.<add-on id>`. It must reach the
 * add-on's storage.managed, its pack must be the one used, and its mode, lock and site
 * settings must hold.
 */

const doc = readFileSync(join(ROOT, 'docs/deploying.md'), 'utf8');
const example = /<!-- example: firefox -->\n```json\n([\s\S]*?)\n```/.exec(doc);
if (!example) throw new Error('docs/deploying.md has no <!-- example: firefox --> block');
const DOCUMENTED_POLICY = JSON.parse(example[1]!) as object;

let firefox: FirefoxWithExtension;

beforeAll(async () => {
  firefox = await launchFirefox(DOCUMENTED_POLICY);
}, 180_000);

afterAll(async () => {
  await firefox?.close();
});

describe('Firefox: the documented policies.json', () => {
  it('pushes the pack and the pupil list: a pupil named in the policy is found and the pushed clause quoted', { timeout: 90_000 }, async () => {
    const page = await firefox.newSitePage();
    await page.goto('https://x.com/home');
    const editor = (await page.waitForSelector('[data-testid="tweetTextarea_0"]', { visible: true }))!;
    await editor.click();
    await page.keyboard.type('So proud of Tobias Quennell in the school play');
    const card = (await page.waitForSelector(deep('[data-postcheck="card"]'), { timeout: 30_000 }))!;
    expect(await waitFor(() => highlightedTexts(page), (texts) => texts.includes('Tobias Quennell'))).toContain('Tobias Quennell');
    expect(await textOf((await card.$('[data-postcheck="clause-ref"]'))!)).toBe('4.2');
    const clause = await textOf((await card.$('[data-postcheck="clause"]'))!);
    expect(clause).toContain('Staff must not name, tag or otherwise identify any pupil on a personal social media account.');
    expect(clause).toContain('Harrowby Fields Social Media Policy');

    // "mode": "block" with "lock": true: the post is held and cannot be sent anyway.
    await (await page.waitForSelector('button[data-testid="tweetButtonInline"]'))!.click();
    const confirm = (await page.waitForSelector(deep('[data-postcheck="confirm"]')))!;
    expect(await textOf(confirm)).toContain("Your school's policy does not allow this post as written");
    expect(await confirm.$('button.pc-secondary')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await postedTexts(page)).toEqual([]);
    await page.close();
    expect(firefox.disallowed).toEqual([]);
    expect(firefox.leaks).toEqual([]);
  });

  it('keeps LinkedIn unchecked, as "enabledSites" says', { timeout: 90_000 }, async () => {
    const page = await firefox.newSitePage();
    await page.goto('https://www.linkedin.com/sharing/compose/');
    const editor = (await page.waitForSelector('.ql-editor[aria-label="Text editor for creating content"]', { visible: true }))!;
    await editor.click();
    await page.keyboard.type('So proud of Tobias Quennell in the school play');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await page.$(deep('[data-postcheck="card"]'))).toBeNull();
    expect(await highlightedTexts(page)).toEqual([]);
    await (await page.waitForSelector('::-p-aria([name="Post"][role="button"])'))!.click();
    expect(await waitFor(() => postedTexts(page), (posted) => posted.length > 0)).toEqual(['So proud of Tobias Quennell in the school play']);
    await page.close();
    expect(firefox.leaks).toEqual([]);
  });
});
