/**
 * The web-standard adapter: `fetch(Request) → Promise<Response>`, for any runtime that has them (Deno,
 * Bun, Cloudflare Workers, Vercel and Netlify functions, or node behind a bridge). It routes with
 * find-my-way, like the node adapter, so paths, trailing slashes and 405s match exactly.
 */
import FindMyWay from 'find-my-way';
import { decorumErrors, type App, type HttpAdapter, type MountTable, type RouteHandle, type ServerAddress } from '@decorumjs/core';
import { FetchRequest } from './fetch-request.js';
import { FetchResponse } from './fetch-response.js';

/** What a runtime may know about the connection, beyond the `Request`. */
export interface ConnectionInfo {
  readonly remoteAddress?: string;
}

export type FetchHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

type Router = FindMyWay.Instance<FindMyWay.HTTPVersion.V1>;

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export class FetchAdapter implements HttpAdapter {
  readonly name = 'fetch';
  #router: Router | undefined;
  #table: MountTable | undefined;

  mount(table: MountTable): void {
    const router: Router = FindMyWay({ ignoreTrailingSlash: true, maxParamLength: 2048 });
    // The router only finds; the route's handle rides along as the route's store.
    for (const route of table.routes) router.on(route.method, route.path, unusedHandler, route.handle);
    this.#router = router;
    this.#table = table;
  }

  /** Answers one request. Bound, so it can be passed around as is: `export default { fetch: adapter.fetch }`. */
  readonly fetch: FetchHandler = (request, info) => {
    const router = this.#router;
    const table = this.#table;
    if (!router || !table) return Promise.reject(decorumErrors.adapterNotMounted('FetchAdapter'));
    const url = pathAndQuery(request.url);
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const found = router.find(request.method as FindMyWay.HTTPMethod, path);
    return new Promise<Response>((resolve, reject) => {
      const req = new FetchRequest(request, url, found?.params ?? {}, info?.remoteAddress);
      const res = new FetchResponse(resolve, request.method === 'HEAD');
      const answered = found
        ? (found.store as RouteHandle)(req, res)
        : table.fallback(req, res, allowedMethods(router, request.method, path));
      // Core always answers; this only guards against an adapter bug leaving the caller waiting forever.
      Promise.resolve(answered).then(
        () => { if (!res.headersSent) reject(decorumErrors.internal(`FetchAdapter: ${request.method} ${path} sent no response`)); },
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
  adapter.mount(app.mountTable());
  return adapter.fetch;
}

function unusedHandler(): void {}

/** `https://host:8000/items/42?q=x` → `/items/42?q=x` (Request URLs are always absolute). */
function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const hash = url.indexOf('#', start);
  return hash === -1 ? url.slice(start) : url.slice(start, hash);
}

/** Methods that do have a route at this path: a non-empty list turns the 404 into a 405. */
function allowedMethods(router: Router, method: string, path: string): string[] {
  return METHODS.filter((m) => m !== method && router.find(m, path) !== null);
}
