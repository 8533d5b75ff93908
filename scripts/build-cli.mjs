#!/usr/bin/env node
// `npm run build:cli`: the `postcheck` command as plain JavaScript, so it starts without tsx.
// One CommonJS bundle, dist/cli/postcheck-main.cjs, beside compromise-two.cjs (the NLP library,
// loaded on a check's first question about a word); everything is bundled except sharp, which only
// the image flags load (an optional dependency). The bin, postcheck.cjs, is src/cli/launcher.cjs:
// it starts the bundle from the V8 code cache written here. CommonJS rather than an ES module:
// Node 20's ES module loader cost a fresh process about 20 ms before the first result (issue 12).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** compromise's own CommonJS build, beside the bin rather than in it: see compromiseApart. */
const COMPROMISE_FILE = 'compromise-two.cjs';

/**
 * `require('compromise/two')` (src/rules/document/nlp.ts) loads a file of its own: most checks
 * never ask compromise anything, and inside the bin its 300 kB would be parsed by every process
 * (issue 12). `found.path`: where the package's file is, to copy it from.
 */
function compromiseApart(found) {
  return {
    name: 'compromise-apart',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^compromise\/two$/ }, async (args) => {
        if (args.pluginData === 'compromise-apart') return undefined;
        const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'compromise-apart' });
        if (resolved.errors.length) return { errors: resolved.errors };
        found.path = resolved.path;
        return { path: `./${COMPROMISE_FILE}`, external: true };
      });
    },
  };
}

/**
 * The bin's path before it became CommonJS. npx caches a checkout's bin link per directory and never
 * re-links it when package.json's bin changes, so a checkout that ran `npx postcheck` before still
 * runs this file; it hands over to the CommonJS bin.
 */
const EARLIER_BIN = 'postcheck.mjs';

/**
 * Runs one sample check through the bin, which finds no code cache and writes one holding the
 * functions a check compiles: the README's pack, names from CSV files, and a post that reaches the
 * rules and the learned model.
 */
function writeCodeCache(outdir) {
  const scratch = mkdtempSync(join(tmpdir(), 'postcheck-code-cache-'));
  try {
    const names = join(scratch, 'names.csv');
    writeFileSync(names, 'Forename,Surname\nGrace,Hetherington\nOliver,Baptiste\n');
    const sample = 'Grace in my class was brilliant today. Rang in sick tomorrow, off to the match! Call me on 07700 900123';
    const args = [resolve(outdir, 'postcheck.cjs'), '--pack', resolve(root, 'assets/packs/testbourne.json'), '--pupils', names, '--staff', names, '--text', sample];
    execFileSync(process.execPath, args, { env: { ...process.env, NODE_OPTIONS: '' }, stdio: 'ignore' });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `--outdir <dir>` builds elsewhere (a test's own copy), leaving dist/cli alone. */
export async function buildCli(outdir = resolve(root, 'dist/cli')) {
  rmSync(outdir, { recursive: true, force: true });
  const compromise = {};
  const common = { absWorkingDir: root, bundle: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'none', minifyWhitespace: true, minifySyntax: true, logLevel: 'warning' };
  await build({
    ...common,
    entryPoints: ['src/cli/postcheck.ts'],
    outfile: resolve(outdir, 'postcheck-main.cjs'),
    external: ['sharp'],
    plugins: [compromiseApart(compromise)],
    // ES builds first: jsonc-parser's UMD main requires its parts by computed path, which a bundle cannot follow.
    mainFields: ['module', 'main'],
    // import() becomes require(): the launcher compiles the bundle with node:vm, whose scripts have no ES module loader.
    supported: { 'dynamic-import': false },
    // nlp.ts reads import.meta only where `require` is missing (unbundled ES modules), never in this bundle.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  if (!compromise.path) throw new Error('build-cli: nothing requires compromise/two any more; drop compromiseApart');
  await build({ ...common, entryPoints: [compromise.path], outfile: resolve(outdir, COMPROMISE_FILE) });
  copyFileSync(resolve(root, 'src/cli/launcher.cjs'), resolve(outdir, 'postcheck.cjs'));
  // npm marks a bin executable only when it installs it; a rebuild in a checkout must keep `npx postcheck` runnable.
  chmodSync(resolve(outdir, 'postcheck.cjs'), 0o755);
  writeCodeCache(outdir);
  writeFileSync(resolve(outdir, EARLIER_BIN), "#!/usr/bin/env node\nimport { createRequire } from 'node:module';\ncreateRequire(import.meta.url)('./postcheck.cjs');\n", { mode: 0o755 });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outdir');
  await buildCli(at === -1 ? undefined : resolve(process.argv[at + 1]));
}
