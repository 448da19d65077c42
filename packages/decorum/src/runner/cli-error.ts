/**
 * A mistake in how the CLI was called (a missing entry, a bad port): printed as one line,
 * `decorum: <message>`, with a non-zero exit code and no stack trace.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Prints the one line and exits. */
export function exitOnCliError(error: CliError): never {
  process.stderr.write(`decorum: ${error.message}\n`);
  process.exit(error.exitCode);
}
