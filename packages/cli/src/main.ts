/**
 * Runs the `decorum` command line (the bin imports this). Mistakes in how it was called print one
 * line and exit 1; anything else is a bug worth its stack trace.
 */
import { readFileSync } from 'node:fs';
import { CliError, exitOnCliError } from '@decorumjs/decorum/runner';
import { createProgram } from './program.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

try {
  await createProgram(version).parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  exitOnCliError(error);
}
