/**
 * Imports the entry and returns the app it exports: `export const app = createApp(…)` or a default
 * export. Importing only builds the app; nothing listens and no startup hook runs until asked.
 */
import type { App } from '@decorumjs/core';
import { pathToFileURL } from 'node:url';
import { cliErrors } from './errors.js';
import { shownPath } from './resolve-entry.js';

export async function loadApp(entry: string): Promise<App> {
  const exports = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const candidate = exports.app ?? exports.default;
  if (isApp(candidate)) return candidate;
  const found = Object.keys(exports).length ? `it exports ${Object.keys(exports).join(', ')}` : 'it exports nothing';
  throw cliErrors.noAppExport(shownPath(entry), found);
}

/** Checked by shape, not `instanceof`: the entry may load its own copy of @decorumjs/core. */
function isApp(value: unknown): value is App {
  const app = value as Partial<App> | null | undefined;
  return typeof app === 'object' && app !== null && typeof app.listen === 'function' && typeof app.close === 'function' && 'routes' in app;
}
