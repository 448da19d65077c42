/** Decorum's WebSocket echo on @decorumjs/platform-fastify. */
import { createApp } from '@decorumjs/decorum';
import { loadFastifyAdapter } from './decorum-fastify.js';
import { EchoController } from './decorum-ws-controller.js';
import { HOST, type StartServer } from './server.js';

export const start: StartServer = async (port) => {
  const Adapter = await loadFastifyAdapter();
  const app = createApp({ controllers: [EchoController], logger: false, adapter: new Adapter() });
  const { url } = await app.listen(port, HOST);
  return { url, close: () => app.close() };
};
