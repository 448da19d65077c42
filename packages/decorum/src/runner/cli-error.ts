/**
 * A mistake in how the CLI was called (a missing entry, a bad port): printed as `decorum: <code>:
 * <what is wrong> <what to do>`, with a non-zero exit code and no stack trace. Throw sites build one
 * from a catalogue entry (`cliErrors` here, the CLI's own in @decorumjs/cli), never from text of their own.
 */
export type CliErrorCode = `DECORUM_ERR_CLI_${string}`;

export class CliError extends Error {
  override readonly name = 'CliError';
  /** What is wrong, without the code and the fix. */
  readonly reason: string;
  constructor(
    readonly code: CliErrorCode,
    reason: string,
    /** The sentence that says what to do; also the end of `message`. */
    readonly fix: string,
    readonly exitCode = 1,
  ) {
    // A reason of several lines (a compiler's code frame) gets its fix on a line of its own.
    super(`${code}: ${reason}${reason.includes('\n') ? '\n' : ' '}${fix}`);
    this.reason = reason;
  }
}

/** One catalogue entry: call it with the specifics to get the error to throw. */
export interface CliErrorEntry<A extends unknown[]> {
  (...args: A): CliError;
  readonly code: CliErrorCode;
}

/** Declares a catalogue entry; `exitCode` is the process's exit status when it is thrown. */
export function cliErrorEntry<A extends unknown[]>(
  code: CliErrorCode,
  reason: (...args: A) => string,
  fix: string | ((...args: A) => string),
  exitCode = 1,
): CliErrorEntry<A> {
  const create = (...args: A) => new CliError(code, reason(...args), typeof fix === 'string' ? fix : fix(...args), exitCode);
  return Object.assign(create, { code });
}

/** Prints the one line and exits. */
export function exitOnCliError(error: CliError): never {
  process.stderr.write(`decorum: ${error.message}\n`);
  process.exit(error.exitCode);
}
