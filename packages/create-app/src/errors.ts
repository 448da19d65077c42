/**
 * Every mistake the scaffolder reports, in one catalogue as core's `decorumErrors` (Fastify's
 * `lib/errors.js` is the model): a stable code, the reason built from the specifics and the sentence
 * that says what to do. The command prints `create-app: <code>: <reason> <fix>` on one line and exits 1.
 */
export type CreateAppErrorCode =
  | 'DECORUM_ERR_CREATE_APP_MISSING_DIRECTORY'
  | 'DECORUM_ERR_CREATE_APP_EXTRA_ARGUMENTS'
  | 'DECORUM_ERR_CREATE_APP_NOT_EMPTY'
  | 'DECORUM_ERR_CREATE_APP_NOT_A_DIRECTORY'
  | 'DECORUM_ERR_CREATE_APP_BAD_NAME'
  | 'DECORUM_ERR_CREATE_APP_BAD_OPTION';

export class CreateAppError extends Error {
  override readonly name = 'CreateAppError';
  /** What is wrong, without the code and the fix. */
  readonly reason: string;
  constructor(
    readonly code: CreateAppErrorCode,
    reason: string,
    /** The sentence that says what to do; also the end of `message`. */
    readonly fix: string,
  ) {
    super(`${code}: ${reason} ${fix}`);
    this.reason = reason;
  }
}

function entry<A extends unknown[]>(code: CreateAppErrorCode, reason: (...args: A) => string, fix: string | ((...args: A) => string)) {
  return Object.assign((...args: A) => new CreateAppError(code, reason(...args), typeof fix === 'string' ? fix : fix(...args)), { code });
}

export const errors = {
  missingDirectory: entry('DECORUM_ERR_CREATE_APP_MISSING_DIRECTORY',
    () => 'no directory to create the project in.',
    'Say where, as in `npm create @decorumjs/app my-api`.'),
  extraArguments: entry('DECORUM_ERR_CREATE_APP_EXTRA_ARGUMENTS',
    (extra: readonly string[]) => `expected one directory, also got ${extra.map((a) => `"${a}"`).join(', ')}.`,
    'Pass one directory; put a name with spaces in quotes, and give options with their dashes (--name, --force).'),
  notEmpty: entry('DECORUM_ERR_CREATE_APP_NOT_EMPTY',
    (directory: string) => `${directory} exists and is not empty.`,
    'Choose a new directory, or pass --force to write into it.'),
  notADirectory: entry('DECORUM_ERR_CREATE_APP_NOT_A_DIRECTORY',
    (path: string) => `${path} exists and is not a directory.`,
    'Choose another path for the project.'),
  badName: entry('DECORUM_ERR_CREATE_APP_BAD_NAME',
    (name: string) => `"${name}" is not a valid npm package name (lowercase letters, digits, "-", "." and "_").`,
    'Pass a valid one with --name, as in --name my-api.'),
  badOption: entry('DECORUM_ERR_CREATE_APP_BAD_OPTION',
    (detail: string) => (/[.!?]$/.test(detail) ? detail : `${detail}.`),
    'See --help for the options it takes.'),
};
