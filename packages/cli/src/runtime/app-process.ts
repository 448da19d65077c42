/**
 * How the CLI starts a Node process that runs an app. A dev child gets the TypeScript loader and
 * source maps, and — when the CLI itself runs from a source checkout — workspace packages resolved to
 * their TypeScript sources, so nothing needs building first. A `start` worker gets none of that.
 */
import { fileURLToPath } from 'node:url';

const runningFromSource = import.meta.url.endsWith('.ts');

/** The script an app process runs: loads the entry, listens, reports over IPC (see serve-child). */
export const serveChildScript = fileURLToPath(new URL(`./serve-child.${runningFromSource ? 'ts' : 'js'}`, import.meta.url));

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
 * A `decorum start` worker runs compiled JavaScript with nothing preloaded. Only a CLI running from
 * its TypeScript sources (a checkout without a build) needs the loader, for its own serve-child.ts.
 */
export function productionExecArgv(): string[] {
  return runningFromSource ? appProcessExecArgv() : [];
}

/** The arguments serve-child reads: what to serve, or `--standby` to wait to be told (dev restarts). */
export function serveChildArgs(target: { entry: string; port: number; host: string } | 'standby'): string[] {
  return target === 'standby' ? ['--standby'] : [target.entry, String(target.port), target.host];
}
