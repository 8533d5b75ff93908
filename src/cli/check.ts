import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkPost } from '../rules/check';
import { compilePack, type CompiledPack } from '../rules/compile';
import { parseNameCsv } from '../rules/pack/csv';
import { runPackTests, type PackTestFailure } from '../rules/pack/run-tests';
import { PACK_LIMITS, type PersonEntry } from '../rules/pack/schema';
import { describeProblems, parsePackText, type PackProblem } from '../rules/pack/validate';
import type { Finding } from '../rules/types';

/**
 * `npm run check`: schools test their pack with it, other tools call it.
 * All the work is in runCheckCli so tests run it in-process; `main` only
 * wires it to the real process.
 */

/** 3 is ours, not Node's default 1, so a crash is never mistaken for "a pack test failed". */
export const EXIT = { ok: 0, packTestsFailed: 1, badInput: 2, internalError: 3 } as const;

export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: TextSink;
  stderr: TextSink;
}

export const USAGE = `PostCheck: check posts against a school's social media policy (its rule pack).

Usage:
  npm run check -- --pack <pack.json> [--pupils <file.csv>] [--staff <file.csv>] --text "<post>"
  npm run check -- --pack <pack.json> [--pupils <file.csv>] [--staff <file.csv>] < posts.jsonl
  npm run check -- --pack <pack.json> --test
  npm run check -- --pack <pack.json> --image <file> [--image <file> ...] [--json]
  npm run check -- --fingerprint-logo <image>

Options:
  --pack <file>              the school's rule pack (JSON); needed for everything but --fingerprint-logo
  --pupils <file>            pupils' names as exported from the MIS (CSV with a header row); repeatable
  --staff <file>             staff names as exported from the MIS (CSV with a header row); repeatable
  --text "<post>"            check one post and print the findings
  (no --text)                read JSON lines {"id": "...", "text": "..."} on stdin and write one
                             JSON line {"id": "...", "findings": [...]} per post on stdout
  --test                     run the pack's own example posts ("tests") and report each failure
  --image <file>             check a PNG, JPEG or WebP image against the pack's logos; repeatable
  --json                     with --text or --image: print JSON lines instead of readable text
  --fingerprint-logo <file>  print a logo's fingerprint, for the pack's "logos" list
  -h, --help                 show this help

Exit codes: 0 ok; 1 a pack test failed; 2 bad input (a missing or invalid file,
a bad line on stdin), with a message saying which file and what is wrong;
3 PostCheck itself failed (a bug: please report it with the message).
`;

const OPTIONS = {
  pack: { type: 'string' },
  pupils: { type: 'string', multiple: true },
  staff: { type: 'string', multiple: true },
  text: { type: 'string' },
  test: { type: 'boolean' },
  image: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  'fingerprint-logo': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

type Mode =
  | { kind: 'help' }
  | { kind: 'fingerprint'; image: string }
  | { kind: 'test' }
  | { kind: 'text'; text: string }
  | { kind: 'images'; images: string[] }
  | { kind: 'stdin' };

interface CliOptions {
  mode: Mode;
  pack?: string;
  pupils: string[];
  staff: string[];
  json: boolean;
}

/** Something the user can fix (a file, a flag, an input line): exit 2 with a message naming it. */
class BadInput extends Error {}

/** How many skipped CSV rows to list before summarising; a broken export can have thousands. */
const MAX_CSV_WARNINGS = 20;

export async function runCheckCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = readOptions(argv);
    return await runMode(options, io);
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    io.stderr.write(`postcheck: ${error.message}\n`);
    return EXIT.badInput;
  }
}

function readOptions(argv: readonly string[]): CliOptions {
  let values: ReturnType<typeof parseOptions>['values'];
  try {
    values = parseOptions(argv).values;
  } catch (error) {
    throw new BadInput(`${(error as Error).message}\nRun with --help for usage.`);
  }
  return {
    mode: chooseMode(values),
    ...(values.pack !== undefined ? { pack: values.pack } : {}),
    pupils: values.pupils ?? [],
    staff: values.staff ?? [],
    json: values.json ?? false,
  };
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
}

function chooseMode(values: ReturnType<typeof parseOptions>['values']): Mode {
  if (values.help) return { kind: 'help' };
  const chosen = [
    values['fingerprint-logo'] !== undefined && '--fingerprint-logo',
    values.test && '--test',
    values.text !== undefined && '--text',
    values.image !== undefined && '--image',
  ].filter((flag): flag is string => typeof flag === 'string');
  if (chosen.length > 1) throw new BadInput(`use only one of ${chosen.join(', ')}.\nRun with --help for usage.`);
  if (values['fingerprint-logo'] !== undefined) return { kind: 'fingerprint', image: values['fingerprint-logo'] };
  if (values.test) return { kind: 'test' };
  if (values.text !== undefined) return { kind: 'text', text: values.text };
  if (values.image !== undefined) return { kind: 'images', images: values.image };
  return { kind: 'stdin' };
}

async function runMode(options: CliOptions, io: CliIo): Promise<number> {
  const { mode } = options;
  if (mode.kind === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (mode.kind === 'fingerprint') {
    io.stdout.write(`${await fingerprintLogo(mode.image)}\n`);
    return EXIT.ok;
  }
  if (options.pack === undefined) throw new BadInput('--pack <pack.json> is required.\nRun with --help for usage.');
  const compiled = await loadPack(options.pack, options, io);
  switch (mode.kind) {
    case 'test':
      return reportPackTests(compiled, io);
    case 'text':
      writeTextFindings(checkPost(compiled, { text: mode.text }), options.json, io);
      return EXIT.ok;
    case 'images':
      await writeImageFindings(compiled, mode.images, options.json, io);
      return EXIT.ok;
    case 'stdin':
      return checkJsonLines(compiled, io);
  }
}

// ---------------------------------------------------------------- loading

async function loadPack(packPath: string, options: CliOptions, io: CliIo): Promise<CompiledPack> {
  const validation = parsePackText(await readTextFile(packPath, 'pack'));
  if (!validation.ok) throw new BadInput(invalidPackMessage(packPath, validation.problems));
  const pupils = await loadNameLists(options.pupils, io);
  const staff = await loadNameLists(options.staff, io);
  const result = compilePack(validation.pack, { pupils, staff });
  if (!result.ok) throw new BadInput(invalidPackMessage(packPath, result.error.problems));
  return result.compiled;
}

function invalidPackMessage(path: string, problems: readonly PackProblem[]): string {
  const lines = describeProblems(problems).split('\n');
  return `${path} is not a valid rule pack (${plural(lines.length, 'problem')}):\n${lines.map((line) => `  ${line}`).join('\n')}`;
}

/** Good rows load; skipped rows are warnings; an unreadable list stops the run (exit 2). */
async function loadNameLists(paths: readonly string[], io: CliIo): Promise<PersonEntry[]> {
  const people: PersonEntry[] = [];
  for (const path of paths) {
    const result = parseNameCsv(await readTextFile(path, 'name list'), path);
    if (result.fatal) throw new BadInput(result.fatal);
    for (const problem of result.problems.slice(0, MAX_CSV_WARNINGS)) {
      io.stderr.write(`postcheck: warning: ${path} line ${problem.line}: ${problem.message}\n`);
    }
    if (result.problems.length > MAX_CSV_WARNINGS) {
      io.stderr.write(`postcheck: warning: ${path}: ${plural(result.problems.length - MAX_CSV_WARNINGS, 'more row')} skipped\n`);
    }
    if (result.problems.length) {
      io.stderr.write(`postcheck: ${path}: loaded ${plural(result.people.length, 'name')}, skipped ${plural(result.problems.length, 'row')}\n`);
    }
    people.push(...result.people);
  }
  return people;
}

/** Reads a UTF-8 file; invalid bytes become U+FFFD, which the pack and CSV readers report as "not UTF-8". */
async function readTextFile(path: string, what: string): Promise<string> {
  try {
    const size = (await stat(path)).size;
    // Refuse before reading: a mistaken path to a video must not fill memory.
    if (size > PACK_LIMITS.maxBytes) {
      throw new BadInput(`${path} is too large for a ${what}: ${(size / 1024 / 1024).toFixed(1)} MB; the most PostCheck takes is ${PACK_LIMITS.maxBytes / 1024 / 1024} MB`);
    }
    return new TextDecoder('utf-8').decode(await readFile(path));
  } catch (error) {
    if (error instanceof BadInput) throw error;
    throw new BadInput(`cannot read the ${what} ${path}: ${whyUnreadable(error)}`);
  }
}

function whyUnreadable(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error as Error).message;
  }
}

// ---------------------------------------------------------------- modes

function reportPackTests(compiled: CompiledPack, io: CliIo): number {
  const total = compiled.pack.tests.length;
  const failures = runPackTests(compiled);
  for (const failure of failures) io.stdout.write(describeTestFailure(failure));
  if (total === 0) io.stdout.write('The pack has no tests.\n');
  else if (failures.length === 0) io.stdout.write(`All ${total} pack tests passed.\n`);
  else io.stdout.write(`${failures.length} of ${total} pack tests failed.\n`);
  return failures.length ? EXIT.packTestsFailed : EXIT.ok;
}

function describeTestFailure(failure: PackTestFailure): string {
  const lines = [`tests[${failure.index}] failed: ${JSON.stringify(failure.text)}`];
  if (failure.missing.length) lines.push(`  should raise, but did not: ${failure.missing.join(', ')}`);
  if (failure.unexpected.length) lines.push(`  must not raise, but did: ${failure.unexpected.join(', ')}`);
  if (failure.note) lines.push(`  note: ${failure.note}`);
  return `${lines.join('\n')}\n\n`;
}

function writeTextFindings(findings: Finding[], json: boolean, io: CliIo): void {
  if (json) io.stdout.write(`${JSON.stringify({ findings })}\n`);
  else io.stdout.write(formatFindings(findings));
}

async function writeImageFindings(compiled: CompiledPack, images: readonly string[], json: boolean, io: CliIo): Promise<void> {
  const logoFiles = await loadLogoFiles();
  let results: { image: string; findings: Finding[] }[];
  try {
    results = await logoFiles.checkImageFiles(compiled, images);
  } catch (error) {
    // logo-files names the file and the problem (missing, not an image).
    throw new BadInput((error as Error).message);
  }
  results.forEach(({ image, findings }, index) => {
    if (json) io.stdout.write(`${JSON.stringify({ image, findings })}\n`);
    else io.stdout.write(`${index ? '\n' : ''}${image}: ${formatFindings(findings)}`);
  });
}

async function fingerprintLogo(image: string): Promise<string> {
  const logoFiles = await loadLogoFiles();
  try {
    return await logoFiles.fingerprintLogoFile(image);
  } catch (error) {
    throw new BadInput((error as Error).message);
  }
}

/** Loaded only for image flags: it brings in sharp, which text checks do not need. */
async function loadLogoFiles(): Promise<typeof import('./logo-files')> {
  try {
    return await import('./logo-files');
  } catch (error) {
    throw new BadInput(`image checking is not available: ${(error as Error).message}`);
  }
}

/** One post per line; a bad line is reported and skipped, and the run ends with exit 2. */
async function checkJsonLines(compiled: CompiledPack, io: CliIo): Promise<number> {
  if (io.stdin.isTTY) io.stderr.write('postcheck: reading JSON lines {"id": "...", "text": "..."} from stdin (Ctrl-D to finish; --text checks one post)\n');
  let lineNumber = 0;
  let badLines = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const post = parsePostLine(line);
    if ('problem' in post) {
      io.stderr.write(`postcheck: stdin line ${lineNumber}: ${post.problem}\n`);
      badLines++;
      continue;
    }
    io.stdout.write(`${JSON.stringify({ id: post.id, findings: checkPost(compiled, { text: post.text }) })}\n`);
  }
  if (badLines) io.stderr.write(`postcheck: ${plural(badLines, 'bad input line')} skipped\n`);
  return badLines ? EXIT.badInput : EXIT.ok;
}

type PostLine = { id: string | number; text: string } | { problem: string };

function parsePostLine(line: string): PostLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { problem: `is not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'must be a JSON object like {"id": "1", "text": "..."}' };
  }
  const { id, text } = value as { id?: unknown; text?: unknown };
  if (typeof id !== 'string' && typeof id !== 'number') return { problem: '"id" is missing or is not a string or number' };
  if (typeof text !== 'string') return { problem: '"text" is missing or is not a string' };
  return { id, text };
}

// ---------------------------------------------------------------- output

export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings.\n';
  const heading = `${plural(findings.length, 'finding')}:\n`;
  return `${heading}${findings.map(formatFinding).join('')}`;
}

function formatFinding(finding: Finding, index: number): string {
  const { clause } = finding;
  const where = finding.spans[0] ? ` (characters ${finding.spans[0].start}–${finding.spans[0].end})` : '';
  const excerpt = finding.excerpt ? ` ${JSON.stringify(finding.excerpt)}${where}` : '';
  const lines = [
    `\n${index + 1}. [${finding.severity}] ${finding.category}:${excerpt}`,
    `   ${finding.message}`,
    `   ${clause.policyTitle}, ${clause.ref}: “${clause.text}”`,
  ];
  if (clause.policyUrl) lines.push(`   ${clause.policyUrl}`);
  return `${lines.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------- process

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  try {
    process.exitCode = await runCheckCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
  } catch (error) {
    process.stderr.write(`postcheck: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.internalError;
  }
}

if (isEntryPoint()) await main();
