/**
 * `decorum build` output and `decorum start` run Decorum's compiled packages, as an installed app
 * does (the `decorum-source` condition is for development only), so these tests build them first:
 * `tsc -b`, which does nothing when they are up to date.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Enough for a first build on a busy machine; an up-to-date check takes a few seconds. */
export const BUILD_PACKAGES_MS = 180_000;

export function buildPackages(): void {
  execFileSync(process.execPath, [tsc, '-b', 'packages/decorum', 'packages/cli'], { cwd: repo, stdio: 'pipe' });
}
