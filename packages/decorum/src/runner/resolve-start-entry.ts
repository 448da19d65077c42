/**
 * Finds the compiled module `decorum start` serves: the argument if given; else the build output of
 * package.json's `decorum.entry` (or that file, when it is JavaScript); else the build output of the
 * conventional entries (`dist/main.js` for `src/main.ts`, …), which a production image may ship
 * without its sources. TypeScript is refused with the command that builds it: production runs
 * compiled JavaScript, with no transpiler loaded.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtEntryOf, isTypeScript } from './output-path.js';
import type { CliError } from './cli-error.js';
import { cliErrors } from './errors.js';
import { configuredEntry, CONVENTIONAL_ENTRIES, resolveEntry, shownPath } from './resolve-entry.js';

export function resolveStartEntry(argument: string | undefined, cwd = process.cwd()): string {
  if (argument) {
    const entry = resolveEntry(argument, cwd);
    if (isTypeScript(entry)) throw notBuilt(entry, cwd, `decorum start ${shownPath(builtEntryOf(entry, cwd), cwd)}`);
    return entry;
  }
  const configured = configuredEntry(cwd);
  if (configured !== undefined) {
    const source = resolve(cwd, configured);
    if (!isTypeScript(source)) return resolveEntry(configured, cwd);
    const built = builtEntryOf(source, cwd);
    if (existsSync(built)) return built;
    throw notBuilt(source, cwd, 'decorum start');
  }
  const sources = CONVENTIONAL_ENTRIES.map((file) => join(cwd, file));
  const built = sources.map((source) => builtEntryOf(source, cwd)).find((file) => existsSync(file));
  if (built) return built;
  const source = sources.find((file) => existsSync(file));
  if (source) throw notBuilt(source, cwd, 'decorum start');
  const outputs = [...new Set(sources.map((file) => shownPath(builtEntryOf(file, cwd), cwd)))];
  throw cliErrors.noAppToStart(outputs, cwd);
}

function notBuilt(source: string, cwd: string, then: string): CliError {
  const built = builtEntryOf(source, cwd);
  const next = existsSync(built) ? `Serve its build with \`${then}\`` : `Run \`decorum build\` (it writes ${shownPath(built, cwd)}), then \`${then}\``;
  return cliErrors.notBuilt(shownPath(source, cwd), next);
}
