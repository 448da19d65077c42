/**
 * What `decorum start` does, however its arguments were read (the bin's fast path or commander):
 * production mode, the compiled entry, then one in-process server or a cluster. Nothing here loads a
 * transpiler, a watcher or the argument parser, and the cluster code loads only when asked for.
 */
import { resolveListenOptions } from './listen-options.js';
import { exitWithFailure } from './format-failure.js';
import { closeOnSignals, serveApp } from './serve-app.js';
import { resolveStartEntry } from './resolve-start-entry.js';

export interface StartFlags {
  port?: string;
  host?: string;
  workers: number;
}

export interface StartOptions {
  /**
   * Node options of each cluster worker: none for compiled JavaScript. Only a CLI running from its
   * TypeScript sources (a checkout without a build) passes its loader, for serve-child.ts.
   */
  workerExecArgv?: string[];
}

export async function runStart(entryArgument: string | undefined, flags: StartFlags, { workerExecArgv = [] }: StartOptions = {}): Promise<void> {
  // As `fastapi run` does, and what libraries read to drop development-only work; an explicit value wins.
  if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';
  const listen = resolveListenOptions(flags);
  const entry = resolveStartEntry(entryArgument);
  if (flags.workers > 1) {
    const { runCluster } = await import('./cluster-primary.js');
    process.exitCode = await runCluster({ entry, workers: flags.workers, listen, execArgv: workerExecArgv });
    return;
  }
  // One worker: serve in this process; a cluster would only add a hop.
  try {
    const { app } = await serveApp(entry, listen);
    closeOnSignals(app, { forceOnRepeat: true });
  } catch (error) {
    exitWithFailure(error);
  }
}
