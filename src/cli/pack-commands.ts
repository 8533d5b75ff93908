import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import durham from '../../assets/packs/weardale.json';
import { BadInput, EXIT, invalidPackMessage, logoCategoryOffWarning, parseFlags, plural, readTextFile, type CliIo } from './check';
import { parsePackText } from '../rules/pack/read-text';
import { describeProblems } from '../rules/pack/validate';
import { compilePack } from '../rules/compile';
import { logoDetailWarning, logoRefusal } from '../rules/logo/fingerprint';

/**
 * `postcheck pack init` and `postcheck pack lint`: a starter pack for a school to
 * edit, and the options page's explanation of every problem in a pack file.
 */

export const PACK_USAGE = `Usage:
  postcheck pack init <pack.json> --name "<school>" [--alias <short>]... [--domain <domain>]... [--handle <@handle>]... [--force]
      e.g. postcheck pack init harbourside.json --name "Harbourside Primary School" --alias Harbourside --domain harbourside.sch.uk --handle @HarboursidePS
  postcheck pack lint <pack.json>
      e.g. postcheck pack lint harbourside.json
`;

const INIT_OPTIONS = {
  name: { type: 'string' },
  alias: { type: 'string', multiple: true },
  domain: { type: 'string', multiple: true },
  handle: { type: 'string', multiple: true },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runPackCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'init') return packInit(rest, io);
  if (command === 'lint') return packLint(rest, io);
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout.write(PACK_USAGE);
    return command === undefined ? EXIT.badInput : EXIT.ok;
  }
  throw new BadInput(`"pack ${command}" is not a command; use "pack init" or "pack lint".\n${PACK_USAGE}`);
}

/** The starter pack: the school's own identifiers, and the general clauses of Durham County Council's model policy. */
export function starterPack(school: { name: string; aliases: string[]; domains: string[]; handles: string[] }) {
  const id = school.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'school';
  return {
    schemaVersion: durham.schemaVersion,
    id,
    version: '1',
    note:
      `Starter pack for ${school.name}, made by "postcheck pack init". The clauses quote Durham County Council's model ` +
      '"Personal Use of Social Media Policy" (v1.0, September 2020). Replace them with the clauses of your own policy ' +
      '(keep each id, or change the ids in "categories" to match), add hashtags, load pupil and staff names from your MIS ' +
      'export, add logo fingerprints (postcheck --fingerprint-logo crest.png), then run "postcheck pack lint" and ' +
      '"postcheck --pack <file> --test". Set "eventLog" to true to keep a log on each computer of what was flagged and ' +
      'what staff did (never the post). See docs/rule-pack.md.',
    // Written out so the school sees the choice; false is the default.
    eventLog: false,
    school: { name: school.name, aliases: school.aliases, domains: school.domains, handles: school.handles, hashtags: [] },
    policy: durham.policy,
    // The logo category stays out until the pack has a fingerprint: fingerprints with it off are a warning, and so is the reverse.
    categories: Object.fromEntries(Object.entries(durham.categories).filter(([category]) => category !== 'logo')),
    tests: [],
  };
}

async function packInit(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, INIT_OPTIONS, true);
  if (values.help) {
    io.stdout.write(PACK_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new BadInput(`pack init needs one file to write, e.g. "postcheck pack init school-pack.json --name ...".\n${PACK_USAGE}`);
  const path = positionals[0]!;
  const name = values.name?.trim();
  if (!name) throw new BadInput(`pack init needs --name "<the school's full name>".\n${PACK_USAGE}`);
  if (existsSync(path) && !values.force) throw new BadInput(`${path} already exists; choose another file, or add --force to overwrite it.`);
  const pack = starterPack({ name, aliases: values.alias ?? [], domains: values.domain ?? [], handles: values.handle ?? [] });
  // The starter must itself be a valid pack: checked here, so a bad --handle is reported now, not at load time.
  const validation = parsePackText(JSON.stringify(pack));
  if (!validation.ok) throw new BadInput(invalidPackMessage({ describeProblems }, '(the starter pack)', validation.problems));
  await writeFile(path, `${JSON.stringify(pack, null, 2)}\n`);
  io.stdout.write(
    `Wrote ${path}: a starter pack for ${name} with ${plural(pack.policy.clauses.length, 'clause')} from Durham County Council's model policy.\n` +
      `Next: edit the clauses to quote your own policy, then run "postcheck pack lint ${path}".\n`,
  );
  return EXIT.ok;
}

/** Every problem, worded as the options page words it (describeProblems); exit 1 when there is any. */
async function packLint(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseFlags(argv, {}, true);
  if (positionals.length !== 1) throw new BadInput(`pack lint needs one pack file, e.g. "postcheck pack lint school-pack.json".\n${PACK_USAGE}`);
  const path = positionals[0]!;
  const validation = parsePackText(await readTextFile(path, 'pack'));
  if (!validation.ok) {
    io.stdout.write(`${invalidPackMessage({ describeProblems }, path, validation.problems)}\nThe options page would not load this pack; nothing already loaded there would change.\n`);
    return EXIT.packTestsFailed;
  }
  const compiled = compilePack(validation.pack);
  if (!compiled.ok) {
    io.stdout.write(`${invalidPackMessage({ describeProblems }, path, compiled.error.problems)}\n`);
    return EXIT.packTestsFailed;
  }
  const warnings: string[] = [];
  const logoOff = logoCategoryOffWarning(validation.pack);
  if (logoOff) warnings.push(logoOff);
  validation.pack.logos.forEach((logo, index) => {
    const refusal = logoRefusal(logo.fingerprint);
    const detail = refusal ?? logoDetailWarning(logo.fingerprint);
    if (detail) warnings.push(`logos[${index}] (${logo.id}): ${detail}`);
  });
  const { pack } = validation;
  io.stdout.write(
    `${path}: a valid pack for ${pack.school.name}: ${plural(pack.policy.clauses.length, 'clause')}, ` +
      `${plural(Object.keys(pack.categories).length, 'category', 'categories')}, ${plural(pack.logos.length, 'logo')}, ${plural(pack.tests.length, 'test')}.\n` +
      `Event log: ${pack.eventLog ? 'on for staff who load this pack (they can turn it off; a managed eventLog policy overrides both)' : 'off (set "eventLog": true to turn it on for staff who load this pack)'}.\n` +
      warnings.map((warning) => `warning: ${warning}\n`).join(''),
  );
  return EXIT.ok;
}
