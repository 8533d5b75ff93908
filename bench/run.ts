import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { run as runEngine } from './engine';

/**
 * `npm run bench`: every benchmark suite in order. The logo and end-to-end
 * suites belong to other parts of the project and may not exist yet; a
 * missing one is skipped with a note, never silently.
 */

interface Suite {
  title: string;
  file: string;
}

const OPTIONAL_SUITES: readonly Suite[] = [
  { title: 'Logo matching', file: 'logo.ts' },
  { title: 'Faces in photos', file: 'faces.ts' },
  { title: 'End to end', file: 'e2e.ts' },
  // After the end-to-end suite, which rebuilds the extension this one measures.
  { title: 'Engine start-up and size', file: 'startup.ts' },
  { title: 'Command line', file: 'cli.ts' },
];

type RunSuite = () => Promise<string[]>;

async function main(): Promise<void> {
  const cores = availableParallelism();
  console.log(`PostCheck benchmarks: Node ${process.version}, ${cores} cores, ${new Date().toISOString()}`);
  // Tail latencies are only comparable on an idle machine; say when it was not.
  const load = loadavg()[0] ?? 0;
  if (load > cores * 0.5) console.log(`Load average ${load.toFixed(1)} before starting: other work is running, so p99 figures will read high.`);
  await printSuite('Engine', runEngine);
  for (const suite of OPTIONAL_SUITES) {
    const runSuite = await loadOptionalSuite(suite);
    if (runSuite) await printSuite(suite.title, runSuite);
  }
}

async function loadOptionalSuite(suite: Suite): Promise<RunSuite | null> {
  const url = new URL(`./${suite.file}`, import.meta.url);
  if (!existsSync(url)) {
    console.log(`\n${suite.title}: skipped (bench/${suite.file} does not exist yet)`);
    return null;
  }
  const module: unknown = await import(url.href);
  const run = (module as { run?: unknown }).run;
  if (typeof run !== 'function') throw new Error(`bench/${suite.file} must export async function run(): Promise<string[]>`);
  return run as RunSuite;
}

async function printSuite(title: string, runSuite: RunSuite): Promise<void> {
  console.log(`\n${title}`);
  for (const line of await runSuite()) console.log(`  ${line}`);
}

await main();
