#!/usr/bin/env node
// `npm run test:e2e`: builds the extension and the fixtures, then runs Playwright against
// Debian Chromium. Extra arguments go to `playwright test` (e.g. a file or -g pattern).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildFixtures } from './build-fixtures.mjs';

const chromium = process.env.POSTCHECK_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`\nPostCheck e2e: Chromium is missing at ${chromium}.\nInstall Debian's chromium package (apt-get install chromium) or set POSTCHECK_CHROMIUM to its path.\n`);
  process.exit(2);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nPostCheck e2e: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (!process.argv.includes('--no-build')) run('npx', ['wxt', 'build']);
await buildFixtures();
run('npx', ['playwright', 'test', ...process.argv.slice(2).filter((arg) => arg !== '--no-build')]);
