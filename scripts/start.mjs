#!/usr/bin/env node
// `npm start`: the demo. Builds the extension and the fixture pages if they are missing or
// stale, then opens Debian Chromium (headed) with PostCheck loaded and an example school's
// pack installed, on fixture copies of the four composers served at the real sites' URLs.
// Nothing reaches the network: every request outside the fixtures is refused.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.POSTCHECK_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  console.error(`PostCheck demo: Chromium is missing at ${chromiumPath}. Install Debian's chromium package or set POSTCHECK_CHROMIUM.`);
  process.exit(2);
}

if (!existsSync(join(root, 'node_modules/wxt')) || !existsSync(join(root, 'node_modules/tsx'))) {
  console.error('PostCheck demo: dependencies are not installed. Run `npm ci` first.');
  process.exit(2);
}

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
  if (process.env.POSTCHECK_UNDER_XVFB || !hasXvfb) {
    console.error('PostCheck demo: there is no display ($DISPLAY is unset). Run it from a desktop session, or under a virtual display:\n  xvfb-run -a npm start');
    process.exit(2);
  }
  console.log('PostCheck demo: no display ($DISPLAY is unset), so re-running under `xvfb-run -a`.');
  console.log('The browser window is on a virtual display you cannot see; run `npm start` from a desktop session to use the demo by hand.');
  const result = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, POSTCHECK_UNDER_XVFB: '1' },
  });
  process.exit(result.status ?? 1);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`PostCheck demo: \`${command} ${args.join(' ')}\` failed.`);
    process.exit(result.status ?? 1);
  }
}

const manifest = join(root, '.output/chrome-mv3/manifest.json');
const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'entrypoints')), statSync(join(root, 'wxt.config.ts')).mtimeMs);
if (!existsSync(manifest) || statSync(manifest).mtimeMs < sources) {
  console.log('Building the extension (wxt build)…');
  run('npx', ['wxt', 'build']);
}
run('node', ['scripts/build-fixtures.mjs']);

// The e2e harness (TypeScript) serves the fixtures and loads the extension; tsx runs it here.
const { register } = await import('tsx/esm/api');
register();
const harness = await import('../tests/e2e/harness.ts');

const examplePack = join(root, 'assets/packs/testbourne.json');
const pack = existsSync(examplePack) ? JSON.parse(readFileSync(examplePack, 'utf8')) : harness.TEST_PACK;
const pupils = (pack.people?.pupils ?? []).slice(0, 3).map((entry) => (typeof entry === 'string' ? entry : entry.name));

const browser = await harness.launchWithExtension({ headed: true });
await harness.setActiveConfig(browser.serviceWorker, {
  pack,
  mode: 'warn',
  on: true,
  snoozedUntil: null,
  enabledSites: { facebook: true, x: true, instagram: true, linkedin: true },
});

const demoPages = [
  'https://x.com/home',
  'https://www.facebook.com/',
  'https://www.instagram.com/create/details/',
  'https://www.linkedin.com/sharing/compose/',
];
const [first] = browser.context.pages();
for (const [index, url] of demoPages.entries()) {
  const page = index === 0 && first ? first : await browser.context.newPage();
  await page.goto(url);
}

console.log(`
PostCheck demo is running with the ${pack.school?.name ?? pack.id} pack (${pack.policy?.title ?? 'policy'}).
Tabs: X (Draft.js), Facebook (Lexical), Instagram (Lexical caption, textarea comments), LinkedIn (Quill).
Try a post that names a pupil, e.g. "Well done ${pupils[0] ?? 'a listed pupil'} on sports day!", then press Post.
The fixtures are local copies served at the real sites' addresses; nothing is sent anywhere.
Close the browser or press Ctrl+C to stop.`);

const stop = async () => {
  await browser.close().catch(() => {});
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
browser.context.on('close', () => process.exit(0));
