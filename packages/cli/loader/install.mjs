// Installs the TypeScript loader in the running process, once. Used by `register.mjs` (for
// `node --import`), by the `decorum` bin, and by commands that import an app in-process.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const STATE = Symbol.for('decorum.typescriptLoader');

/**
 * @param {{ sourceCondition?: boolean }} [options] sourceCondition: resolve linked workspace packages to
 *   their TypeScript sources (the `decorum-source` export condition), as `--conditions=decorum-source` does.
 */
export function installTypeScriptLoader(options = {}) {
  if (globalThis[STATE]) return;
  // The hooks run on their own thread; they report every module they load back over this channel.
  const { port1, port2 } = new MessageChannel();
  const loaded = [];
  port1.on('message', (url) => loaded.push(url));
  port1.unref();
  globalThis[STATE] = { loaded };
  register('./hooks.mjs', import.meta.url, {
    data: { conditions: options.sourceCondition ? ['decorum-source'] : [], loadedPort: port2 },
    transferList: [port2],
  });
  // Stacks then point at .ts lines; the same as `--enable-source-maps`.
  process.setSourceMapsEnabled(true);
}

/** URLs of the modules loaded through the ES module loader so far, in load order. */
export function loadedModules() {
  return [...(globalThis[STATE]?.loaded ?? [])];
}
