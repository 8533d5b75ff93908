import { performance } from 'node:perf_hooks';
import { checkPost } from '../src/rules/check';
import type { CompiledPack } from '../src/rules/compile';
import { composePost, POST_SENTENCES, type NameLists } from './fixtures';

/**
 * Inputs built to find work that grows faster than the text (issue 10, "Speed and
 * scale hold"): each case makes a post of any length from one repeating pattern, and
 * the bench times it at doubling lengths and fits the growth exponent.
 */

export interface PathologicalCase {
  id: string;
  /** What the case stands for, as printed in the table. */
  title: string;
  /** A post of exactly `length` UTF-16 code units. */
  make(length: number): string;
}

/** Exactly `length` code units of `unit` repeated; never cuts a surrogate pair in half. */
function repeatTo(unit: string, length: number): string {
  const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  return /[\uD800-\uDBFF]$/.test(text) ? `${text.slice(0, -1)}x` : text;
}

const firstNameOf = (entry: NameLists['pupils'][number]) => (typeof entry === 'string' ? entry : entry.name).split(' ')[0]!;
const fullNameOf = (entry: NameLists['pupils'][number]) => (typeof entry === 'string' ? entry : entry.name);

/** Listed pupils' first names in list order, as many as `length` characters need. */
function joinedFirstNames(names: NameLists, separator: string, length: number, lead = ''): string {
  const parts: string[] = [];
  let total = lead.length;
  for (let i = 0; total < length; i++) {
    const name = firstNameOf(names.pupils[i % names.pupils.length]!);
    parts.push(name);
    total += name.length + separator.length;
  }
  return (lead + parts.join(separator)).slice(0, length);
}

export function pathologicalCases(names: NameLists): PathologicalCase[] {
  const pupil = fullNameOf(names.pupils[0]!);
  const firstName = firstNameOf(names.pupils[0]!);
  const noStops = POST_SENTENCES.map((s) => s.replace(/[.!?]/g, '').replace(/\{(?:pupil|staff|first)\}/g, 'someone')).join(' ');
  return [
    { id: 'class-list', title: 'class list: "Well done to Amelia, Jack, …" (listed pupils)', make: (n) => joinedFirstNames(names, ', ', n, 'Well done to ') },
    { id: 'comma-names', title: 'comma-separated first names, no spaces', make: (n) => joinedFirstNames(names, ',', n) },
    { id: 'full-name', title: `one full name repeated ("${pupil} ")`, make: (n) => repeatTo(`${pupil} `, n) },
    { id: 'full-name-lower', title: 'one full name repeated, lower case, no spaces between', make: (n) => repeatTo(pupil.toLowerCase(), n) },
    { id: 'a-dot', title: '"a." repeated', make: (n) => repeatTo('a.', n) },
    { id: 'a-dash', title: '"a-" repeated', make: (n) => repeatTo('a-', n) },
    { id: 'emoji', title: 'emoji repeated (two code units each)', make: (n) => repeatTo('😀', n) },
    { id: 'emoji-in-words', title: 'emoji between letters ("Gr🙂ace")', make: (n) => repeatTo('Gr🙂ace ', n) },
    { id: 'exclamations', title: 'one word then a run of "!"', make: (n) => `spa${repeatTo('!', n - 3)}` },
    { id: 'punctuation', title: 'mixed punctuation run (*#@$%!?.,;:)', make: (n) => repeatTo('*#@$%!?.,;:-_', n) },
    { id: 'spaced-letters', title: 'spaced letters ("f u c k " repeated)', make: (n) => repeatTo('f u c k ', n) },
    { id: 'masked-word', title: 'masked letters ("f*ck" with the mask repeated)', make: (n) => `f${repeatTo('*', n - 3)}ck` },
    { id: 'one-word', title: 'one word of letters, no spaces', make: (n) => repeatTo('abcdefghijklmnopqrstuvwxyz', n) },
    { id: 'stretched-word', title: 'one stretched swear word ("fuuu…ck")', make: (n) => `f${repeatTo('u', n - 3)}ck` },
    { id: 'same-name', title: `one first name repeated ("${firstName} ")`, make: (n) => repeatTo(`${firstName} `, n) },
    { id: 'off-sick', title: `"${firstName} off sick" repeated`, make: (n) => repeatTo(`${firstName} off sick `, n) },
    { id: 'year-groups', title: 'one year group repeated ("Year 9 ")', make: (n) => repeatTo('Year 9 ', n) },
    { id: 'prose', title: 'ordinary posts run together, names included', make: (n) => composePost(n, names) },
    { id: 'apostrophes', title: `letters and apostrophes ("grace's" repeated)`, make: (n) => repeatTo("grace's", n) },
    { id: 'digits', title: 'digits and spaces ("0 1 " repeated)', make: (n) => repeatTo('0 1 ', n) },
    { id: 'zero-width', title: 'zero-width spaces between letters', make: (n) => repeatTo('G\u200Br\u200Ba\u200Bc\u200Be ', n) },
    { id: 'no-sentence-ends', title: 'ordinary sentences with no full stops', make: (n) => repeatTo(`${noStops} `, n) },
  ];
}

/** Doubling lengths the exponent is fitted over: 1k to 64k covers the issue's 42k name and 50k word. */
export const LENGTHS = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000] as const;
/** Issue 10: no input this long or shorter may take more than LIMIT_MS. */
export const SHORT_LENGTH = 10_000;
export const LIMIT_MS = 20;
export const EXPONENT_LIMIT = 1.2;
/** Whole sweeps over LENGTHS per case; each length's figure is their median. */
const SWEEPS = 3;

interface Timing {
  /** Median per call over the samples. */
  wallMs: number;
  cpuMs: number;
}

/**
 * Median time of one checkPost call. Short inputs are run in batches so each sample is
 * long enough for the clocks; CPU time is measured alongside wall time because the
 * machine is shared and wall time then includes waiting for a core.
 */
function timeCheck(compiled: CompiledPack, text: string): Timing {
  const post = { text };
  const warm = performance.now();
  checkPost(compiled, post);
  const once = Math.max(0.01, performance.now() - warm);
  const batch = Math.max(1, Math.ceil(2 / once));
  const samples = Math.max(5, Math.min(15, Math.ceil(150 / (once * batch))));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let s = 0; s < samples; s++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < batch; i++) checkPost(compiled, post);
    wall.push((performance.now() - start) / batch);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000 / batch);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

/** Least-squares slope of log(time) on log(length): 1 is linear, 2 quadratic. */
export function fittedExponent(lengths: readonly number[], times: readonly number[]): number {
  const xs = lengths.map(Math.log);
  const ys = times.map((t) => Math.log(Math.max(t, 1e-3)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

export async function run(compiled: CompiledPack, names: NameLists): Promise<string[]> {
  const lines = [
    `pathological inputs, 2,000 names: median CPU ms per checkPost (median of ${SWEEPS} sweeps) at ${LENGTHS.map((n) => `${n / 1000}k`).join(' / ')} characters; exponent = log-log slope of CPU time (target ≤ ${EXPONENT_LIMIT}); at ${SHORT_LENGTH.toLocaleString('en-GB')} characters wall and CPU ms (target ≤ ${LIMIT_MS} ms)`,
  ];
  let failures = 0;
  for (const c of pathologicalCases(names)) {
    // Each length's median over SWEEPS whole sweeps: a collection that lands in one sweep's 16k
    // sample no longer bends the fitted slope.
    const sweeps: number[][] = LENGTHS.map(() => []);
    const shortSweeps: Timing[] = [];
    for (let sweep = 0; sweep < SWEEPS; sweep++) {
      for (const [i, length] of LENGTHS.entries()) {
        sweeps[i]!.push(timeCheck(compiled, c.make(length)).cpuMs);
        await new Promise((resolve) => setImmediate(resolve));
      }
      shortSweeps.push(timeCheck(compiled, c.make(SHORT_LENGTH)));
    }
    const cpu = sweeps.map(median);
    const short = { wallMs: median(shortSweeps.map((t) => t.wallMs)), cpuMs: median(shortSweeps.map((t) => t.cpuMs)) };
    const exponent = fittedExponent(LENGTHS, cpu);
    const over = exponent > EXPONENT_LIMIT || Math.min(short.wallMs, short.cpuMs) > LIMIT_MS;
    if (over) failures++;
    lines.push(
      `  ${c.title}: ${cpu.map(ms).join(' / ')}; exponent ${exponent.toFixed(2)}; 10k ${ms(short.wallMs)} wall, ${ms(short.cpuMs)} CPU${over ? '  ← OVER TARGET' : ''}`,
    );
  }
  lines.push(failures ? `  ${failures} pathological case(s) over target` : '  every pathological case within target');
  return lines;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}
