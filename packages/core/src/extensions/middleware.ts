/**
 * Middleware runs around everything else, for matched and unmatched requests alike (a CORS preflight
 * for a path with no OPTIONS route still reaches it), in the framework's own request/response terms so
 * it runs the same on every adapter (FastAPI's `@app.middleware("http")`).
 * @example
 * app.use(async (ctx, next) => { const response = await next(); response.headers['x-served-by'] = 'decorum'; return response; });
 * app.use('/admin', adminOnly);
 */
import type { HttpResponse } from '../http/http-response.js';
import type { RequestContext } from '../http/request-context.js';

export type Middleware = (ctx: RequestContext, next: () => Promise<HttpResponse>) => HttpResponse | Promise<HttpResponse>;

export interface MountedMiddleware {
  /** Path prefix it applies to, segment-aware (`/api` covers `/api` and `/api/x`, not `/apix`); '' is every path. */
  readonly prefix: string;
  readonly middleware: Middleware;
}

export function appliesTo(entry: MountedMiddleware, path: string): boolean {
  const { prefix } = entry;
  return prefix === '' || path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}
