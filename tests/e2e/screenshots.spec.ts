import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR, ROOT } from './harness';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const EXPECTED = ['card', 'hold', 'options', 'popup'].flatMap((name) => [`${name}-light.png`, `${name}-dark.png`]).sort();

// `npm run screenshots` into a scratch folder, from the extension this e2e run built: it fails
// here when the script breaks, not when someone next regenerates the README pictures.
test('npm run screenshots writes every README picture as a small PNG', async () => {
  test.setTimeout(240_000);
  const out = mkdtempSync(join(tmpdir(), 'postcheck-shots-'));
  try {
    const run = spawnSync('npx', ['tsx', 'scripts/screenshots.ts', '--no-build', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, POSTCHECK_OUTPUT_DIR: join(EXTENSION_DIR, '..') },
      timeout: 220_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(EXPECTED);
    for (const name of EXPECTED) {
      const bytes = readFileSync(join(out, name));
      expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${name} is a PNG`).toBe(true);
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      expect(width, `${name} width`).toBeGreaterThan(150);
      expect(height, `${name} height`).toBeGreaterThan(100);
      expect(bytes.length, `${name} stays small`).toBeLessThan(120_000);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
