/**
 * Decorum on @decorumjs/platform-fastify. The package is loaded by name at run time so the bench builds
 * (and skips this server) in a tree where the adapter does not exist yet.
 */
import { createApp, type HttpAdapter } from '@decorumjs/decorum';
import { ItemsController } from './decorum-controller.js';
import { HOST, type StartServer } from './server.js';

const PACKAGE = '@decorumjs/platform-fastify';

/** The adapter class the package exports, found by its shape rather than by a name we would guess. */
export async function loadFastifyAdapter(): Promise<new () => HttpAdapter> {
  const exports = (await import(PACKAGE)) as Record<string, unknown>;
  for (const value of Object.values(exports)) {
    const proto = typeof value === 'function' ? (value.prototype as Record<string, unknown> | undefined) : undefined;
    if (proto && typeof proto.mount === 'function' && typeof proto.listen === 'function') {
      return value as new () => HttpAdapter;
    }
  }
  throw new Error(`${PACKAGE} exports no HttpAdapter class`);
}

export const start: StartServer = async (port) => {
  const Adapter = await loadFastifyAdapter();
  const app = createApp({ controllers: [ItemsController], logger: false, adapter: new Adapter() });
  const { url } = await app.listen(port, HOST);
  return { url, close: () => app.close() };
};
