import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run lint:deps` guards the layering: these run the project's own dependency-cruiser
 * config on a small tree that breaks it, so the check is shown to fail, not only to pass.
 */
const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'postcheck-deps-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(scratch, 'tree-'));
  copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }));
  for (const [path, text] of Object.entries({ 'entrypoints/shell.ts': 'export {};\n', ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync(process.execPath, [CLI, 'src', 'entrypoints', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('dependency rules (npm run lint:deps)', { timeout: 60_000 }, () => {
  it('pass on a tree whose arrows all point down', () => {
    const result = cruise({
      'entrypoints/engine.ts': "import { check } from '../src/rules/check';\nexport const run = check;\n",
      'src/rules/check.ts': "import type { Pack } from './pack';\nexport const check = (p: Pack) => p.id;\n",
      'src/rules/pack.ts': 'export interface Pack { id: string }\n',
    });
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  });

  it('fail on an import circle, type-only imports included', () => {
    const result = cruise({
      'src/store/db.ts': "import type { LoggedEvent } from './events';\nexport interface Db { events: LoggedEvent[] }\n",
      'src/store/events.ts': "import type { Db } from './db';\nexport interface LoggedEvent { time: number }\nexport const count = (db: Db) => db.events.length;\n",
    });
    expect(result.output).toContain('no-circular');
    expect(result.status).not.toBe(0);
  });

  it('fail when the engine imports the UI, the store or the settings', () => {
    const result = cruise({
      'src/rules/check.ts': "import { label } from '../ui/label';\nexport const check = () => label;\n",
      'src/ui/label.ts': "export const label = 'x';\n",
    });
    expect(result.output).toContain('engine-stays-pure');
    expect(result.status).not.toBe(0);
  });
  it.each([
    ['evidence reaching ahead to the judgement', 'src/rules/evidence/names.ts', "import { judged } from '../judgement/index';\nexport const names = judged;\n", 'src/rules/judgement/index.ts', 'engine-pipeline-direction'],
    ['the document reaching ahead to the evidence', 'src/rules/document/document.ts', "import { names } from '../evidence/names';\nexport const doc = names;\n", 'src/rules/evidence/names.ts', 'document-is-first'],
    ['evidence reaching ahead to the context that reads it', 'src/rules/evidence/names.ts', "import { setting } from '../context/setting';\nexport const names = setting;\n", 'src/rules/context/setting.ts', 'evidence-before-context'],
    ['findings deciding something', 'src/rules/findings/merge.ts', "import { setting } from '../context/setting';\nexport const merge = setting;\n", 'src/rules/context/setting.ts', 'findings-only-shape'],
  ])('fail on %s', (_, from, text, to, rule) => {
    const result = cruise({ [from]: text, [to]: `export const ${to.includes('judgement') ? 'judged' : to.includes('setting') ? 'setting' : 'names'} = 1;\n` });
    expect(result.output).toContain(rule);
    expect(result.status).not.toBe(0);
  });

  it('let the name evidence read the word-level cues beside a name', () => {
    const result = cruise({
      'src/rules/evidence/names.ts': "import { cues } from '../context/person';\nexport const names = cues;\n",
      'src/rules/context/person.ts': 'export const cues = 1;\n',
    });
    expect(result.output).toContain('no dependency violations');
  });
});
