/**
 * The Node options of a process that runs an app for the CLI. A dev child gets the TypeScript loader
 * and source maps, and — when the CLI itself runs from a source checkout — workspace packages resolved
 * to their TypeScript sources, so nothing needs building first. A `start` worker gets none of that.
 */
import { runningFromSource } from '@decorumjs/decorum/runner';

export function appProcessExecArgv(): string[] {
  // The loader resolves from the package root, the same relative place from src/ and dist/.
  const register = new URL('../../loader/register.mjs', import.meta.url).href;
  return [
    ...(runningFromSource ? ['--conditions=decorum-source'] : []),
    '--enable-source-maps',
    '--import',
    register,
  ];
}

/**
 * A `decorum start` worker runs compiled JavaScript with nothing preloaded. Only a runtime running
 * from its TypeScript sources (a checkout without a build) needs the loader, for its serve-child.ts.
 */
export function productionExecArgv(): string[] {
  return runningFromSource ? appProcessExecArgv() : [];
}
