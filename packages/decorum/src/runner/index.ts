/**
 * `@decorumjs/decorum/runner`: what serves an app from the command line — entry resolution, the app
 * process and its IPC messages, start-up failures shown for people, and `decorum start` (one process
 * or a node:cluster). It lives here, in the package every app installs, so a production install
 * (`npm install --omit=dev`) can start the compiled app without @decorumjs/cli and its SWC, chokidar
 * and commander; the CLI builds `dev`, `build` and `openapi` on these same pieces.
 *
 * Not part of the app-facing API (`@decorumjs/decorum` does not re-export it): its shape follows the CLI.
 */
export { CliError, cliErrorEntry, exitOnCliError, type CliErrorCode, type CliErrorEntry } from './cli-error.js';
export { cliErrors } from './errors.js';
export { colorsFor, type Colors, type Paint } from './colors.js';
export { DEFAULT_HOST, DEFAULT_PORT, displayUrl, resolveListenOptions, type ListenOptions } from './listen-options.js';
export { configuredEntry, CONVENTIONAL_ENTRIES, projectRoot, resolveEntry, shownPath } from './resolve-entry.js';
export { loadApp } from './load-app.js';
export { builtEntryOf, DEFAULT_OUT_DIR, isInside, isTestOrDeclaration, isTypeScript, outputPathOf, sourceDirOf } from './output-path.js';
export { runningFromSource, serveChildArgs, serveChildScript } from './app-process.js';
export { isAppProcessMessage, isStandbyMessage, type AppProcessMessage, type StandbyMessage } from './messages.js';
export { describeFailure, type StartupFailure } from './describe-failure.js';
export { exitWithFailure, formatFailure } from './format-failure.js';
export { closeOnSignals, serveApp, type CloseOptions } from './serve-app.js';
export { resolveStartEntry } from './resolve-start-entry.js';
export { runStart, type StartFlags, type StartOptions } from './run-start.js';
export { startFromArgv } from './start-from-argv.js';
