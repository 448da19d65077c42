/**
 * The mistakes the runner sees in how `decorum` was called, in one catalogue as core's
 * `decorumErrors` (Fastify's `lib/errors.js` is the model): a stable code, the reason built from the
 * specifics and the sentence that says what to do. @decorumjs/cli declares the mistakes of its own
 * commands (`build`, `openapi`, usage) in its `errors.ts`, with the same `CliError`.
 */
import { cliErrorEntry as entry } from './cli-error.js';

const INSTALL_CLI = 'Install them with `npm install --save-dev @decorumjs/cli` (a production install needs only `decorum start`).';

export const cliErrors = {
  // Finding the entry: resolveEntry and resolveStartEntry.
  noEntry: entry('DECORUM_ERR_CLI_NO_ENTRY',
    (looked: readonly string[], cwd: string) =>
      `no entry found: looked for "decorum.entry" in package.json and ${looked.join(', ')} in ${cwd}.`,
    'Pass one, as in `decorum dev src/server.ts`, or name it in package.json: "decorum": { "entry": "src/server.ts" }.'),
  noAppToStart: entry('DECORUM_ERR_CLI_NO_ENTRY',
    (outputs: readonly string[], cwd: string) => `no app to start: looked for ${outputs.join(', ')} (written by \`decorum build\`) ` +
      `and for "decorum.entry" in package.json in ${cwd}.`,
    'Run `decorum build` first, or pass the compiled module, as in `decorum start dist/server.js`.'),
  entryNotFound: entry('DECORUM_ERR_CLI_ENTRY_NOT_FOUND',
    (shown: string) => `entry not found: ${shown}.`,
    'Check the path (it is relative to the current folder), or leave it out to use package.json "decorum.entry" or src/main.ts.'),
  entryNotFile: entry('DECORUM_ERR_CLI_ENTRY_NOT_FOUND',
    (shown: string) => `entry is not a file: ${shown}.`,
    'Name the module that exports the app, as in src/main.ts, not its folder.'),
  packageJsonUnreadable: entry('DECORUM_ERR_CLI_PACKAGE_JSON',
    (file: string, problem: string) => `cannot parse ${file}: ${problem}.`,
    'Fix its JSON: the CLI reads "decorum.entry" from it.'),
  entryConfigNotString: entry('DECORUM_ERR_CLI_PACKAGE_JSON',
    (file: string) => `"decorum.entry" in ${file} must be a path string.`,
    'Write it as "decorum": { "entry": "src/main.ts" }.'),
  notBuilt: entry('DECORUM_ERR_CLI_NOT_BUILT',
    (source: string, _next: string) => `${source} is TypeScript, and \`decorum start\` runs compiled JavaScript with no transpiler loaded.`,
    (_source, next) => `${next}; or run \`decorum dev\` to develop.`),

  // Loading the app: loadApp.
  noAppExport: entry('DECORUM_ERR_CLI_NO_APP_EXPORT',
    (shown: string, found: string) => `${shown} exports no app (${found}).`,
    'Export it as `export const app = createApp({ … })`, or as the default export.'),

  // The development commands, asked of a production install (the bin, without @decorumjs/cli).
  cliNotInstalled: entry('DECORUM_ERR_CLI_NOT_INSTALLED',
    (command: string) => `\`${command}\` comes with the development tools, @decorumjs/cli, which is not installed here.`,
    INSTALL_CLI),
  startUsageWithoutCli: entry('DECORUM_ERR_CLI_USAGE',
    () => 'usage: decorum start [entry] [--port <port>] [--host <host>] [--workers <count of at least 1>]; its --help ' +
      'comes with the development tools, @decorumjs/cli, which is not installed here.',
    INSTALL_CLI),

  // Where to listen: resolveListenOptions.
  portInvalid: entry('DECORUM_ERR_CLI_PORT',
    (source: string, value: string) => `${source} must be a port number from 0 to 65535, got "${value}".`,
    (source) => source === 'PORT'
      ? 'Set the PORT environment variable to a whole number such as 8000, or unset it for the default, 8000.'
      : 'Pass a whole number, as in --port 8000 (0 picks a free port).'),
};
