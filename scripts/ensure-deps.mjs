#!/usr/bin/env node
// Makes a fresh checkout runnable: npm packages from the lock file, and
// Debian's Chromium for the end-to-end tests and the demo (Playwright cannot
// download its own browsers here). Plain Node, so it runs before npm ci.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log(`PostCheck: Chromium not found at ${CHROMIUM}; installing Debian's chromium package…`);
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (sudo.length) {
    run('sudo', ['apt-get', 'update', '-qq'], { env });
    run('sudo', ['apt-get', 'install', '-y', '-qq', 'chromium'], { env });
  } else {
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
  }
}

export function ensureNodeModules() {
  if (existsSync(resolve(root, 'node_modules/.package-lock.json'))) return;
  console.log('PostCheck: installing npm packages (npm ci)…');
  run('npm', ['ci']);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureNodeModules();
  ensureChromium();
}
