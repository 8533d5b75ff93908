import { performance } from 'node:perf_hooks';
import { checkPost } from '../src/rules/check';
import { compilePack, type CompiledPack } from '../src/rules/compile';
import { benchPack, composePost, generateNames, type NameLists } from './fixtures';
import { run as runPathological } from './pathological';

/**
 * The engine's speed on these 2-core machines, against the targets in issue 2
 * ("Quality and speed") and the linear-growth check in issue 6.
 */

/** Enough samples that p99 is the 20th-slowest of 2,000, not one unlucky GC pause. */
const ITERATIONS = 2_000;
const WARM_UP = 200;
const COMPILE_RUNS = 7;
/**
 * For the short posts, the same 2,000 samples again after this many more checks: V8 is still
 * optimising the engine through its first few thousand checks (compiling its larger functions in the
 * background on these 2 cores), and those checks, not the engine's own work, make the first p99.
 */
const STEADY_AFTER = 6_000;
const STEADY_MAX_LENGTH = 280;

interface Case {
  length: number;
  names: number;
  /** p99 target in ms from issue 2, where it sets one. */
  targetP99?: number;
}

const CASES: readonly Case[] = [
  { length: 280, names: 2_000, targetP99: 1 },
  { length: 5_000, names: 2_000 },
  { length: 280, names: 20_000 },
  { length: 5_000, names: 20_000, targetP99: 10 },
];

const COMPILE_TARGET_MS = 200;

/** Lengths for the linear-growth line: ten times the text should cost about ten times the time. */
const SCALING = [
  { length: 1_000, runs: 200 },
  { length: 10_000, runs: 60 },
  { length: 100_000, runs: 15 },
] as const;

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const lists = new Map<number, NameLists>();
  const compiled = new Map<number, CompiledPack>();
  for (const count of new Set(CASES.map((c) => c.names))) {
    const names = generateNames(count);
    lists.set(count, names);
    compiled.set(count, compileOrThrow(names));
  }
  for (const c of CASES) lines.push(await checkPostLine(c, compiled.get(c.names)!, lists.get(c.names)!));
  lines.push(compileLine(lists.get(20_000)!));
  lines.push(...scalingLines(compiled.get(2_000)!, lists.get(2_000)!));
  lines.push(...(await runPathological(compiled.get(2_000)!, lists.get(2_000)!)));
  return lines;
}

function compileOrThrow(names: NameLists): CompiledPack {
  const result = compilePack(benchPack(names));
  if (!result.ok) throw result.error;
  return result.compiled;
}

async function checkPostLine(c: Case, compiled: CompiledPack, names: NameLists): Promise<string> {
  const text = composePost(c.length, names);
  const post = { text };
  for (let i = 0; i < WARM_UP; i++) checkPost(compiled, post);
  const first = await sampleChecks(compiled, post);
  const target = c.targetP99 === undefined ? '' : ` (target p99 ≤ ${c.targetP99} ms)`;
  let line = `checkPost ${c.length.toLocaleString('en-GB')} chars, ${c.names.toLocaleString('en-GB')} names: p50 ${ms(percentile(first, 50))}, p99 ${ms(percentile(first, 99))}${target}`;
  if (c.length <= STEADY_MAX_LENGTH) {
    for (let i = 0; i < STEADY_AFTER; i++) checkPost(compiled, post);
    const steady = await sampleChecks(compiled, post);
    line += `; after ${STEADY_AFTER.toLocaleString('en-GB')} more checks, p50 ${ms(percentile(steady, 50))}, p99 ${ms(percentile(steady, 99))}`;
  }
  return line;
}

/** ITERATIONS timed checks of `post`, sorted. */
async function sampleChecks(compiled: CompiledPack, post: { text: string }): Promise<Float64Array> {
  const samples = new Float64Array(ITERATIONS);
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    checkPost(compiled, post);
    samples[i] = performance.now() - start;
    // Let timers and I/O run now and then, as between keystrokes in the browser.
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
  return samples.sort();
}

function compileLine(names: NameLists): string {
  const pack = benchPack(names);
  const times: number[] = [];
  for (let i = 0; i < COMPILE_RUNS; i++) {
    const start = performance.now();
    const result = compilePack(pack);
    times.push(performance.now() - start);
    if (!result.ok) throw result.error;
  }
  const count = names.pupils.length + names.staff.length;
  return `compilePack ${count.toLocaleString('en-GB')} names: median ${ms(median(times))} of ${COMPILE_RUNS} runs (target ≤ ${COMPILE_TARGET_MS} ms)`;
}

/** Issue 6: time grows linearly with the post's length, so a pasted essay cannot hang the page. */
function scalingLines(compiled: CompiledPack, names: NameLists): string[] {
  const medians: number[] = [];
  const lines = SCALING.map(({ length, runs }) => {
    const post = { text: composePost(length, names, length) };
    checkPost(compiled, post);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      checkPost(compiled, post);
      times.push(performance.now() - start);
    }
    const time = median(times);
    const growth = medians.length ? ` (×${(time / medians[medians.length - 1]!).toFixed(1)} for ×10 the text)` : '';
    medians.push(time);
    return `checkPost ${length.toLocaleString('en-GB')} chars, 2,000 names: median ${ms(time)}, ${((time * 1000) / length).toFixed(2)} µs per char${growth}`;
  });
  return lines;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: Float64Array, p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}
