/** Decorum on its default adapter (node:http), with the default logger silenced. */
import { createApp } from 'decorum';
import { ItemsController } from './decorum-controller.js';
import { HOST, type StartServer } from './server.js';

export const start: StartServer = async (port) => {
  const app = createApp({ controllers: [ItemsController], logger: false });
  const { url } = await app.listen(port, HOST);
  return { url, close: () => app.close() };
};
