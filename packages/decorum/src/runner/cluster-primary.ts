/**
 * `decorum start --workers N`: the primary process of a node:cluster. Workers share the port (the
 * primary hands out connections); one that dies is replaced; SIGTERM/SIGINT close every worker
 * gracefully and the primary exits 0 once they have. A worker that fails before it is ready (a bad
 * build, a port in use) stops everything, since its replacements would fail the same way.
 */
import cluster, { type Worker } from 'node:cluster';
import { createDefaultLogger, type Logger } from '@decorumjs/core';
import { colorsFor } from './colors.js';
import type { ListenOptions } from './listen-options.js';
import { serveChildArgs, serveChildScript } from './app-process.js';
import { formatFailure } from './format-failure.js';
import { isAppProcessMessage } from './messages.js';

/**
 * The primary's last resort when a worker ignores SIGTERM: the app bounds its own close with
 * shutdownGraceMs (10 s by default); this only catches a worker that hangs past that.
 */
const KILL_AFTER_MS = 30_000;

export interface ClusterOptions {
  entry: string;
  workers: number;
  listen: ListenOptions;
  /** Node options of each worker. */
  execArgv: string[];
}

export function runCluster({ entry, workers, listen, execArgv }: ClusterOptions): Promise<number> {
  const logger: Logger = createDefaultLogger();
  const live = new Set<Worker>();
  const ready = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;
  let announced = false;
  let failureShown = false;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));

  cluster.setupPrimary({ exec: serveChildScript, args: serveChildArgs({ entry, ...listen }), execArgv });

  const fork = (): void => {
    const worker = cluster.fork();
    live.add(worker);
    worker.on('message', (message: unknown) => {
      if (!isAppProcessMessage(message)) return;
      if (message.type === 'decorum:failed') {
        // Every worker fails the same way (same code, same port): say it once.
        if (failureShown) return;
        failureShown = true;
        process.stderr.write(`${formatFailure(message.failure, colorsFor(process.stderr))}\n`);
        return;
      }
      ready.add(worker);
      if (!announced && ready.size === workers) {
        announced = true;
        logger.info({ url: message.url, workers }, `Decorum serving ${message.url} with ${workers} workers`);
      }
    });
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      const wasReady = ready.delete(worker);
      if (stopping) {
        if (live.size === 0) finish(exitCode);
      } else if (!wasReady) {
        exitCode = 1;
        stop();
      } else {
        logger.error({ pid: worker.process.pid, code, signal }, `worker ${String(worker.process.pid)} died (${signal ?? `code ${String(code)}`}); starting a new one`);
        fork();
      }
    });
  };

  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const alive = [...live];
    if (alive.length === 0) return finish(exitCode);
    for (const worker of alive) worker.process.kill('SIGTERM');
    setTimeout(() => alive.forEach((worker) => worker.process.kill('SIGKILL')), KILL_AFTER_MS).unref();
  };

  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (let i = 0; i < workers; i++) fork();
  return done;
}
