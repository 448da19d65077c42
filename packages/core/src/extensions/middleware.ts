/**
 * Middleware runs around everything else, for matched and unmatched requests alike (a CORS preflight
 * for a path with no OPTIONS route still reaches it), in the framework's own request/response terms so
 * it runs the same on every adapter (FastAPI's `@app.middleware("http")`).
 * @example
 * app.use(async (ctx, next) => { const response = await next(); response.headers['x-served-by'] = 'decorum'; return response; });
 * app.use('/admin', adminOnly);
 * app.use(withCondition(auditWrites, (req) => req.method !== 'GET'));
 */
import type { AdapterRequest } from '../adapter/adapter.js';
import type { HttpResponse } from '../http/http-response.js';
import type { RequestContext } from '../http/request-context.js';

/** What a middleware's `when` test may read: it runs before Decorum has made a context for the request. */
export type RequestHead = Pick<AdapterRequest, 'method' | 'url' | 'headers'>;

export type Middleware = ((ctx: RequestContext, next: () => Promise<HttpResponse>) => HttpResponse | Promise<HttpResponse>) & {
  /**
   * Optional: which requests the middleware is for. It is skipped (not called) for requests this
   * declines, so CORS can leave requests without `Origin` alone. When no middleware on a route wants
   * a request, it goes straight to the route: no captured response, as if none were installed.
   */
  readonly when?: (request: RequestHead) => boolean;
};

/** Gives a middleware a `when` test (see `Middleware.when`). */
export function withCondition(
  middleware: (ctx: RequestContext, next: () => Promise<HttpResponse>) => HttpResponse | Promise<HttpResponse>,
  when: (request: RequestHead) => boolean,
): Middleware {
  return Object.assign((ctx: RequestContext, next: () => Promise<HttpResponse>) => middleware(ctx, next), { when });
}

export interface MountedMiddleware {
  /** Path prefix it applies to, segment-aware (`/api` covers `/api` and `/api/x`, not `/apix`); '' is every path. */
  readonly prefix: string;
  readonly middleware: Middleware;
}

export function appliesTo(entry: MountedMiddleware, path: string): boolean {
  const { prefix } = entry;
  return prefix === '' || path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}
