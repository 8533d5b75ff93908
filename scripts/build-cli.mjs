#!/usr/bin/env node
// `npm run build:cli`: the `postcheck` command as plain JavaScript, so it starts without tsx.
// One ES module plus lazily loaded chunks (image checking, pack init/lint) in dist/cli/;
// everything is bundled except sharp, which only the image flags load (an optional dependency).
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `--outdir <dir>` builds elsewhere (a test's own copy), leaving dist/cli alone. */
export async function buildCli(outdir = resolve(root, 'dist/cli')) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { postcheck: 'src/cli/postcheck.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['sharp'],
    // ES builds first: jsonc-parser's UMD main requires its parts by computed path, which a bundle cannot follow.
    mainFields: ['module', 'main'],
    banner: {
      // Shebang for the bin; `require` for bundled CommonJS packages (papaparse) inside an ES module.
      js: "#!/usr/bin/env node\nimport { createRequire as __postcheckCreateRequire } from 'node:module';\nconst require = __postcheckCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  // npm marks a bin executable only when it installs it; a rebuild in a checkout must keep `npx postcheck` runnable.
  chmodSync(resolve(outdir, 'postcheck.mjs'), 0o755);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outdir');
  await buildCli(at === -1 ? undefined : resolve(process.argv[at + 1]));
}
