/** Loads an app from its entry and serves it; and closes it gracefully when the process is told to stop. */
import type { App, ServerAddress } from '@decorumjs/core';
import { loadApp } from './load-app.js';
import type { ListenOptions } from './listen-options.js';

export async function serveApp(entry: string, { port, host }: ListenOptions): Promise<{ app: App; address: ServerAddress }> {
  const app = await loadApp(entry);
  const address = await app.listen(port, host);
  return { app, address };
}

export interface CloseOptions {
  /** A second signal exits at once (Ctrl-C twice at a terminal). Off for child processes: their parent bounds the wait. */
  forceOnRepeat?: boolean;
}

/**
 * On SIGINT/SIGTERM (and, in a child, when the parent's IPC channel closes — the parent died, so the
 * child must not outlive it): stop accepting connections, let in-flight requests finish within the
 * app's shutdownGraceMs, run shutdown hooks, exit 0.
 */
export function closeOnSignals(app: App, { forceOnRepeat = false }: CloseOptions = {}): void {
  let closing = false;
  const close = (): void => {
    if (closing) {
      if (forceOnRepeat) process.exit(130);
      return;
    }
    closing = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'closing the app failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  if (process.send) process.on('disconnect', close);
}
