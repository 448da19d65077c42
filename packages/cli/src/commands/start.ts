/** `decorum start [entry]`: serve the app in production, optionally on several processes. */
import { Command, InvalidArgumentError } from 'commander';
import { resolveEntry } from '../entry/resolve-entry.js';
import { resolveListenOptions } from '../listen-options.js';
import { exitWithFailure } from '../runtime/format-failure.js';
import { closeOnSignals, serveApp } from '../runtime/serve-app.js';
import { runCluster } from '../start/cluster-primary.js';
import { installTypeScriptLoader } from '../typescript-loader.js';

interface StartFlags {
  port?: string;
  host?: string;
  workers: number;
}

export function startCommand(): Command {
  return new Command('start')
    .description('serve the app in production: no watcher, optional worker processes, graceful shutdown')
    .argument('[entry]', 'module that exports the app, compiled .js or .ts (default: package.json "decorum.entry", else src/main.ts)')
    .option('-p, --port <port>', 'port to listen on (env PORT; default 8000)')
    .option('--host <host>', 'host to bind (env HOST; default 127.0.0.1; 0.0.0.0 for all interfaces)')
    .option('-w, --workers <count>', 'processes sharing the port (node:cluster); a worker that dies is replaced', parseWorkers, 1)
    .addHelpText(
      'after',
      `
Examples:
  $ decorum start dist/main.js --host 0.0.0.0 --workers 4
  $ PORT=3000 decorum start            serve src/main.ts (TypeScript runs through SWC)

SIGTERM or SIGINT stops accepting connections, lets in-flight requests finish (the app's
shutdownGraceMs, 10 s by default), runs shutdown hooks and exits 0.`,
    )
    .action(async (entryArgument: string | undefined, flags: StartFlags) => {
      const entry = resolveEntry(entryArgument);
      const listen = resolveListenOptions(flags);
      if (flags.workers > 1) {
        process.exitCode = await runCluster({ entry, workers: flags.workers, listen });
        return;
      }
      // One worker: serve in this process; a cluster would only add a hop.
      installTypeScriptLoader();
      try {
        const { app } = await serveApp(entry, listen);
        closeOnSignals(app, { forceOnRepeat: true });
      } catch (error) {
        exitWithFailure(error);
      }
    });
}

function parseWorkers(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return count;
}
