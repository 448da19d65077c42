/**
 * Decorum on its default adapter (node:http), with the default logger silenced. BENCH_CORS=1 adds the
 * CORS middleware (as an app serving browsers would), to measure what enabling it costs.
 */
import { cors, createApp } from 'decorum';
import { ItemsController } from './decorum-controller.js';
import { HOST, type StartServer } from './server.js';

export const start: StartServer = async (port) => {
  const middleware = process.env.BENCH_CORS === '1' ? [cors({ allowOrigins: ['https://app.example.com'] })] : [];
  const app = createApp({ controllers: [ItemsController], logger: false, middleware });
  const { url } = await app.listen(port, HOST);
  return { url, close: () => app.close() };
};
