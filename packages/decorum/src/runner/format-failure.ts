/** Prints a StartupFailure for people: `✖ src/items.ts:3:19  SyntaxError: …` and the frame under it. */
import { CliError } from './cli-error.js';
import { colorsFor, type Colors } from './colors.js';
import { shownPath } from './resolve-entry.js';
import { describeFailure, type StartupFailure } from './describe-failure.js';

export function formatFailure(failure: StartupFailure, colors: Colors): string {
  if (failure.kind === 'port-in-use') {
    return `${colors.red('✖')} ${failure.message}: stop the other server, or pass --port (or set PORT) to use another port`;
  }
  const where = failure.location ? `${colors.bold(shownLocation(failure.location))}  ` : '';
  const lines = [`${colors.red('✖')} ${where}${failure.message}`];
  if (failure.detail) lines.push(...failure.detail.split('\n').map((line) => `  ${colors.gray(shownDetail(line))}`));
  return lines.join('\n');
}

function shownLocation(location: string): string {
  const match = /^(.*?)((?::\d+){1,2})$/.exec(location);
  return match?.[1] ? `${shownPath(match[1])}${match[2]}` : location;
}

function shownDetail(line: string): string {
  return line.replace(/^at (\/.*)$/, (_, location: string) => `at ${shownLocation(location)}`);
}

/**
 * For commands that load the app in-process: explain why it could not load, and exit 1. A CliError
 * (the entry exports no app) goes on to the one-line usage report.
 */
export function exitWithFailure(error: unknown): never {
  if (error instanceof CliError) throw error;
  process.stderr.write(`${formatFailure(describeFailure(error), colorsFor(process.stderr))}\n`);
  process.exit(1);
}
