/**
 * What core's router answers for one request (Starlette's `Match` NONE / PARTIAL / FULL, spelled out):
 * a route with its decoded parameters, a path that exists for other methods, no path at all, the
 * other trailing-slash form, or a target that cannot be read. Adapters never decide any of these.
 */

/** Decoded path parameters, on a null-prototype object (`:__proto__` is just a name). */
export type PathParams = Readonly<Record<string, string | undefined>>;

/**
 * How a request whose trailing slash differs from the declared path is answered:
 * - `ignore` (default): both forms reach the route (`/items` and `/items/`).
 * - `redirect`: FastAPI's `redirect_slashes`, a 307 to the declared form (query string kept).
 * - `strict`: only the declared form; the other is 404.
 */
export type TrailingSlash = 'ignore' | 'redirect' | 'strict';

export interface RoutingOptions {
  /** See `TrailingSlash`; `ignore` by default. */
  readonly trailingSlash?: TrailingSlash;
  /** Longest decoded path parameter, in characters (2,048); a longer one answers 414. */
  readonly maxParamLength?: number;
}

export const DEFAULT_MAX_PARAM_LENGTH = 2048;

export type RouteMatch<T> =
  | { readonly kind: 'found'; readonly target: T; readonly params: PathParams }
  | { readonly kind: 'method-not-allowed'; /** `GET, HEAD, POST`: always in `ALLOW_ORDER`. */ readonly allow: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'redirect'; /** Path and query, relative to the host the client used. */ readonly location: string }
  | { readonly kind: 'bad-request'; readonly status: 400 | 414; readonly detail: string };

/** Everything but `found`: what core answers itself. */
export type Unmatched = Exclude<RouteMatch<unknown>, { kind: 'found' }>;

/** The order of methods in `Allow`, whatever the declaration order. */
export const ALLOW_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export const NOT_FOUND: Unmatched = Object.freeze({ kind: 'not-found' });

export const BAD_ESCAPE: Unmatched = Object.freeze({
  kind: 'bad-request', status: 400, detail: 'Invalid URL: the path has a malformed percent-encoding',
});

export const BAD_TARGET: Unmatched = Object.freeze({
  kind: 'bad-request', status: 400, detail: 'Invalid URL: the request target must be a path',
});

/** RFC 9112 §3.2 has no fragment in a request target: clients strip it, so a `#` on the wire is a client bug. */
export const BAD_FRAGMENT: Unmatched = Object.freeze({
  kind: 'bad-request', status: 400, detail: 'Invalid URL: the request target must not contain a fragment (#)',
});

export function paramTooLong(limit: number): Unmatched {
  return Object.freeze({ kind: 'bad-request', status: 414, detail: `Path parameter is longer than ${limit} characters` });
}
