#!/usr/bin/env node
// The `decorum` command. In a source checkout (a workspace link, not an installed package) it runs the
// CLI's TypeScript sources through the SWC loader, so it works right after `pnpm install` with no build
// and can never run a stale dist. Installed from the registry, it runs the compiled dist.
//
// This package has no `bin` of its own: an app's `decorum` command is @decorumjs/decorum's, which
// serves `decorum start` itself (so a production install needs no CLI) and imports this file for
// everything else. Run directly (the repo's scripts, the tests), it takes the same fast path for
// `start`: @decorumjs/decorum's compiled runner, which loads neither the loader (SWC and its thread)
// nor commander. In a checkout that is the dist `tsc -b` builds; with none built yet, or for
// `--help` and usage mistakes, `start` goes through the full CLI below.
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const wantsStart = args[0] === 'start' && !args.includes('--help') && !args.includes('-h');
const startFastPath = wantsStart ? compiledRunner() : undefined;
const started = startFastPath !== undefined && (await (await import(startFastPath.href)).startFromArgv(args.slice(1)));

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

/** @decorumjs/decorum's compiled runner (next to its package.json, whatever its exports say), if built. */
function compiledRunner() {
  try {
    const manifest = createRequire(import.meta.url).resolve('@decorumjs/decorum/package.json');
    const runner = join(dirname(manifest), 'dist/runner/index.js');
    return existsSync(runner) ? pathToFileURL(runner) : undefined;
  } catch {
    return undefined;
  }
}
