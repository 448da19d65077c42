// Installs the TypeScript loader in the running process, once. Used by `register.mjs` (for
// `node --import`), by the `decorum` bin, and by commands that import an app in-process.
import { register } from 'node:module';

const INSTALLED = Symbol.for('decorum.typescriptLoader');

/**
 * @param {{ sourceCondition?: boolean }} [options] sourceCondition: resolve linked workspace packages to
 *   their TypeScript sources (the `decorum-source` export condition), as `--conditions=decorum-source` does.
 */
export function installTypeScriptLoader(options = {}) {
  const state = globalThis;
  if (state[INSTALLED]) return;
  state[INSTALLED] = true;
  register('./hooks.mjs', import.meta.url, {
    data: { conditions: options.sourceCondition ? ['decorum-source'] : [] },
  });
  // Stacks then point at .ts lines; the same as `--enable-source-maps`.
  process.setSourceMapsEnabled(true);
}
