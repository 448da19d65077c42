#!/usr/bin/env node
// The `decorum` command. In a source checkout (a workspace link, not an installed package) it runs the
// CLI's TypeScript sources through the SWC loader, so it works right after `pnpm install` with no build
// and can never run a stale dist. Installed from the registry, it runs the compiled dist.
//
// `decorum start` is production: it serves compiled JavaScript, so it takes a fast path through the
// compiled CLI that loads neither the loader (SWC and its thread) nor commander, and resolves
// Decorum's own packages to their compiled dist. In a checkout that is the dist `tsc -b` builds; with
// none built yet, or for `--help` and usage mistakes, `start` goes through the full CLI below.
import { existsSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const startFastPath = new URL('../dist/start/start-from-argv.js', import.meta.url);
const started =
  args[0] === 'start' &&
  !args.includes('--help') &&
  !args.includes('-h') &&
  existsSync(startFastPath) &&
  (await (await import(startFastPath.href)).startFromArgv(args.slice(1)));

if (!started) await runCli();

async function runCli() {
  const packageDir = realpathSync(fileURLToPath(new URL('..', import.meta.url)));
  const isSourceCheckout = !packageDir.includes(`${sep}node_modules${sep}`) && existsSync(new URL('../src/main.ts', import.meta.url));
  if (isSourceCheckout) {
    const { installTypeScriptLoader } = await import('../loader/install.mjs');
    installTypeScriptLoader({ sourceCondition: true });
    await import('../src/main.ts');
  } else {
    await import('../dist/main.js');
  }
}
