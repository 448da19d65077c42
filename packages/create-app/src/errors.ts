/**
 * Every mistake the scaffolder reports, with a stable code and what to do about it (Fastify's
 * `lib/errors.js` is the model). The command prints `message` on one line and exits 1.
 */
export class CreateAppError extends Error {
  override readonly name = 'CreateAppError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const errors = {
  missingDirectory: () =>
    new CreateAppError('CREATE_APP_MISSING_DIRECTORY', 'say where to create the project, e.g. `npm create @decorumjs/app my-api`'),
  extraArguments: (extra: readonly string[]) =>
    new CreateAppError('CREATE_APP_EXTRA_ARGUMENTS', `expected one directory, also got ${extra.map((a) => `"${a}"`).join(', ')}`),
  notEmpty: (directory: string) =>
    new CreateAppError('CREATE_APP_NOT_EMPTY', `${directory} exists and is not empty; choose a new directory, or pass --force to write into it`),
  notADirectory: (path: string) => new CreateAppError('CREATE_APP_NOT_A_DIRECTORY', `${path} exists and is not a directory`),
  badName: (name: string) =>
    new CreateAppError(
      'CREATE_APP_BAD_NAME',
      `"${name}" is not a valid npm package name (lowercase letters, digits, "-", "." and "_"); pass --name my-api`,
    ),
  badOption: (detail: string) => new CreateAppError('CREATE_APP_BAD_OPTION', `${detail}; see --help`),
};
