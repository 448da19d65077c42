/**
 * The bin's fast path for `decorum start`: reads the arguments with node:util's parseArgs instead of
 * loading commander and every command, so a production process loads only what serving needs.
 * Anything it does not understand (a typo, a bad count) returns false, and the bin hands the whole
 * command line to commander, which explains the mistake as it does for every command.
 */
import { parseArgs } from 'node:util';
import { CliError, exitOnCliError } from './cli-error.js';
import { runStart } from './run-start.js';

/** Runs `decorum start <argv>`; false when commander should read the arguments instead. */
export async function startFromArgv(argv: string[]): Promise<boolean> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { port: { type: 'string', short: 'p' }, host: { type: 'string' }, workers: { type: 'string', short: 'w' } },
    });
  } catch {
    return false;
  }
  const { values, positionals } = parsed;
  const workers = values.workers ?? '1';
  if (positionals.length > 1 || !/^\d+$/.test(workers) || Number(workers) < 1) return false;
  try {
    await runStart(positionals[0], { port: values.port, host: values.host, workers: Number(workers) });
  } catch (error) {
    if (error instanceof CliError) exitOnCliError(error);
    throw error;
  }
  return true;
}
