/** Decorum on its default adapter (node:http), with the default logger silenced. */
import { createApp, type Middleware } from '@decorumjs/decorum';
import { ItemsController } from './decorum-controller.js';
import { HOST, type StartServer } from './server.js';

export function startWith(middleware: Middleware[]): StartServer {
  return async (port) => {
    const app = createApp({ controllers: [ItemsController], logger: false, middleware });
    const { url } = await app.listen(port, HOST);
    return { url, close: () => app.close() };
  };
}

export const start: StartServer = startWith([]);
