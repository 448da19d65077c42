/**
 * Builds the contract app on an adapter and gives the tests one way to call it: over a real socket
 * from `app.listen(0)`, or straight into a fetch handler for adapters that run without a server.
 */
import { HttpResponse, createApp, type App, type AppOptions, type HttpAdapter } from '@decorumjs/core';
import { CONTRACT_CONTROLLERS, TeapotError } from './controllers.js';

/** The contract app's largest upload, in bytes: above the body limit (1 MiB), which multipart bodies are not held to. */
export const MULTIPART_FILE_SIZE = 3 * 1024 * 1024;

export type RequestTarget = (path: string, init?: RequestInit) => Promise<Response>;

export interface ServedApp {
  readonly app: App;
  readonly fetch: RequestTarget;
  /** `http://127.0.0.1:<port>` when served over a socket (for requests `fetch` cannot send); else undefined. */
  readonly origin: string | undefined;
  close(): Promise<void>;
}

/** Options a case may vary on the contract app (routing modes, a logger to read, say). */
export type ContractAppOptions = Pick<AppOptions, 'routing' | 'logger' | 'accessLog' | 'middleware' | 'websocket' | 'controllers'>;

export function createContractApp(adapter: HttpAdapter, options: ContractAppOptions = {}): App {
  const app = createApp({
    adapter, controllers: CONTRACT_CONTROLLERS, logger: false, shutdownGraceMs: 500,
    // Small, so the forms cases spool a file and cross a limit with little data.
    multipart: { fileSize: MULTIPART_FILE_SIZE, memoryThreshold: 16 * 1024 },
    ...options,
  });
  app.exceptionHandler(TeapotError, (error) => HttpResponse.json({ detail: "I'm a teapot", tea: error.tea }, { status: 418 }));
  return app;
}

export async function serveOverSocket(adapter: HttpAdapter, options?: ContractAppOptions): Promise<ServedApp & { readonly origin: string }> {
  const app = createContractApp(adapter, options);
  const { url } = await app.listen(0, '127.0.0.1');
  return { app, fetch: (path, init) => fetch(url + path, init), origin: url, close: () => app.close() };
}

export async function serveInProcess<A extends HttpAdapter>(
  adapter: A, handlerOf: (adapter: A) => (request: Request) => Promise<Response>, options?: ContractAppOptions,
): Promise<ServedApp> {
  const app = createContractApp(adapter, options);
  await app.init();
  adapter.mount(app.mountTable());
  const handler = handlerOf(adapter);
  return {
    app,
    fetch: (path, init) => handler(new Request(`http://contract.test${path}`, init)),
    origin: undefined,
    close: () => app.close(),
  };
}
