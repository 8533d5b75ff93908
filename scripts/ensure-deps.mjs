#!/usr/bin/env node
// Makes a fresh checkout runnable: npm packages from the lock file, and
// Debian's Chromium for the end-to-end tests and the demo, and Debian's Firefox ESR
// for the Firefox tests (neither Playwright nor Puppeteer can download browsers here). Plain Node, so it runs before npm ci.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const asRoot = !process.getuid || process.getuid() === 0;
  const apt = (args) => (asRoot ? run('apt-get', args, { env }) : run('sudo', ['apt-get', ...args], { env }));
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', ...packages]);
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log(`PostCheck: Chromium not found at ${CHROMIUM}; installing Debian's chromium package…`);
  aptInstall(['chromium']);
}

export const FIREFOX = process.env.POSTCHECK_FIREFOX ?? '/usr/bin/firefox-esr';

/** `npm run test:firefox` drives Debian's Firefox ESR (puppeteer-core cannot download browsers here). */
export function ensureFirefox() {
  if (existsSync(FIREFOX)) return;
  console.log(`PostCheck: Firefox not found at ${FIREFOX}; installing Debian's firefox-esr package…`);
  aptInstall(['firefox-esr']);
}

/** The demo opens a real window; with no display it runs under xvfb-run. */
export function ensureXvfbWhenHeadless() {
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return;
  if (execFileSync('sh', ['-c', 'command -v xvfb-run || true'], { encoding: 'utf8' }).trim()) return;
  console.log('PostCheck: no display and no xvfb-run; installing Debian\'s xvfb package…');
  aptInstall(['xvfb']);
}

export function ensureNodeModules() {
  if (existsSync(resolve(root, 'node_modules/.package-lock.json'))) return;
  console.log('PostCheck: installing npm packages (npm ci)…');
  run('npm', ['ci']);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureNodeModules();
  ensureChromium();
  if (!process.argv.includes('--demo')) ensureFirefox();
  if (process.argv.includes('--demo')) ensureXvfbWhenHeadless();
}
