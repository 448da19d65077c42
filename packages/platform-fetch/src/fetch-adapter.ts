/**
 * The web-standard adapter: `fetch(Request) → Promise<Response>`, for any runtime that has them (Deno,
 * Bun, Cloudflare Workers, Vercel and Netlify functions, or node behind a bridge). Core's router decides
 * every path, so paths, trailing slashes and 405s are exactly those of the other adapters.
 */
import { decorumErrors, type App, type HttpAdapter, type MountTable, type ServerAddress } from '@decorumjs/core';
import { FetchRequest } from './fetch-request.js';
import { FetchResponse } from './fetch-response.js';

/** What a runtime may know about the connection, beyond the `Request`. */
export interface ConnectionInfo {
  readonly remoteAddress?: string;
  /**
   * The request target as the client sent it (path and query), when the server knows it: routing uses
   * it instead of `request.url`, whose dot segments the URL standard has resolved (`/a/../b` → `/b`).
   */
  readonly target?: string;
}

export type FetchHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

export class FetchAdapter implements HttpAdapter {
  readonly name = 'fetch';
  /** Each runtime upgrades differently (Deno.upgradeWebSocket, Bun's server.upgrade, WebSocketPair), outside a fetch handler's reach. */
  readonly supportsWebSockets = false;
  #table: MountTable | undefined;

  mount(table: MountTable): void {
    this.#table = table;
  }

  /** Answers one request. Bound, so it can be passed around as is: `export default { fetch: adapter.fetch }`. */
  readonly fetch: FetchHandler = (request, info) => {
    const table = this.#table;
    if (!table) return Promise.reject(decorumErrors.adapterNotMounted('FetchAdapter'));
    const url = info?.target ?? pathAndQuery(request.url);
    return new Promise<Response>((resolve, reject) => {
      const req = new FetchRequest(request, url, info?.remoteAddress);
      const res = new FetchResponse(resolve, request.method === 'HEAD');
      const answered = table.dispatch(req, res);
      // Core always answers; this only guards against an adapter bug leaving the caller waiting forever.
      Promise.resolve(answered).then(
        () => { if (!res.headersSent) reject(decorumErrors.internal(`FetchAdapter: ${request.method} ${url} sent no response`)); },
        reject,
      );
    });
  };

  listen(): Promise<ServerAddress> {
    return Promise.reject(decorumErrors.noServerOfItsOwn('fetch'));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Initializes `app` and returns its fetch handler.
 * @example
 * const fetch = await toFetchHandler(app);
 * export default { fetch };          // Cloudflare Workers, Bun
 * Deno.serve(fetch);                 // Deno
 */
export async function toFetchHandler(app: App): Promise<FetchHandler> {
  const adapter = new FetchAdapter();
  await app.init();
  app.assertAdapterServes(adapter);
  adapter.mount(app.mountTable());
  return adapter.fetch;
}

/** `https://host:8000/items/42?q=x` → `/items/42?q=x` (Request URLs are always absolute). */
function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const hash = url.indexOf('#', start);
  return hash === -1 ? url.slice(start) : url.slice(start, hash);
}
