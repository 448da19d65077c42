#!/usr/bin/env node
// The `decorum` command of an app, shipped by the package every app installs. `decorum start` is
// production and runs here, from this package's compiled runner: a production install
// (`npm install --omit=dev`) has neither @decorumjs/cli nor its SWC, chokidar and commander, and the
// app still starts. Every other command (`dev`, `build`, `openapi`, `--help`, `start --help`) is
// development tooling: it is handed, whole, to @decorumjs/cli, a dev dependency of the project.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const runner = new URL('../dist/runner/index.js', import.meta.url);
const wantsStart = args[0] === 'start' && !args.includes('--help') && !args.includes('-h');
// In a checkout with no build yet there is no compiled runner: the CLI runs `start` from sources.
const started = wantsStart && existsSync(runner) && (await (await import(runner.href)).startFromArgv(args.slice(1)));

if (!started) await runDevelopmentCli();

async function runDevelopmentCli() {
  const bin = resolveCli();
  if (bin) {
    await import(pathToFileURL(bin).href);
    return;
  }
  // Without the CLI this is an installed package, so its runner is compiled (a checkout resolves the
  // workspace's CLI above).
  const { cliErrors, exitOnCliError } = await import(runner.href);
  // `start` here is a usage mistake or --help: the explanations are the CLI's, so say the usage in one line.
  exitOnCliError(args[0] === 'start' ? cliErrors.startUsageWithoutCli() : cliErrors.cliNotInstalled(args[0] === undefined ? 'decorum' : `decorum ${args[0]}`));
}

/** @decorumjs/cli's bin as the project resolves it, else as this package does (a workspace). */
function resolveCli() {
  for (const from of [join(process.cwd(), 'package.json'), import.meta.url]) {
    try {
      return createRequire(from).resolve('@decorumjs/cli/bin');
    } catch {
      // not installed from there
    }
  }
  return undefined;
}
