import { setFlagsFromString } from 'node:v8';
import { EXIT } from './check';
import { runCli } from './main';

// V8 first runs a regular expression in its interpreter and compiles it again to machine code on
// its second exec: a global pattern stepped through a post is compiled twice in its first check,
// and the engine's vocabularies are long alternations (issue 12: a third of the first result).
// A command checks a post or a stream of them, so machine code straight away is never wasted.
// Read when each pattern is compiled, so it holds from here; matching is the same either way.
setFlagsFromString('--no-regexp-tier-up');

/**
 * The `postcheck` command's entry point: built to dist/cli/postcheck.cjs
 * (scripts/build-cli.mjs) and named in package.json `bin`. Only wires the
 * process to runCli, which the tests call in-process.
 */
async function main(): Promise<void> {
  try {
    // process.stdin is a getter that sets up a stream (a few ms); only posts read from stdin need it.
    const io = { get stdin() { return process.stdin; }, stdout: process.stdout, stderr: process.stderr };
    process.exitCode = await runCli(process.argv.slice(2), io);
  } catch (error) {
    process.stderr.write(`postcheck: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.internalError;
  }
}

// Not awaited: the bin is CommonJS (scripts/build-cli.mjs), and main reports its own errors.
void main();
