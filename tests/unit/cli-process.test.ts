import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The `postcheck` command as users get it: the built bundle run by Node, through
 * `npx` in a checkout, and installed globally from `npm pack`'s tarball.
 */

// The unit-test run's NODE_OPTIONS preloads a file by relative path, which other folders lack; the command needs none.
const env = { ...process.env, NODE_OPTIONS: '' };
const execAsync = promisify(execFile);
const exec = (file: string, args: string[], options: { cwd?: string; maxBuffer?: number } = {}) => execAsync(file, args, { env, ...options });
const repo = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(repo, 'dist/cli/postcheck.cjs');
const PACK = fileURLToPath(new URL('./fixtures/cli-pack.json', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'postcheck-cli-process-'));
const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;

beforeAll(async () => {
  await exec('node', ['scripts/build-cli.mjs'], { cwd: repo });
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * VmRSS of a live process in MB (Linux /proc), or undefined once it has exited: a process that has
 * ended but not yet been reaped still has a status file, without a VmRSS line.
 */
function rssMb(pid: number): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb === undefined ? undefined : Number(kb) / 1024;
}

describe('postcheck: JSON lines stream', () => {
  it('writes a post\'s result as soon as its line is read, before stdin ends', { timeout: 30_000 }, async () => {
    const child = spawn('node', [BIN, '--pack', PACK], { stdio: ['pipe', 'pipe', 'inherit'], env });
    child.stdin.write('{"id": "first", "text": "So proud of Grace Hetherington today"}\n');
    const firstLine = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
      });
      child.on('exit', () => reject(new Error(`exited before writing a line: ${out}`)));
    });
    // stdin is still open here: the result did not wait for the end of input.
    expect(child.stdin.writableEnded).toBe(false);
    expect(JSON.parse(firstLine)).toMatchObject({ id: 'first', findings: [{ category: 'pupil', excerpt: 'Grace Hetherington' }] });
    child.stdin.end('{"id": "second", "text": "A quiet Sunday"}\n');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });

  it('checks 100,000 lines in constant memory', { timeout: 180_000 }, async () => {
    const LINES = 100_000;
    // Long lines, so that holding the input (or the output) would show: about 30 MB in all.
    const filler = 'We walked along the coast path and stopped for tea at the little cafe by the harbour. '.repeat(3);
    const texts = ['So proud of Grace Hetherington in assembly today.', 'Lovely walk this morning.', 'Rang in sick, off to the match!', 'Seun Adeyemi scored twice!'];
    // V8's young generation may keep growing for minutes when a check allocates little, up to 3 × 16 MB by default:
    // that is collector slack, not what the process holds. A fixed 4 MB young generation leaves only what is kept.
    const child = spawn('node', ['--max-semi-space-size=4', BIN, '--pack', PACK], { stdio: ['pipe', 'pipe', 'inherit'], env });
    let outputLines = 0;
    let rssAfterWarmUp = 0;
    let peakRss = 0;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      outputLines += lines.length;
    });
    const sampler = setInterval(() => {
      if (outputLines < 10_000) return;
      const rss = rssMb(child.pid!);
      if (rss === undefined) return;
      if (!rssAfterWarmUp) rssAfterWarmUp = rss;
      peakRss = Math.max(peakRss, rss);
    }, 100);
    // Write with backpressure, as a shell pipe would.
    for (let i = 0; i < LINES; i++) {
      const line = `${JSON.stringify({ id: i, text: `${texts[i % texts.length]} ${filler}` })}\n`;
      if (!child.stdin.write(line)) await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(sampler);
    expect(code).toBe(0);
    expect(outputLines).toBe(LINES);
    expect(rssAfterWarmUp).toBeGreaterThan(0);
    // Growth after the first 10,000 posts: a few MB of garbage-collector slack, not the 30 MB of input.
    expect(peakRss - rssAfterWarmUp).toBeLessThan(25);
  });
});

/** "Grace H." then a capitalised word: whether "Grace H" names her turns on compromise's lexicon knowing "Brilliant". */
const ASKS_COMPROMISE = 'Well done Grace H. Brilliant effort today';

describe('postcheck: as a command', () => {
  it('loads compromise, which the bundle starts only when a post first asks it something', { timeout: 30_000 }, async () => {
    const { stdout } = await exec('node', [BIN, '--pack', PACK, '--json', '--text', ASKS_COMPROMISE]);
    const { findings } = JSON.parse(stdout) as { findings: { category: string; data: { excerpt: string } }[] };
    expect(findings.map((f) => [f.category, f.data.excerpt])).toEqual([['pupil', 'Grace H']]);
  });

  it('starts from the code cache the build wrote, and replaces one this Node rejects', { timeout: 60_000 }, async () => {
    const copy = join(scratch, 'cli-copy');
    cpSync(dirname(BIN), copy, { recursive: true });
    const cache = join(copy, 'postcheck-main.cjs.v8-cache');
    const check = async () => (await exec('node', [join(copy, 'postcheck.cjs'), '--pack', PACK, '--text', 'Well done Grace Hetherington'])).stdout;
    const written = statSync(cache).mtimeMs;
    expect(await check()).toContain('[block] pupil: "Grace Hetherington"');
    // Accepted: the run leaves the build's cache as it was.
    expect(statSync(cache).mtimeMs).toBe(written);
    writeFileSync(cache, 'not a code cache');
    expect(await check()).toContain('[block] pupil: "Grace Hetherington"');
    const rewritten = statSync(cache);
    expect(rewritten.size).toBeGreaterThan(100_000);
    expect(await check()).toContain('[block] pupil: "Grace Hetherington"');
    expect(statSync(cache).mtimeMs).toBe(rewritten.mtimeMs);
  });

  // npx installs a checkout's bin into its own cache, so each run gets a cache of its own: the machine's may hold anything.
  it('runs with npx from the checkout', { timeout: 60_000 }, async () => {
    const cache = join(scratch, 'npx-first');
    const { stdout } = await execAsync('npx', ['--offline', 'postcheck', '--version'], { cwd: repo, env: { ...env, npm_config_cache: cache } });
    expect(stdout).toBe(`${version}\n`);
  });

  it('runs with npx from a checkout whose npx cache links the bin of an earlier build', { timeout: 60_000 }, async () => {
    const cache = join(scratch, 'npx-earlier');
    const npx = () => execAsync('npx', ['--offline', 'postcheck', '--version'], { cwd: repo, env: { ...env, npm_config_cache: cache } });
    await npx();
    // What npx left from a build whose bin was dist/cli/postcheck.mjs; it does not re-link when package.json's bin changes.
    const installs = readdirSync(join(cache, '_npx'));
    expect(installs).toHaveLength(1);
    const link = join(cache, '_npx', installs[0]!, 'node_modules/.bin/postcheck');
    rmSync(link);
    symlinkSync('../postcheck/dist/cli/postcheck.mjs', link);
    expect((await npx()).stdout).toBe(`${version}\n`);
  });

  it('installs globally from the npm pack tarball, offline, and checks a post', { timeout: 240_000 }, async () => {
    const prefix = join(scratch, 'prefix');
    const { stdout: packed } = await exec('npm', ['pack', '--pack-destination', scratch], { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
    const tarball = join(scratch, packed.trim().split('\n').pop()!);
    await exec('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { cwd: scratch });
    const postcheck = join(prefix, 'bin', 'postcheck');
    expect((await exec(postcheck, ['--version'])).stdout).toBe(`${version}\n`);
    const { stdout } = await exec(postcheck, ['--pack', PACK, '--text', 'Well done Grace Hetherington']);
    expect(stdout).toContain('[block] pupil: "Grace Hetherington"');
    // Only the built command ships: no sources, tests or extension build.
    const { stdout: listing } = await exec('tar', ['-tzf', tarball]);
    expect(listing.split('\n').filter(Boolean).every((entry) => /^package\/(dist\/cli\/|package\.json$|README\.md$)/.test(entry))).toBe(true);
  });
});
