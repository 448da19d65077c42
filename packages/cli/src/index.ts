/**
 * @decorumjs/cli: the `decorum` command (`decorum dev`, `start`, `openapi`). Exported for tools that
 * embed it; most people run the bin.
 */
export { createProgram } from './program.js';
export { CliError, resolveEntry, CONVENTIONAL_ENTRIES, loadApp } from '@decorumjs/decorum/runner';
export { formatLogLine } from './dev/format-log.js';
export { installTypeScriptLoader } from './typescript-loader.js';
