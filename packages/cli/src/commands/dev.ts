/** `decorum dev [entry]`: serve the app and restart it on every save. */
import { Command } from 'commander';
import { resolve } from 'node:path';
import { DevServer } from '../dev/dev-server.js';
import { projectRoot, resolveEntry, resolveListenOptions } from '@decorumjs/decorum/runner';

interface DevFlags {
  port?: string;
  host?: string;
  watch?: string[];
  standby: boolean;
}

export function devCommand(): Command {
  return new Command('dev')
    .description('serve the app for development: restarts on every save, access log on, readable logs')
    .argument('[entry]', 'module that exports the app (default: package.json "decorum.entry", else src/main.ts)')
    .option('-p, --port <port>', 'port to listen on (env PORT; default 8000)')
    .option('--host <host>', 'host to bind (env HOST; default 127.0.0.1)')
    .option('-w, --watch <paths...>', "more directories to watch besides the entry's package")
    .option('--no-standby', 'do not keep a process with dependencies preloaded for the next restart (slower restarts)')
    .addHelpText(
      'after',
      `
Examples:
  $ decorum dev                        serve src/main.ts on http://127.0.0.1:8000
  $ decorum dev src/server.ts --port 3000
  $ HOST=0.0.0.0 decorum dev           reachable from other machines
  $ decorum dev --watch ../shared      also restart when a sibling package changes

Saves under the project (not node_modules, dist or .git) restart the app. A compile or start-up
error shows file:line and waits for the next save. Ctrl-C stops everything.

For fast restarts a standby process keeps the app's dependencies loaded: modules outside the
watched directories are loaded before a save, so changes there apply once you --watch them.`,
    )
    .action(async (entryArgument: string | undefined, flags: DevFlags) => {
      const entry = resolveEntry(entryArgument);
      const roots = [projectRoot(entry), ...(flags.watch ?? []).map((path) => resolve(path))];
      const server = new DevServer({ entry, roots, listen: resolveListenOptions(flags), standby: flags.standby });
      process.exitCode = await server.run();
    });
}
