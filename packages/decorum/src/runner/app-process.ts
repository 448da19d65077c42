/**
 * How an app process is started: the script it runs and the arguments that script reads. The dev
 * server (in @decorumjs/cli) adds the TypeScript loader to a child's Node options; a `start` worker
 * runs compiled JavaScript with nothing preloaded.
 */
import { fileURLToPath } from 'node:url';

/** True when this runtime runs from its TypeScript sources (a checkout, through the CLI's loader). */
export const runningFromSource = import.meta.url.endsWith('.ts');

/** The script an app process runs: loads the entry, listens, reports over IPC (see serve-child). */
export const serveChildScript = fileURLToPath(new URL(`./serve-child.${runningFromSource ? 'ts' : 'js'}`, import.meta.url));

/** The arguments serve-child reads: what to serve, or `--standby` to wait to be told (dev restarts). */
export function serveChildArgs(target: { entry: string; port: number; host: string } | 'standby'): string[] {
  return target === 'standby' ? ['--standby'] : [target.entry, String(target.port), target.host];
}
