#!/usr/bin/env node
// `npm run test:e2e`: builds the extension and the fixtures, then runs Playwright against
// Debian Chromium. Extra arguments go to `playwright test` (e.g. a file or -g pattern).
// `--output-dir <dir>` builds into and tests <dir>/chrome-mv3 instead of .output/, so two runs
// on one checkout do not rebuild each other's extension.
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

const args = process.argv.slice(2);
const outputAt = args.indexOf('--output-dir');
if (outputAt !== -1) {
  const dir = args[outputAt + 1];
  if (!dir) {
    console.error('PostCheck e2e: --output-dir needs a directory');
    process.exit(2);
  }
  // Read by wxt.config.ts (outDir) and tests/e2e/harness.ts (the extension it loads).
  process.env.POSTCHECK_OUTPUT_DIR = dir;
  args.splice(outputAt, 2);
}

if (!args.includes('--no-build')) run('npx', ['wxt', 'build']);
await buildFixtures();
run('npx', ['playwright', 'test', ...args.filter((arg) => arg !== '--no-build')]);
