import { reportingBadInput, runCheckCli, type CliIo } from './check';

/**
 * Every `postcheck` command: `postcheck pack …` (init, lint) or a check.
 * The pack commands load only when asked for.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'pack') {
    const { runPackCommand } = await import('./pack-commands');
    return reportingBadInput(io, () => runPackCommand(argv.slice(1), io));
  }
  return runCheckCli(argv, io);
}
