import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, OPTIONS, plural, quoteInContext, USAGE } from '../../src/cli/check';
import { runCli } from '../../src/cli/main';
import packageJson from '../../package.json';
import { checkPost } from '../../src/rules/check';
import { compilePack } from '../../src/rules/compile';
import type { Finding } from '../../src/rules/types';
import { parsePackText } from '../../src/rules/pack/read-text';
import { describeProblems } from '../../src/rules/pack/validate';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const PACK = fixture('cli-pack.json');
const FAILING_PACK = fixture('cli-pack-failing-tests.json');
const PUPILS_CSV = fixture('cli-pupils.csv');
const STAFF_CSV = fixture('cli-staff.csv');

const scratch = mkdtempSync(join(tmpdir(), 'postcheck-cli-'));
function scratchFile(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdin: Readable.from([stdin]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const jsonLines = (text: string): unknown[] => text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);

describe('check CLI: arguments', () => {
  it('prints usage with --help', async () => {
    const run = await cli(['--help']);
    expect(run).toEqual({ code: EXIT.ok, stdout: USAGE, stderr: '' });
    expect(USAGE).toContain('--pack <file>');
  });

  it('lists every flag in --help with an example of it', () => {
    const examples = USAGE.split('\n').filter((line) => line.trim().startsWith('e.g.'));
    for (const flag of Object.keys(OPTIONS)) {
      expect(USAGE).toContain(`--${flag}`);
      expect(examples.some((line) => line.includes(`--${flag}`)), `an example using --${flag}`).toBe(true);
    }
  });

  it('prints the version with --version', async () => {
    expect(await cli(['--version'])).toEqual({ code: EXIT.ok, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('refuses a one-value flag given twice, naming it, rather than silently keeping one', async () => {
    const run = await cli(['--pack', PACK, '--text', 'one', '--text', 'two']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain('--text was given more than once');
    const twoPacks = await cli(['--pack', PACK, '--pack', FAILING_PACK, '--test']);
    expect(twoPacks.code).toBe(EXIT.badInput);
    expect(twoPacks.stderr).toContain('--pack was given more than once');
  });

  it('refuses flags that conflict, naming them', async () => {
    const withPack = await cli(['--fingerprint-logo', 'crest.png', '--pack', PACK]);
    expect(withPack.code).toBe(EXIT.badInput);
    expect(withPack.stderr).toContain('--fingerprint-logo does not use --pack');
    const jsonTest = await cli(['--pack', PACK, '--test', '--json']);
    expect(jsonTest.code).toBe(EXIT.badInput);
    expect(jsonTest.stderr).toContain('--json does not apply to --test');
    const stray = await cli(['--pack', PACK, 'hello']);
    expect(stray.code).toBe(EXIT.badInput);
    expect(stray.stderr).toContain("'hello'");
  });

  it('rejects an unknown option with exit 2', async () => {
    const run = await cli(['--pack', PACK, '--txt', 'hello']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toMatch(/--txt/);
    expect(run.stderr).toMatch(/--help/);
  });

  it('requires --pack', async () => {
    const run = await cli(['--text', 'hello']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain('--pack <pack.json> is required');
  });

  it('refuses two modes at once', async () => {
    const run = await cli(['--pack', PACK, '--test', '--text', 'hello']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain('use only one of --test, --text');
  });
});

describe('check CLI: bad files exit 2 naming the file and the problem', () => {
  it('a missing pack file', async () => {
    const missing = join(scratch, 'no-such-pack.json');
    const run = await cli(['--pack', missing, '--text', 'hello']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain(`cannot read the pack ${missing}: no such file`);
  });

  it('a folder given as the pack', async () => {
    const run = await cli(['--pack', scratch, '--text', 'hello']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain('it is a folder');
  });

  it('a pack that is not JSON', async () => {
    const path = scratchFile('broken.json', '{ "schemaVersion": 1, ');
    const run = await cli(['--pack', path, '--text', 'hello']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain(`${path} is not a valid rule pack`);
    expect(run.stderr).toMatch(/is not valid JSON at line 1, column \d+: .*\. Hint: /);
  });

  it('an invalid pack, listing every problem by JSON path', async () => {
    const pack = JSON.parse(readFileSync(PACK, 'utf8')) as Record<string, unknown>;
    const broken = {
      ...pack,
      school: { aliases: [] },
      policy: { title: 'Policy', clauses: [{ id: 'pupils', text: 'No names.' }] },
      categories: { pupil: { clauses: ['nope'] } },
    };
    const path = scratchFile('invalid.json', JSON.stringify(broken));
    const run = await cli(['--pack', path, '--text', 'hello']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain(`${path} is not a valid rule pack (3 problems)`);
    expect(run.stderr).toContain("  school has no name: add the school's full name as staff would write it.");
    expect(run.stderr).toContain('  policy.clauses[0] has no ref: add the reference as printed in the policy, e.g. 5(d).');
    expect(run.stderr).toContain('  categories.pupil.clauses[0] cites "nope", which is not the id of any clause in policy.clauses: use one of those ids, or add the clause.');
  });

  it('a pack saved in the wrong encoding', async () => {
    const latin1 = Buffer.from(readFileSync(PACK, 'utf8').replace('Harbourside Primary School', 'Harbourside Prim\u00e4ry School'), 'latin1');
    const run = await cli(['--pack', scratchFile('latin1.json', latin1), '--text', 'hello']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain('is not valid UTF-8');
  });

  it('a name list with no recognisable header', async () => {
    const path = scratchFile('no-header.csv', 'Grace Hetherington,5H\n');
    const run = await cli(['--pack', PACK, '--pupils', path, '--text', 'hello']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain(`${path} has no header row PostCheck recognises`);
  });

  it('a missing name list', async () => {
    const run = await cli(['--pack', PACK, '--staff', join(scratch, 'staff.csv'), '--text', 'hello']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toMatch(/cannot read the name list .*staff\.csv: no such file/);
  });
});

describe('check CLI: --text', () => {
  it('prints findings readably: category, severity, excerpt, message and the cited clause', async () => {
    const run = await cli(['--pack', PACK, '--text', 'So proud of Grace Hetherington in assembly today']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^1 finding:/);
    expect(run.stdout).toContain('[block] pupil: "Grace Hetherington" (characters 12–30)');
    expect(run.stdout).toContain('   in context: “So proud of [Grace Hetherington] in assembly today”');
    expect(run.stdout).toContain('clause 4.2 of Harbourside Primary Social Media Policy: “Staff must not name, picture or otherwise identify pupils on personal social media.”');
    // No score decided a name match, so none is shown.
    expect(run.stdout).not.toContain('score');
  });

  it('quotes a long post around the words found, on one line', () => {
    const text = `${'Such a lovely day out with the whole family at the seaside. '.repeat(3)}Well done\nGrace Hetherington! ${'We had chips and ice cream on the pier afterwards. '.repeat(3)}`;
    const start = text.indexOf('Grace');
    const quoted = quoteInContext(text, { start, end: start + 'Grace Hetherington'.length });
    expect(quoted).toMatch(/^“….* Well done \[Grace Hetherington\]! We had .*…”$/);
    expect(quoted.length).toBeLessThan(130);
  });

  it('says so when there is nothing to flag', async () => {
    const run = await cli(['--pack', PACK, '--text', 'Lovely walk on the beach this morning']);
    expect(run).toEqual({ code: EXIT.ok, stdout: 'No findings.\n', stderr: '' });
  });

  it('prints the engine findings as JSON with --json', async () => {
    const text = 'So proud of Grace Hetherington in assembly today';
    const run = await cli(['--pack', PACK, '--json', '--text', text]);
    expect(run.code).toBe(EXIT.ok);
    expect(jsonLines(run.stdout)).toEqual([{ findings: engineFindings(text) }]);
  });

  it('loads names from MIS CSV exports, warning about skipped rows by line', async () => {
    const run = await cli(['--pack', PACK, '--pupils', PUPILS_CSV, '--staff', STAFF_CSV, '--text', 'Zoe Kowalski and Daniel Fairweather at the fair']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain('[block] pupil: "Zoe Kowalski"');
    expect(run.stdout).toContain('[warn] staff: "Daniel Fairweather"');
    expect(run.stderr).toContain(`warning: ${PUPILS_CSV} line 4: has no forename and no surname; row skipped`);
    expect(run.stderr).toContain(`${PUPILS_CSV}: loaded 2 names, skipped 1 row`);
  });
});

describe('check CLI: repeatable flags', () => {
  it('loads every --pupils and --staff list given, not just the last', async () => {
    const year6 = scratchFile('year6.csv', 'Forename,Surname\nIsolde,Penhaligon\n');
    const support = scratchFile('support.csv', 'Forename,Surname\nBartholomew,Quince\n');
    const run = await cli(['--pack', PACK, '--pupils', PUPILS_CSV, '--pupils', year6, '--staff', STAFF_CSV, '--staff', support, '--text', 'Zoe Kowalski, Isolde Penhaligon, Daniel Fairweather and Bartholomew Quince']);
    expect(run.code).toBe(EXIT.ok);
    for (const pupil of ['Zoe Kowalski', 'Isolde Penhaligon']) expect(run.stdout).toContain(`pupil: "${pupil}"`);
    for (const staff of ['Daniel Fairweather', 'Bartholomew Quince']) expect(run.stdout).toContain(`staff: "${staff}"`);
  });
});

describe('check CLI: JSON lines on stdin', () => {
  it('writes one line per post with the findings exactly as the engine returns them', async () => {
    const posts = [
      { id: 'a', text: 'So proud of Grace Hetherington in assembly today' },
      { id: 'b', text: 'Lovely walk on the beach this morning' },
      { id: 3, text: 'Seun Adeyemi scored twice!' },
    ];
    const run = await cli(['--pack', PACK], posts.map((p) => JSON.stringify(p)).join('\n'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(jsonLines(run.stdout)).toEqual(posts.map((p) => ({ id: p.id, findings: engineFindings(p.text) })));
  });

  it('reports bad lines by number on stderr, checks the rest, and exits 2', async () => {
    const stdin = [
      '{"id": "1", "text": "Grace Hetherington"}',
      '{"id": "2", "text": ',
      '',
      '{"id": "3"}',
      '["not", "an", "object"]',
      '{"id": "6", "text": "A quiet Sunday"}',
    ].join('\r\n');
    const run = await cli(['--pack', PACK], stdin);
    expect(run.code).toBe(EXIT.badInput);
    expect(jsonLines(run.stdout).map((line) => (line as { id: string }).id)).toEqual(['1', '6']);
    expect(run.stderr).toMatch(/stdin line 2: is not valid JSON/);
    expect(run.stderr).toContain('stdin line 4: "text" is missing or is not a string');
    expect(run.stderr).toContain('stdin line 5: must be a JSON object');
    expect(run.stderr).toContain('3 bad input lines skipped');
  });
});

describe('check CLI: --test', () => {
  it('exits 0 when every pack test passes', async () => {
    const run = await cli(['--pack', PACK, '--test']);
    expect(run).toEqual({ code: EXIT.ok, stdout: 'All 2 pack tests passed.\n', stderr: '' });
  });

  it('reports each failure (which test, the text, missing and unexpected categories) and exits 1', async () => {
    const run = await cli(['--pack', FAILING_PACK, '--test']);
    expect(run.code).toBe(EXIT.packTestsFailed);
    expect(run.stdout).toContain('tests[1] failed: "Lovely walk on the beach this morning"\n  should raise, but did not: pupil\n  note: deliberately wrong');
    expect(run.stdout).toContain('tests[2] failed: "Grace Hetherington read her poem"\n  must not raise, but did: pupil');
    expect(run.stdout).not.toContain('tests[0]');
    expect(run.stdout).toContain('2 of 3 pack tests failed.');
  });
});

describe('check CLI: images', () => {
  async function pngFile(name: string): Promise<string> {
    const { default: sharp } = await import('sharp');
    const path = join(scratch, name);
    await sharp({ create: { width: 48, height: 48, channels: 3, background: '#1a4d8f' } }).png().toFile(path);
    return path;
  }

  it('checks each image and prints one JSON line per image with --json', async () => {
    const [first, second] = [await pngFile('first.png'), await pngFile('second.png')];
    const run = await cli(['--pack', PACK, '--image', first, '--image', second, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(jsonLines(run.stdout)).toEqual([
      { image: first, findings: [] },
      { image: second, findings: [] },
    ]);
  });

  it('finds the school logo from a fingerprint the CLI made, in a smaller JPEG copy', async () => {
    const { default: sharp } = await import('sharp');
    const crest = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#fff"/>' +
        '<circle cx="100" cy="100" r="80" fill="#1a4d8f"/><polygon points="100,40 150,150 50,150" fill="#f2c230"/>' +
        '<text x="60" y="190" font-size="20" fill="#000">HPS</text></svg>',
    );
    const logo = join(scratch, 'crest.png');
    const copy = join(scratch, 'crest-copy.jpg');
    await sharp(crest).png().toFile(logo);
    await sharp(crest).resize(120, 120).jpeg().toFile(copy);
    const fingerprint = (await cli(['--fingerprint-logo', logo])).stdout.trim();
    const pack = JSON.parse(readFileSync(PACK, 'utf8')) as { categories: Record<string, unknown> };
    const withLogo = { ...pack, logos: [{ id: 'crest', name: 'Harbourside crest', fingerprint }], categories: { ...pack.categories, logo: { clauses: ['school'] } } };
    const packPath = scratchFile('logo-pack.json', JSON.stringify(withLogo));
    const run = await cli(['--pack', packPath, '--image', copy, '--image', await pngFile('plain.png')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain(`${copy}: 1 finding:`);
    expect(run.stdout).toContain('[warn] logo:');
    expect(run.stdout).toMatch(/score (0\.[6-9]\d|1\.00) \(a finding needs 0\.60\)/);
    expect(run.stdout).toContain('Harbourside Primary Social Media Policy: “');
    expect(run.stdout).toContain('clause 4.1 of');
    const json = jsonLines((await cli(['--pack', packPath, '--image', copy, '--json'])).stdout) as { findings: Finding[] }[];
    expect(json[0]!.findings[0]).toMatchObject({ category: 'logo', threshold: 0.6 });
    expect(json[0]!.findings[0]!.score).toBeGreaterThanOrEqual(0.6);

    const logoOff = scratchFile('logo-off-pack.json', JSON.stringify({ ...withLogo, categories: { ...withLogo.categories, logo: { enabled: false, clauses: ['school'] } } }));
    const off = await cli(['--pack', logoOff, '--image', copy]);
    expect(off.stderr).toContain(`warning: ${logoOff}: the pack has 1 logo fingerprint but categories.logo has "enabled": false`);
    expect(off.stdout).toContain('No findings.');
    expect(run.stdout).toMatch(/plain\.png: No findings\./);
  });

  it('prints one fingerprint line per --fingerprint-logo, in order', async () => {
    const { default: sharp } = await import('sharp');
    const lettering = (word: string) =>
      Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120"><rect width="240" height="120" fill="#fff"/><text x="10" y="80" font-size="56" fill="#123">${word}</text></svg>`);
    const [first, second] = [join(scratch, 'hps.png'), join(scratch, 'wvps.png')];
    await sharp(lettering('HPS')).png().toFile(first);
    await sharp(lettering('WVPS')).png().toFile(second);
    const run = await cli(['--fingerprint-logo', first, '--fingerprint-logo', second]);
    expect(run.code).toBe(EXIT.ok);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe((await cli(['--fingerprint-logo', first])).stdout.trim());
    expect(lines[1]).toBe((await cli(['--fingerprint-logo', second])).stdout.trim());
    expect(lines[0]).not.toBe(lines[1]);
  });

  it('refuses to fingerprint a blank, flat or plain image, saying why', async () => {
    const { default: sharp } = await import('sharp');
    const white = join(scratch, 'white.png');
    await sharp({ create: { width: 200, height: 200, channels: 3, background: '#ffffff' } }).png().toFile(white);
    for (const [image, why] of [[white, 'no corners at all'], [await pngFile('flat.png'), 'only 4 distinct corners']] as const) {
      const run = await cli(['--fingerprint-logo', image]);
      expect(run.code).toBe(EXIT.badInput);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${image}: not fingerprinted: this image has ${why}`);
      expect(run.stderr).toContain('needs at least 6');
    }
  });

  it('names a missing image file and exits 2', async () => {
    const missing = join(scratch, 'missing-logo.png');
    const run = await cli(['--pack', PACK, '--image', missing]);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain(missing);
  });

  it('names an unreadable logo to fingerprint and exits 2', async () => {
    const notImage = scratchFile('not-an-image.png', 'hello');
    const run = await cli(['--fingerprint-logo', notImage]);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain(notImage);
  });
});

describe('check CLI: as a real process (the built dist/cli/postcheck.cjs)', () => {
  const exec = promisify(execFile);
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  beforeAll(async () => {
    // Its own copy: cli-process.test.ts rebuilds dist/cli at the same time.
    await exec('node', ['scripts/build-cli.mjs', '--outdir', join(scratch, 'dist-cli')], { cwd: repo });
  }, 60_000);
  async function spawnCli(args: string[]): Promise<CliRun> {
    try {
      const { stdout, stderr } = await exec('node', [join(scratch, 'dist-cli', 'postcheck.cjs'), ...args], { cwd: repo, env: { ...process.env, NODE_OPTIONS: '' } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('exits 0, 1 and 2 as documented', { timeout: 60_000 }, async () => {
    const [found, failing, missing] = await Promise.all([
      spawnCli(['--pack', PACK, '--text', 'Well done Grace Hetherington']),
      spawnCli(['--pack', FAILING_PACK, '--test']),
      spawnCli(['--pack', join(scratch, 'absent.json'), '--test']),
    ]);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('pupil: "Grace Hetherington"');
    expect(failing.code).toBe(1);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('absent.json: no such file');
  });
});

function engineFindings(text: string): Finding[] {
  const result = compilePack(JSON.parse(readFileSync(PACK, 'utf8')));
  if (!result.ok) throw result.error;
  // Through JSON, as the CLI writes them.
  return JSON.parse(JSON.stringify(checkPost(result.compiled, { text }))) as Finding[];
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('postcheck pack init and pack lint', () => {
  it('writes a starter pack for the school that loads, checks posts and lints clean', async () => {
    const path = join(scratch, 'starter.json');
    const run = await cli(['pack', 'init', path, '--name', 'Harbourside Primary School', '--alias', 'Harbourside', '--alias', 'HPS', '--domain', 'harbourside.sch.uk', '--handle', '@HarboursidePS']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain(`Wrote ${path}`);
    const pack = JSON.parse(readFileSync(path, 'utf8')) as { id: string; school: Record<string, unknown>; policy: { title: string; clauses: { ref: string }[] } };
    expect(pack.id).toBe('harbourside-primary-school');
    expect(pack.school).toMatchObject({ name: 'Harbourside Primary School', aliases: ['Harbourside', 'HPS'], domains: ['harbourside.sch.uk'], handles: ['@HarboursidePS'] });
    expect(pack.policy.title).toBe('Personal Use of Social Media Policy');
    expect(pack.policy.clauses.length).toBeGreaterThan(10);
    const lint = await cli(['pack', 'lint', path]);
    expect(lint).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(lint.stdout).toContain(`${path}: a valid pack for Harbourside Primary School`);
    // The event log is a choice the school makes in the pack: written out, off, and reported.
    expect(pack).toHaveProperty('eventLog', false);
    expect(lint.stdout).toContain('Event log: off (set "eventLog": true');
    writeFileSync(path, JSON.stringify({ ...pack, eventLog: true }));
    expect((await cli(['pack', 'lint', path])).stdout).toContain('Event log: on for staff who load this pack');
    // The school's own identifiers are what it finds.
    const check = await cli(['--pack', path, '--text', 'Off to Harbourside for sports day, come and support @HarboursidePS']);
    expect(check.stdout).toMatch(/\[\w+\] school:/);
  });

  it('does not overwrite a file unless told to, and needs the school name', async () => {
    const path = scratchFile('exists.json', '{}');
    const refused = await cli(['pack', 'init', path, '--name', 'Harbourside Primary School']);
    expect(refused.code).toBe(EXIT.badInput);
    expect(refused.stderr).toContain(`${path} already exists`);
    expect(readFileSync(path, 'utf8')).toBe('{}');
    const noName = await cli(['pack', 'init', join(scratch, 'unnamed.json')]);
    expect(noName.code).toBe(EXIT.badInput);
    expect(noName.stderr).toContain('--name');
    const twice = await cli(['pack', 'init', join(scratch, 'twice.json'), '--name', 'A School', '--name', 'B School']);
    expect(twice.stderr).toContain('--name was given more than once');
    expect((await cli(['pack', 'init', path, '--name', 'Harbourside Primary School', '--force'])).code).toBe(EXIT.ok);
  });

  it('lints a broken pack with every problem, worded by the same formatter as the options page', async () => {
    const pack = JSON.parse(readFileSync(PACK, 'utf8')) as Record<string, unknown>;
    const broken = { ...pack, school: { aliases: [] }, policy: { title: 'Policy', clauses: [{ id: 'pupils', text: 'No names.' }] }, categories: { pupil: { clauses: ['nope'] } } };
    const path = scratchFile('lint-broken.json', JSON.stringify(broken));
    const run = await cli(['pack', 'lint', path]);
    expect(run.code).toBe(EXIT.packTestsFailed);
    const validation = parsePackText(JSON.stringify(broken));
    if (validation.ok) throw new Error('expected problems');
    expect(validation.problems).toHaveLength(3);
    for (const line of describeProblems(validation.problems).split('\n')) expect(run.stdout).toContain(`  ${line}`);
    expect(run.stdout).toContain(`${path} is not a valid rule pack (3 problems)`);
  });

  it('warns in lint about logo fingerprints with the logo category off', async () => {
    const pack = JSON.parse(readFileSync(PACK, 'utf8')) as Record<string, unknown>;
    const fingerprint = (await cli(['--fingerprint-logo', fileURLToPath(new URL('../fixtures/logos/logos/hartwell.png', import.meta.url))])).stdout.trim();
    const path = scratchFile('lint-logo-off.json', JSON.stringify({ ...pack, logos: [{ id: 'crest', fingerprint }] }));
    const run = await cli(['pack', 'lint', path]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain('warning: the pack has 1 logo fingerprint but categories has no "logo" entry');
  });

  it('lints an eventLog that is not true or false, naming the field', async () => {
    const pack = JSON.parse(readFileSync(PACK, 'utf8')) as Record<string, unknown>;
    const path = scratchFile('lint-event-log.json', JSON.stringify({ ...pack, eventLog: 'yes' }));
    const run = await cli(['pack', 'lint', path]);
    expect(run.code).toBe(EXIT.packTestsFailed);
    expect(run.stdout).toContain('eventLog');
    expect(run.stdout).toContain('true or false');
    expect(run.stdout).toContain('"yes"');
  });

  it('names an unknown pack command', async () => {
    const run = await cli(['pack', 'build']);
    expect(run.code).toBe(EXIT.badInput);
    expect(run.stderr).toContain('"pack build" is not a command');
  });
});

describe('counts in messages', () => {
  it('writes counts as en-GB does, grouping thousands', () => {
    for (const count of [0, 1, 2, 999, 1000, 12345, 1234567]) {
      expect(plural(count, 'name')).toBe(`${count.toLocaleString('en-GB')} ${count === 1 ? 'name' : 'names'}`);
    }
  });
});

describe('check CLI: stdin', () => {
  it('is not touched when the post comes from --text', async () => {
    let stdout = '';
    const io = {
      get stdin(): never {
        throw new Error('stdin was read');
      },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
    };
    expect(await runCli(['--pack', PACK, '--json', '--text', 'Rang in sick today so off to the match with the kids'], io)).toBe(EXIT.ok);
    expect(JSON.parse(stdout)).toHaveProperty('findings');
  });
});
