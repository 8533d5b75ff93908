import { readFile, stat } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { version as POSTCHECK_VERSION } from '../../package.json';
import type { CompiledPack } from '../rules/compile';
import type { PackTestFailure } from '../rules/pack/run-tests';
import type { Pack, PersonEntry } from '../rules/pack/schema';
import type { PackProblem } from '../rules/pack/validate';
import type { Finding } from '../rules/types';

/**
 * The `postcheck` command (`npm run check`): schools test their pack with it,
 * other tools call it. All the work is in runCheckCli so tests run it
 * in-process; postcheck.ts only wires it to the real process.
 */

/** 3 is ours, not Node's default 1, so a crash is never mistaken for "a pack test failed". */
export const EXIT = { ok: 0, packTestsFailed: 1, badInput: 2, internalError: 3 } as const;

export interface TextSink {
  /** false when the text was queued rather than written (a full pipe): wait for 'drain' before more. */
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: TextSink;
  stderr: TextSink;
}

export const USAGE = `PostCheck: check posts against a school's social media policy (its rule pack).

Usage:
  postcheck --pack <pack.json> [--pupils <file.csv>]... [--staff <file.csv>]... --text "<post>"
  postcheck --pack <pack.json> [--pupils <file.csv>]... [--staff <file.csv>]... < posts.jsonl
  postcheck --pack <pack.json> --test
  postcheck --pack <pack.json> --image <file> [--image <file>]... [--json]
  postcheck --fingerprint-logo <image> [--fingerprint-logo <image>]... [--json]
  postcheck pack init <pack.json> --name "<school>" [--alias <short>]... [--domain <domain>]... [--handle <@handle>]...
  postcheck pack lint <pack.json>
  (from a checkout: npx postcheck ... or npm run check -- ...)

Options:
  --pack <file>              the school's rule pack (JSON); needed for everything but
                             --fingerprint-logo and "pack init"
                               e.g. --pack harbourside.json
  --pupils <file>            pupils' names as exported from the MIS (CSV with a header row);
                             repeatable
                               e.g. --pupils year5.csv --pupils year6.csv
  --staff <file>             staff names as exported from the MIS (CSV with a header row);
                             repeatable
                               e.g. --staff teachers.csv --staff support-staff.csv
  --text "<post>"            check one post and print the findings
                               e.g. --text "So proud of Grace in assembly today"
  (no --text)                read JSON lines {"id": "...", "text": "..."} on stdin and write one
                             JSON line {"id": "...", "findings": [...]} per post on stdout, each
                             as soon as its post is checked
                               e.g. postcheck --pack p.json < posts.jsonl > findings.jsonl
  --test                     run the pack's own example posts ("tests") and report each failure
                               e.g. --pack harbourside.json --test
  --image <file>             check a PNG, JPEG or WebP image against the pack's logos; repeatable
                               e.g. --image sports-day.jpg --image trip.png
  --json                     with --text, --image or --fingerprint-logo: print JSON lines
                             instead of readable text
                               e.g. --text "Well done Grace" --json
  --fingerprint-logo <file>  print a logo's fingerprint, for the pack's "logos" list;
                             repeatable (one line per file, in order)
                               e.g. --fingerprint-logo crest.png --fingerprint-logo wordmark.png
  -h, --help                 show this help
                               e.g. postcheck --help
  --version                  print PostCheck's version
                               e.g. postcheck --version

"pack init" options (see also "postcheck pack init --help"):
  --name "<school>"          the school's full name (required)
                               e.g. --name "Harbourside Primary School"
  --alias <short>            a short form staff use; repeatable
                               e.g. --alias Harbourside --alias HPS
  --domain <domain>          a web or email domain; repeatable
                               e.g. --domain harbourside.sch.uk
  --handle <@handle>         a social media handle; repeatable
                               e.g. --handle @Harbourside
  --force                    overwrite the file if it exists

Readable output gives, for each finding: its severity and category, the words found and the
post around them, the message, the policy clause with its reference and, when a score decided
it (a logo match), the score and the threshold it had to reach.

Exit codes: 0 ok; 1 a pack test failed (or "pack lint" found problems); 2 bad input (a missing
or invalid file, an unknown, repeated or conflicting flag, a bad line on stdin), with a
message saying which file, flag or line and what is wrong; 3 PostCheck itself failed
(a bug: please report it with the message).
`;

export const OPTIONS = {
  pack: { type: 'string' },
  pupils: { type: 'string', multiple: true },
  staff: { type: 'string', multiple: true },
  text: { type: 'string' },
  test: { type: 'boolean' },
  image: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  'fingerprint-logo': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

type Mode =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'fingerprint'; images: string[] }
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
export class BadInput extends Error {}

/** How many skipped CSV rows to list before summarising; a broken export can have thousands. */
const MAX_CSV_WARNINGS = 20;

const RUN_HELP = '\nRun postcheck --help for usage.';

export async function runCheckCli(argv: readonly string[], io: CliIo): Promise<number> {
  return reportingBadInput(io, () => runMode(readOptions(argv), io));
}

/** Runs a command; input the user can fix ends it with exit 2 and a message naming it. */
export async function reportingBadInput(io: CliIo, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    io.stderr.write(`postcheck: ${error.message}\n`);
    return EXIT.badInput;
  }
}

/**
 * parseArgs with what it does not check itself: a flag that takes one value
 * given twice (parseArgs keeps the last silently) is an error naming the flag.
 */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T, allowPositionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals, tokens: true });
  } catch (error) {
    throw new BadInput(`${(error as Error).message}${RUN_HELP}`);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const config = options[token.name];
    if (config && !('multiple' in config && config.multiple) && seen.has(token.name)) {
      throw new BadInput(`--${token.name} was given more than once; it takes one ${config.type === 'boolean' ? 'use' : 'value'}.${RUN_HELP}`);
    }
    seen.add(token.name);
  }
  return parsed;
}

function readOptions(argv: readonly string[]): CliOptions {
  const { values } = parseFlags(argv, OPTIONS);
  return {
    mode: chooseMode(values),
    ...(values.pack !== undefined ? { pack: values.pack } : {}),
    pupils: values.pupils ?? [],
    staff: values.staff ?? [],
    json: values.json ?? false,
  };
}

type Values = ReturnType<typeof parseFlags<typeof OPTIONS>>['values'];

function chooseMode(values: Values): Mode {
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const chosen = [
    values['fingerprint-logo'] !== undefined && '--fingerprint-logo',
    values.test && '--test',
    values.text !== undefined && '--text',
    values.image !== undefined && '--image',
  ].filter((flag): flag is string => typeof flag === 'string');
  if (chosen.length > 1) throw new BadInput(`use only one of ${chosen.join(', ')}.${RUN_HELP}`);
  if (values['fingerprint-logo'] !== undefined) {
    // A fingerprint is made from the image alone: a pack or name list given with it is a mistake worth naming.
    const unused = [values.pack !== undefined && '--pack', values.pupils && '--pupils', values.staff && '--staff'].filter(Boolean);
    if (unused.length) throw new BadInput(`--fingerprint-logo does not use ${unused.join(', ')}; make the fingerprint on its own.${RUN_HELP}`);
    return { kind: 'fingerprint', images: values['fingerprint-logo'] };
  }
  if (values.json && values.test) throw new BadInput(`--json does not apply to --test, which prints a readable report.${RUN_HELP}`);
  if (values.test) return { kind: 'test' };
  if (values.text !== undefined) return { kind: 'text', text: values.text };
  if (values.image !== undefined) return { kind: 'images', images: values.image };
  if (values.json) throw new BadInput(`--json applies to --text, --image or --fingerprint-logo; posts on stdin are always JSON lines.${RUN_HELP}`);
  return { kind: 'stdin' };
}

async function runMode(options: CliOptions, io: CliIo): Promise<number> {
  const { mode } = options;
  if (mode.kind === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (mode.kind === 'version') {
    io.stdout.write(`${POSTCHECK_VERSION}\n`);
    return EXIT.ok;
  }
  if (mode.kind === 'fingerprint') {
    await writeFingerprints(mode.images, options.json, io);
    return EXIT.ok;
  }
  if (options.pack === undefined) throw new BadInput(`--pack <pack.json> is required.${RUN_HELP}`);
  const engine = await import('./engine');
  const { checkPost } = engine;
  const compiled = await loadPack(engine, options.pack, options, io);
  switch (mode.kind) {
    case 'test':
      return reportPackTests(engine, compiled, io);
    case 'text':
      writeTextFindings(checkPost(compiled, { text: mode.text }), mode.text, options.json, io);
      return EXIT.ok;
    case 'images':
      await writeImageFindings(compiled, mode.images, options.json, io);
      return EXIT.ok;
    case 'stdin':
      return checkJsonLines(engine, compiled, io);
  }
}

// ---------------------------------------------------------------- loading

type Engine = typeof import('./engine');

async function loadPack(engine: Engine, packPath: string, options: CliOptions, io: CliIo): Promise<CompiledPack> {
  const validation = engine.parsePackText(await readTextFile(packPath, 'pack'));
  if (!validation.ok) throw new BadInput(invalidPackMessage(engine, packPath, validation.problems));
  const pupils = await loadNameLists(engine, options.pupils, io);
  const staff = await loadNameLists(engine, options.staff, io);
  const result = engine.compilePack(validation.pack, { pupils, staff });
  if (!result.ok) throw new BadInput(invalidPackMessage(engine, packPath, result.error.problems));
  const logoOff = logoCategoryOffWarning(validation.pack);
  if (logoOff) io.stderr.write(`postcheck: warning: ${packPath}: ${logoOff}\n`);
  return result.compiled;
}

/** Fingerprints with the logo category off or absent check nothing: almost always a slip when writing the pack. */
export function logoCategoryOffWarning(pack: Pick<Pack, 'logos' | 'categories'>): string | null {
  if (pack.logos.length === 0) return null;
  const logo = pack.categories.logo;
  if (logo && logo.enabled !== false) return null;
  const why = logo ? 'categories.logo has "enabled": false' : 'categories has no "logo" entry';
  return `the pack has ${plural(pack.logos.length, 'logo fingerprint')} but ${why}, so images are not checked for the school's logo. Turn the logo category on, or remove "logos".`;
}

export function invalidPackMessage(engine: Pick<Engine, 'describeProblems'>, path: string, problems: readonly PackProblem[]): string {
  // One line per root cause: knock-on problems are already left out of the description.
  const lines = engine.describeProblems(problems).split('\n');
  return `${path} is not a valid rule pack (${plural(lines.length, 'problem')}):\n${lines.map((line) => `  ${line}`).join('\n')}`;
}

/** Good rows load; skipped rows are warnings; an unreadable list stops the run (exit 2). */
async function loadNameLists(engine: Engine, paths: readonly string[], io: CliIo): Promise<PersonEntry[]> {
  let people: PersonEntry[] = [];
  for (const path of paths) {
    const result = engine.parseNameCsv(await readTextFile(path, 'name list'), path);
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
    // concat, not push(...): spreading 20,000 arguments cost a fresh process several ms.
    people = people.concat(result.people);
  }
  return people;
}

/** Reads a UTF-8 file; invalid bytes become U+FFFD, which the pack and CSV readers report as "not UTF-8". */
export async function readTextFile(path: string, what: string): Promise<string> {
  const { PACK_LIMITS } = await import('./engine');
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

function reportPackTests(engine: Engine, compiled: CompiledPack, io: CliIo): number {
  const total = compiled.pack.tests.length;
  const failures = engine.runPackTests(compiled);
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

function writeTextFindings(findings: Finding[], text: string, json: boolean, io: CliIo): void {
  if (json) io.stdout.write(`${JSON.stringify({ findings })}\n`);
  else io.stdout.write(formatFindings(findings, text));
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

async function writeFingerprints(images: readonly string[], json: boolean, io: CliIo): Promise<void> {
  const logoFiles = await loadLogoFiles();
  for (const image of images) {
    let fingerprint: string;
    try {
      fingerprint = await logoFiles.fingerprintLogoFile(image);
    } catch (error) {
      throw new BadInput((error as Error).message);
    }
    const warning = logoFiles.logoDetailWarning(fingerprint);
    if (warning) io.stderr.write(`postcheck: warning: ${image}: ${warning}\n`);
    io.stdout.write(json ? `${JSON.stringify({ image, fingerprint })}\n` : `${fingerprint}\n`);
  }
}

/** Loaded only for image flags: it brings in sharp, which text checks do not need. */
async function loadLogoFiles(): Promise<typeof import('./logo-files')> {
  try {
    return await import('./logo-files');
  } catch (error) {
    // sharp is an optional dependency: an offline `npm install -g` may have skipped it.
    throw new BadInput(`image checking is not available (${(error as Error).message}). It needs the sharp package: run "npm install -g sharp" where postcheck is installed, or use postcheck from a checkout after npm ci.`);
  }
}

/** One post per line; a bad line is reported and skipped, and the run ends with exit 2. */
async function checkJsonLines({ checkPost }: Engine, compiled: CompiledPack, io: CliIo): Promise<number> {
  if (io.stdin.isTTY) io.stderr.write('postcheck: reading JSON lines {"id": "...", "text": "..."} from stdin (Ctrl-D to finish; --text checks one post)\n');
  // Loaded here: only posts read from stdin need it, and --text starts sooner without it.
  const { createInterface } = await import('node:readline');
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
    await writeWithBackpressure(io.stdout, `${JSON.stringify({ id: post.id, findings: checkPost(compiled, { text: post.text }) })}\n`);
  }
  if (badLines) io.stderr.write(`postcheck: ${plural(badLines, 'bad input line')} skipped\n`);
  return badLines ? EXIT.badInput : EXIT.ok;
}

/**
 * Writes at once; when the reader is slower than we are (a full pipe), waits for it
 * before reading more input, so a long stream runs in constant memory.
 */
async function writeWithBackpressure(sink: TextSink, text: string): Promise<void> {
  if (sink.write(text) === false && sink.once) await new Promise<void>((resolve) => sink.once!('drain', resolve));
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

/** Readable findings; `text` is the post, to quote each finding's words in context. */
export function formatFindings(findings: readonly Finding[], text?: string): string {
  if (findings.length === 0) return 'No findings.\n';
  const heading = `${plural(findings.length, 'finding')}:\n`;
  return `${heading}${findings.map((finding, index) => formatFinding(finding, index, text)).join('')}`;
}

function formatFinding(finding: Finding, index: number, text: string | undefined): string {
  const { clause } = finding;
  const span = finding.spans[0];
  const where = span ? ` (characters ${span.start}–${span.end})` : '';
  const excerpt = finding.excerpt ? ` ${JSON.stringify(finding.excerpt)}${where}` : '';
  const lines = [`\n${index + 1}. [${finding.severity}] ${finding.category}:${excerpt}`];
  if (span && text !== undefined) lines.push(`   in context: ${quoteInContext(text, span)}`);
  lines.push(`   ${finding.message}`);
  if (finding.score !== undefined) {
    const threshold = finding.threshold === undefined ? '' : ` (a finding needs ${finding.threshold.toFixed(2)})`;
    lines.push(`   score ${finding.score.toFixed(2)}${threshold}`);
  }
  lines.push(`   clause ${clause.ref} of ${clause.policyTitle}: “${clause.text}”`);
  if (clause.policyUrl) lines.push(`   ${clause.policyUrl}`);
  return `${lines.join('\n')}\n`;
}

/** Characters of the post shown either side of the words found. */
const CONTEXT_CHARS = 40;

/** The span in [brackets] with up to CONTEXT_CHARS either side, cut at a word and on one line. */
export function quoteInContext(text: string, span: { start: number; end: number }): string {
  let from = Math.max(0, span.start - CONTEXT_CHARS);
  let to = Math.min(text.length, span.end + CONTEXT_CHARS);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) {
    const cut = text.lastIndexOf(' ', to);
    if (cut > span.end) to = cut;
  }
  if (from > span.start) from = span.start;
  const oneLine = (part: string) => part.replace(/\s+/g, ' ');
  const quoted = `${oneLine(text.slice(from, span.start))}[${oneLine(text.slice(span.start, span.end))}]${oneLine(text.slice(span.end, to))}`;
  return `“${from > 0 ? '…' : ''}${quoted}${to < text.length ? '…' : ''}”`;
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  // Below 1,000 a count needs no grouping; toLocaleString would load ICU's number formats (~20 ms) for the first result.
  const shown = Number.isInteger(count) && count >= 0 && count < 1000 ? String(count) : count.toLocaleString('en-GB');
  return `${shown} ${count === 1 ? noun : nouns}`;
}
