/**
 * `decorum start [entry]`: serve the compiled app in production, optionally on several processes.
 * The bin runs `start` through its fast path (@decorumjs/decorum's runner) without loading commander;
 * this definition gives `--help`, the usage errors and the command for tools that embed the CLI.
 */
import { Command, InvalidArgumentError } from 'commander';
import { runStart, type StartFlags } from '@decorumjs/decorum/runner';
import { productionExecArgv } from '../dev/app-process-exec-argv.js';

export function startCommand(): Command {
  return new Command('start')
    .description('serve the app in production: no watcher, optional worker processes, graceful shutdown')
    .argument('[entry]', 'compiled module that exports the app (default: the build of package.json "decorum.entry", else dist/main.js)')
    .option('-p, --port <port>', 'port to listen on (env PORT; default 8000)')
    .option('--host <host>', 'host to bind (env HOST; default 127.0.0.1; 0.0.0.0 for all interfaces)')
    .option('-w, --workers <count>', 'processes sharing the port (node:cluster); a worker that dies is replaced', parseWorkers, 1)
    .addHelpText(
      'after',
      `
Examples:
  $ decorum build && decorum start     compile src/ to dist/, serve dist/main.js
  $ decorum start dist/main.js --host 0.0.0.0 --workers 4
  $ PORT=3000 decorum start

Runs JavaScript only, with no transpiler loaded: build TypeScript first (\`decorum build\`).
NODE_ENV is set to production unless it is set already.
SIGTERM or SIGINT stops accepting connections, lets in-flight requests finish (the app's
shutdownGraceMs, 10 s by default), runs shutdown hooks and exits 0.`,
    )
    .action((entryArgument: string | undefined, flags: StartFlags) => runStart(entryArgument, flags, { workerExecArgv: productionExecArgv() }));
}

function parseWorkers(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return count;
}
