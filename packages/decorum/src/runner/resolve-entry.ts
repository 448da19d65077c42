/**
 * Finds the module that exports the app: the argument if given, else package.json's `decorum.entry`,
 * else the first conventional file that exists (as `fastapi dev` looks for main.py, app.py, …).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { cliErrors } from './errors.js';

export const CONVENTIONAL_ENTRIES = ['src/main.ts', 'src/app.ts', 'main.ts', 'app.ts'];

export function resolveEntry(argument: string | undefined, cwd = process.cwd()): string {
  if (argument) return existingFile(resolve(cwd, argument), argument);
  const configured = configuredEntry(cwd);
  if (configured) return existingFile(resolve(cwd, configured), `${configured} (package.json "decorum.entry")`);
  const found = CONVENTIONAL_ENTRIES.map((file) => join(cwd, file)).find((file) => existsSync(file));
  if (found) return found;
  throw cliErrors.noEntry(CONVENTIONAL_ENTRIES, cwd);
}

function existingFile(path: string, shown: string): string {
  if (!existsSync(path)) throw cliErrors.entryNotFound(shown);
  if (!statSync(path).isFile()) throw cliErrors.entryNotFile(shown);
  return path;
}

/** package.json's `decorum.entry`, as written there (relative to `cwd`), if any. */
export function configuredEntry(cwd: string): string | undefined {
  const file = join(cwd, 'package.json');
  if (!existsSync(file)) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw cliErrors.packageJsonUnreadable(file, error instanceof Error ? error.message : String(error));
  }
  const entry = (manifest as { decorum?: { entry?: unknown } } | null)?.decorum?.entry;
  if (entry === undefined) return undefined;
  if (typeof entry !== 'string') throw cliErrors.entryConfigNotString(file);
  return entry;
}

/** The directory a dev server watches: the entry's package (its nearest package.json), else the cwd. */
export function projectRoot(entry: string, cwd = process.cwd()): string {
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

/** A path as the user would type it: relative to the cwd when inside it. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return rel.startsWith('..') ? path : rel;
}
