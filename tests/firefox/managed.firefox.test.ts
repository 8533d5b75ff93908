import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/harness';
import { deep, highlightedTexts, launchFirefox, postedTexts, textOf, waitFor, type FirefoxWithExtension } from './harness';

/**
 * Managed policy on Firefox, the way docs/deploying.md tells an IT manager to set it: the
 * policies.json shown there (read from the page, so the doc and the test cannot differ) in
 * Firefox ESR's distribution folder, `3rdparty.Extensions.<add-on id>`. It must reach the
 * add-on's storage.managed, its pack must be the one used, and its mode, lock and site
 * settings must hold over what the member of staff had set.
 */

const doc = readFileSync(join(ROOT, 'docs/deploying.md'), 'utf8');
const example = /<!-- example: firefox -->\n```json\n([\s\S]*?)\n```/.exec(doc);
if (!example) throw new Error('docs/deploying.md has no <!-- example: firefox --> block');
const DOCUMENTED_POLICY = JSON.parse(example[1]!) as object;

/**
 * What a member of staff had set before the policy arrived: PostCheck off, snoozed for an
 * hour, X unchecked, warn mode. The documented policy locks; the lock must override all of it.
 */
const STAFF_SETTINGS = { on: false, snoozedUntil: Date.now() + 3_600_000, mode: 'warn', enabledSites: { x: false } };

async function typeOnX(page: Page, text: string): Promise<void> {
  await page.goto('https://x.com/home');
  const editor = (await page.waitForSelector('[data-testid="tweetTextarea_0"]', { visible: true }))!;
  await editor.click();
  await page.keyboard.type(text);
}

let firefox: FirefoxWithExtension;

beforeAll(async () => {
  firefox = await launchFirefox(DOCUMENTED_POLICY, { localSettings: STAFF_SETTINGS });
}, 180_000);

afterAll(async () => {
  await firefox?.close();
});

describe('Firefox: the documented policies.json', () => {
  it('pushes the pack and the pupil list: a pupil named in the policy is found and the pushed clause quoted', { timeout: 90_000 }, async () => {
    // The staff member's "off", snooze and "X unchecked" do not hold against the lock.
    const page = await firefox.newSitePage();
    await typeOnX(page, 'So proud of Tobias Quennell in the school play');
    const card = (await page.waitForSelector(deep('[data-postcheck="card"]'), { timeout: 30_000 }))!;
    expect(await waitFor(() => highlightedTexts(page), (texts) => texts.includes('Tobias Quennell'))).toContain('Tobias Quennell');
    expect(await textOf((await card.$('[data-postcheck="clause-ref"]'))!)).toBe('4.2');
    const clause = await textOf((await card.$('[data-postcheck="clause"]'))!);
    expect(clause).toContain('Staff must not name, tag or otherwise identify any pupil on a personal social media account.');
    expect(clause).toContain('Harrowby Fields Social Media Policy');

    // "mode": "block" beats the staff member's "warn": the post is held and cannot be sent anyway.
    await (await page.waitForSelector('button[data-testid="tweetButtonInline"]'))!.click();
    const confirm = (await page.waitForSelector(deep('[data-postcheck="confirm"]')))!;
    expect(await textOf(confirm)).toContain("school's policy does not allow this post as written");
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

/** The control: the same staff settings under the same policy without the lock do hold, so the test above can fail. */
describe('Firefox: the documented policy with "lock": false', () => {
  it('lets the staff member\'s own "off" stand', { timeout: 180_000 }, async () => {
    const unlocked = structuredClone(DOCUMENTED_POLICY) as { policies: { '3rdparty': { Extensions: Record<string, Record<string, unknown>> } } };
    for (const settings of Object.values(unlocked.policies['3rdparty'].Extensions)) settings.lock = false;
    await firefox.close();
    firefox = await launchFirefox(unlocked, { localSettings: STAFF_SETTINGS });
    const page = await firefox.newSitePage();
    await typeOnX(page, 'So proud of Tobias Quennell in the school play');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await page.$(deep('[data-postcheck="card"]'))).toBeNull();
    expect(await highlightedTexts(page)).toEqual([]);
    await (await page.waitForSelector('button[data-testid="tweetButtonInline"]'))!.click();
    expect(await waitFor(() => postedTexts(page), (posted) => posted.length > 0)).toEqual(['So proud of Tobias Quennell in the school play']);
    await page.close();
  });
});
