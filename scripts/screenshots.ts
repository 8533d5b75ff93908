#!/usr/bin/env tsx
// `npm run screenshots`: the README's pictures, taken from the real built extension on the
// local composer fixtures. Builds first (skip with --no-build); writes PNGs to docs/screenshots/
// or to --out <dir>. Each picture is cropped to what it shows and palette-compressed, to keep
// the repository small.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { CHROMIUM_EXTENSION_ID } from '../wxt.config';
import { launchWithExtension, ROOT, setActiveConfig } from '../tests/e2e/harness';
// @ts-expect-error: a plain .mjs module without types
import { buildFixtures } from './build-fixtures.mjs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = resolve(outAt === -1 ? join(ROOT, 'docs/screenshots') : args[outAt + 1]!);
if (!args.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: ROOT });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await buildFixtures();
mkdirSync(outDir, { recursive: true });

const EXTENSION = `chrome-extension://${CHROMIUM_EXTENSION_ID}`;
// The demo school (`npm start`), and a post that shows a name, a day off sick and swearing.
const DEMO_PACK: unknown = JSON.parse(readFileSync(join(ROOT, 'assets/packs/testbourne.json'), 'utf8'));
const POST = 'So proud of Rose Kimber in my Year 9 class! Rang in sick this morning, now at Twickenham for the rugby';
const schemes = ['light', 'dark'] as const;

/** One PNG: the union of the boxes given, padded, palette-compressed. */
async function shoot(page: Page, name: string, parts: Locator[]): Promise<void> {
  const boxes = (await Promise.all(parts.map((part) => part.boundingBox()))).filter((box) => box !== null);
  const viewport = page.viewportSize()!;
  const pad = 12;
  const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
  const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
  const png = await page.screenshot({ clip: { x: left, y: top, width: right - left, height: bottom - top } });
  await sharp(png).png({ palette: true, quality: 80, compressionLevel: 9 }).toFile(join(outDir, `${name}.png`));
  console.log(`wrote ${join(outDir, `${name}.png`)}`);
}

const browser = await launchWithExtension();
try {
  const { context, serviceWorker } = browser;
  await setActiveConfig(serviceWorker, { pack: DEMO_PACK, mode: 'warn', on: true, snoozedUntil: null, enabledSites: { facebook: true, x: true, instagram: true, linkedin: true } });
  for (const scheme of schemes) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme: scheme });
    // The card: X's home composer.
    await page.goto('https://x.com/home');
    if (scheme === 'dark') await page.addStyleTag({ content: 'html, body { background: #000 !important; color: #e7e9ea !important; }' });
    const editor = page.locator('[data-testid="tweetTextarea_0"]');
    await editor.click();
    await page.keyboard.type(POST);
    const card = page.locator('[data-postcheck="card"]');
    await card.waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    await shoot(page, `card-${scheme}`, [editor, card]);
    // The hold dialog: Facebook's create-post dialog, Post pressed.
    await page.goto('https://www.facebook.com/');
    if (scheme === 'dark') await page.addStyleTag({ content: 'html, body { background: #18191a !important; color: #e4e6eb !important; }' });
    await page.getByRole('button', { name: "What's on your mind, Sam?" }).click();
    const fbEditor = page.locator('[role="dialog"] [role="textbox"][data-lexical-editor="true"]');
    await fbEditor.click();
    await page.keyboard.type(POST);
    await card.waitFor({ state: 'visible' });
    await page.locator('div[aria-label="Post"][role="button"]').click();
    const confirm = page.locator('[data-postcheck="confirm"]');
    await confirm.waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    await shoot(page, `hold-${scheme}`, [page.locator('[role="dialog"]').first(), confirm]);
    // Options and popup.
    await page.goto(`${EXTENSION}/options.html`);
    await page.locator('[data-testid="pack-summary"]').waitFor();
    await shoot(page, `options-${scheme}`, [page.locator('main')]);
    await page.setViewportSize({ width: 320, height: 400 });
    await page.goto(`${EXTENSION}/popup.html`);
    await page.locator('[data-testid="popup-pack"]').waitFor();
    await shoot(page, `popup-${scheme}`, [page.locator('main')]);
    await page.close();
  }
} finally {
  await browser.close();
}
