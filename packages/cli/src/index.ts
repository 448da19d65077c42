/**
 * @decorumjs/cli: the `decorum` command (`decorum dev`, `start`, `openapi`). Exported for tools that
 * embed it; most people run the bin.
 */
export { createProgram } from './program.js';
export { CliError } from './cli-error.js';
export { resolveEntry, CONVENTIONAL_ENTRIES } from './entry/resolve-entry.js';
export { loadApp } from './entry/load-app.js';
export { formatLogLine } from './dev/format-log.js';
export { installTypeScriptLoader } from './typescript-loader.js';
