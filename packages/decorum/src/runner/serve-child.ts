/**
 * The main script of an app process (a dev child, a `start` worker): serve the entry, then tell the
 * CLI over IPC that it is ready, or why it could not start.
 *
 * Started with `entry port host`, it serves at once. Started with `--standby` (by the dev server), it
 * first preloads the modules it is sent — dependencies, which a save does not change — and waits for
 * `decorum:go`, so a restart only has to load the app's own files.
 */
import { describeFailure } from './describe-failure.js';
import type { AppProcessMessage } from './messages.js';
import { closeOnSignals, serveApp } from './serve-app.js';

const args = process.argv.slice(2);

if (args[0] === '--standby') {
  // Only a standby listens for messages (the listener keeps the IPC channel, and so the process, alive).
  const { nextStandbyMessage } = await import('./standby-inbox.js');
  const preload = await nextStandbyMessage('decorum:preload');
  await preloadModules(preload.modules);
  const go = await nextStandbyMessage('decorum:go');
  await serve(go.entry, go.port, go.host);
} else {
  const [entry = '', port = '0', host = '127.0.0.1'] = args;
  await serve(entry, Number(port), host);
}

async function serve(entry: string, port: number, host: string): Promise<void> {
  try {
    const { app, address } = await serveApp(entry, { port, host });
    closeOnSignals(app);
    send({ type: 'decorum:ready', url: address.url, host: address.host, port: address.port, modules: loadedModules() });
  } catch (error) {
    if (!process.send) throw error; // run by hand: let Node print it
    send({ type: 'decorum:failed', failure: describeFailure(error) }, () => process.exit(1));
  }
}

/** Imports each module, in the order the last run loaded them; one that fails is left to the app. */
async function preloadModules(modules: string[]): Promise<void> {
  for (const url of modules) {
    // This module is still evaluating (it is awaiting this very loop): importing it would wait forever.
    if (url === import.meta.url) continue;
    try {
      await import(url);
    } catch {
      // The app imports it again when it starts, and reports the error then.
    }
  }
}

/**
 * What the loader saw this process load, for the dev server's next standby. Only dev children run
 * @decorumjs/cli's loader (installed by `--import`); it keeps the list under this global symbol, so
 * reading it needs none of the loader's code, and a `start` worker simply has nothing to report.
 */
function loadedModules(): string[] {
  const state = (globalThis as Record<symbol, { loaded?: unknown } | undefined>)[Symbol.for('decorum.typescriptLoader')];
  return Array.isArray(state?.loaded) ? state.loaded.filter((url): url is string => typeof url === 'string') : [];
}

function send(message: AppProcessMessage, then?: () => void): void {
  if (process.send) process.send(message, undefined, {}, () => then?.());
  else then?.();
}
