/** Decorum's WebSocket echo on its default adapter (node:http + ws). */
import { createApp } from '@decorumjs/decorum';
import { EchoController } from './decorum-ws-controller.js';
import { HOST, type StartServer } from './server.js';

export const start: StartServer = async (port) => {
  const app = createApp({ controllers: [EchoController], logger: false });
  const { url } = await app.listen(port, HOST);
  return { url, close: () => app.close() };
};
