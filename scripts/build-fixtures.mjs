#!/usr/bin/env node
// Bundles the fixture pages' scripts from the REAL editor libraries (Draft.js, Lexical,
// Quill, React) into tests/fixtures/sites/vendor/ (git-ignored). Skips work when the
// bundles are newer than their sources unless --force is given.
import { build } from 'esbuild';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'tests/fixtures/sites');
const sourceDir = join(fixtures, 'src');
const vendorDir = join(fixtures, 'vendor');
export const FIXTURE_SITES = ['x', 'facebook', 'instagram', 'linkedin'];

function newestSource() {
  return Math.max(...readdirSync(sourceDir).map((file) => statSync(join(sourceDir, file)).mtimeMs));
}

function upToDate() {
  const newest = newestSource();
  return FIXTURE_SITES.every((site) => {
    const out = join(vendorDir, `${site}.js`);
    return existsSync(out) && statSync(out).mtimeMs >= newest;
  });
}

export async function buildFixtures({ force = false } = {}) {
  if (!force && upToDate()) return false;
  await build({
    entryPoints: FIXTURE_SITES.map((site) => join(sourceDir, `${site}.jsx`)),
    outdir: vendorDir,
    bundle: true,
    format: 'esm',
    minify: true,
    jsx: 'automatic',
    // The extension's tsconfig points JSX at Preact; the fixtures are React, as the sites are.
    jsxImportSource: 'react',
    tsconfigRaw: {},
    // Draft.js reads `global`; the sites' own bundles define it the same way.
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await buildFixtures({ force: process.argv.includes('--force') });
  console.log(built ? `Fixtures bundled into ${vendorDir}` : 'Fixtures up to date');
}
