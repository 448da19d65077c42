/**
 * Builds the contract app on an adapter and gives the tests one way to call it: over a real socket
 * from `app.listen(0)`, or straight into a fetch handler for adapters that run without a server.
 */
import { HttpResponse, createApp, type App, type HttpAdapter, type Logger } from '@decorumjs/core';
import { CONTRACT_CONTROLLERS, TeapotError } from './controllers.js';

export type RequestTarget = (path: string, init?: RequestInit) => Promise<Response>;

export interface ServedApp {
  readonly app: App;
  /** The base URL, when served over a socket. */
  readonly url?: string;
  readonly fetch: RequestTarget;
  close(): Promise<void>;
}

export function createContractApp(adapter: HttpAdapter, logger: Logger | false = false): App {
  const app = createApp({ adapter, controllers: CONTRACT_CONTROLLERS, logger, shutdownGraceMs: 500 });
  app.exceptionHandler(TeapotError, (error) => HttpResponse.json({ detail: "I'm a teapot", tea: error.tea }, { status: 418 }));
  return app;
}

export async function serveOverSocket(adapter: HttpAdapter, logger: Logger | false = false): Promise<ServedApp & { readonly url: string }> {
  const app = createContractApp(adapter, logger);
  const { url } = await app.listen(0, '127.0.0.1');
  return { app, url, fetch: (path, init) => fetch(url + path, init), close: () => app.close() };
}

export async function serveInProcess<A extends HttpAdapter>(
  adapter: A, handlerOf: (adapter: A) => (request: Request) => Promise<Response>,
): Promise<ServedApp> {
  const app = createContractApp(adapter);
  await app.init();
  adapter.mount(app.mountTable());
  const handler = handlerOf(adapter);
  return {
    app,
    fetch: (path, init) => handler(new Request(`http://contract.test${path}`, init)),
    close: () => app.close(),
  };
}
