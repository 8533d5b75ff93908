#!/usr/bin/env node
// `npm run test:firefox`: builds the Firefox add-on and the site fixtures, then runs
// tests/firefox/*.firefox.test.ts in Firefox ESR (puppeteer-core over WebDriver BiDi).
// The tests write Firefox's policies.json, which every Firefox on the machine reads, so the
// whole run holds /tmp/postcheck-firefox-policy.lock. Extra arguments go to `vitest run`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures } from './build-fixtures.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const firefox = process.env.POSTCHECK_FIREFOX ?? '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`\nPostCheck Firefox e2e: Firefox is missing at ${firefox}.\nInstall Debian's firefox-esr package (apt-get install firefox-esr; npm test does it through scripts/ensure-deps.mjs) or set POSTCHECK_FIREFOX.\n`);
  process.exit(2);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, env });
  if (result.status !== 0) {
    console.error(`\nPostCheck Firefox e2e: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const args = process.argv.slice(2);
if (!args.includes('--no-build')) run('npx', ['wxt', 'build', '-b', 'firefox']);
await buildFixtures();
run('flock', ['/tmp/postcheck-firefox-policy.lock', 'npx', 'vitest', 'run', '--config', 'vitest.firefox.config.ts', ...args.filter((arg) => arg !== '--no-build')], {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${resolve(root, 'scripts/node20-polyfills.cjs')}`.trim(),
  PUPPETEER_SKIP_DOWNLOAD: '1',
});
