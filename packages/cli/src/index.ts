/**
 * @decorumjs/cli: the `decorum` command (`decorum dev`, `start`, `openapi`). Exported for tools that
 * embed it; most people run the bin.
 */
export { createProgram } from './program.js';
export { CliError, cliErrors, resolveEntry, CONVENTIONAL_ENTRIES, loadApp } from '@decorumjs/decorum/runner';
export { commandErrors } from './errors.js';
export { formatLogLine } from './dev/format-log.js';
export { installTypeScriptLoader } from './typescript-loader.js';
