#!/usr/bin/env node
// The `decorum` command. In a source checkout (a workspace link, not an installed package) it runs the
// CLI's TypeScript sources through the SWC loader, so it works right after `pnpm install` with no build
// and can never run a stale dist. Installed from the registry, it runs the compiled dist.
import { existsSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installTypeScriptLoader } from '../loader/install.mjs';

const packageDir = realpathSync(fileURLToPath(new URL('..', import.meta.url)));
const isSourceCheckout = !packageDir.includes(`${sep}node_modules${sep}`) && existsSync(new URL('../src/main.ts', import.meta.url));

if (isSourceCheckout) {
  installTypeScriptLoader({ sourceCondition: true });
  await import('../src/main.ts');
} else {
  await import('../dist/main.js');
}
