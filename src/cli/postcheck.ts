import { EXIT } from './check';
import { runCli } from './main';

/**
 * The `postcheck` command's entry point: built to dist/cli/postcheck-main.cjs
 * (scripts/build-cli.mjs), which launcher.cjs, the package.json `bin`, starts. Only wires the
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
