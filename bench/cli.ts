import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { PersonEntry } from '../src/rules/pack/schema';
import { benchPack, generateNames } from './fixtures';

/**
 * The `postcheck` command from process start to its first result, as a school's
 * script calls it: the built bundle (never tsx), a pack and 20,000 names from
 * MIS-style CSV files. Target from issue 12: ≤ 300 ms.
 */

const RUNS = 7;
const TARGET_MS = 300;
const NAMES = 20_000;

const repo = fileURLToPath(new URL('..', import.meta.url));

export async function run(): Promise<string[]> {
  const { buildCli } = (await import(new URL('../scripts/build-cli.mjs', import.meta.url).href)) as { buildCli: (outdir?: string) => Promise<void> };
  const dir = mkdtempSync(join(tmpdir(), 'postcheck-bench-cli-'));
  try {
    const outdir = join(dir, 'cli');
    await buildCli(outdir);
    const names = generateNames(NAMES);
    const pack = join(dir, 'pack.json');
    writeFileSync(pack, JSON.stringify(benchPack({ pupils: [], staff: [] })));
    const pupils = join(dir, 'pupils.csv');
    const staff = join(dir, 'staff.csv');
    writeFileSync(pupils, toCsv(names.pupils));
    writeFileSync(staff, toCsv(names.staff));
    const args = [join(outdir, 'postcheck.cjs'), '--pack', pack, '--pupils', pupils, '--staff', staff];
    const post = 'Rang in sick today so off to the match with the kids';
    const textTimes: number[] = [];
    const streamTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      textTimes.push(await firstOutputMs([...args, '--text', post]));
      streamTimes.push(await firstOutputMs(args, `${JSON.stringify({ id: 1, text: post })}\n`));
    }
    return [
      `postcheck --text, ${NAMES.toLocaleString('en-GB')} names: first result ${summary(textTimes)} from process start (target ≤ ${TARGET_MS} ms)`,
      `postcheck JSON lines, ${NAMES.toLocaleString('en-GB')} names: first line ${summary(streamTimes)} from process start (target ≤ ${TARGET_MS} ms)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function toCsv(people: readonly PersonEntry[]): string {
  const rows = people.map((person) => {
    const name = typeof person === 'string' ? person : person.name;
    const [forename, ...rest] = name.split(' ');
    return `${forename},${rest.join(' ')}`;
  });
  return `Forename,Surname\n${rows.join('\n')}\n`;
}

/** ms from spawn to the first byte on stdout; stdin stays open, so a stream's first line cannot wait for its end. */
function firstOutputMs(args: string[], stdin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => {
      const elapsed = performance.now() - start;
      child.stdin.end();
      child.once('exit', () => resolve(elapsed));
    });
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`postcheck exited ${code}: ${stderr}`));
    });
    if (stdin) child.stdin.write(stdin);
  });
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, best ${sorted[0]!.toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms (${times.length} runs)`;
}
