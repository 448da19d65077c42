/**
 * CORS options as FastAPI's `CORSMiddleware` takes them, and their compiled form: every list is turned
 * into a lookup and every fixed header value into a string once, when the middleware is created.
 */
import type { RequestContext } from '@decorumjs/core';

/** Decides per request whether `origin` may read the response (it may be async: a tenant lookup). */
export type OriginPredicate = (origin: string, ctx: RequestContext) => boolean | Promise<boolean>;

export interface CorsOptions {
  /**
   * Origins allowed to read responses: exact origins (`https://app.example.com`) or patterns, `'*'` for
   * any, or a function. None by default, as FastAPI.
   */
  allowOrigins?: '*' | readonly (string | RegExp)[] | OriginPredicate;
  /** Methods a preflight may ask for: `['GET']` by default (FastAPI's default), or `'*'` for all. */
  allowMethods?: '*' | readonly string[];
  /** Request headers a preflight may ask for besides the CORS-safelisted ones, or `'*'` for any. */
  allowHeaders?: '*' | readonly string[];
  /**
   * Lets the browser send cookies and `Authorization`. The allowed origin is then echoed instead of
   * `*` even when every origin is allowed, since browsers refuse `*` with credentials.
   */
  allowCredentials?: boolean;
  /** Response headers the page's script may read besides the safelisted ones. */
  exposeHeaders?: readonly string[];
  /** How long, in seconds, a browser may cache a preflight answer (600, as FastAPI). */
  maxAge?: number;
}

/** Request headers any CORS request may send without asking (the Fetch standard's safelist, as Starlette). */
const SAFELISTED_HEADERS = ['accept', 'accept-language', 'content-language', 'content-type'];
const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

export interface CompiledCors {
  /** Any origin is allowed and the answer does not echo it: the response does not vary by origin. */
  readonly anyOrigin: boolean;
  readonly isAllowedOrigin: OriginPredicate;
  readonly credentials: boolean;
  readonly allowedMethods: ReadonlySet<string>;
  readonly allowMethodsValue: string;
  /** null: any requested header is allowed and echoed back. */
  readonly allowedHeaders: ReadonlySet<string> | null;
  readonly allowHeadersValue: string;
  readonly exposeHeadersValue: string | undefined;
  readonly maxAgeValue: string;
}

export function compileCors(options: CorsOptions): CompiledCors {
  const { allowOrigins = [], allowMethods = ['GET'], allowHeaders = [], allowCredentials = false, exposeHeaders = [], maxAge = 600 } = options;
  const methods = allowMethods === '*' ? ALL_METHODS : allowMethods.map((m) => m.toUpperCase());
  const headers = allowHeaders === '*' ? null : [...new Set([...SAFELISTED_HEADERS, ...allowHeaders.map((h) => h.toLowerCase())])].sort();
  return {
    anyOrigin: allowOrigins === '*' && !allowCredentials,
    isAllowedOrigin: originPredicate(allowOrigins),
    credentials: allowCredentials,
    allowedMethods: new Set(methods),
    allowMethodsValue: methods.join(', '),
    allowedHeaders: headers && new Set(headers),
    allowHeadersValue: headers ? headers.join(', ') : '',
    exposeHeadersValue: exposeHeaders.length > 0 ? exposeHeaders.join(', ') : undefined,
    maxAgeValue: String(maxAge),
  };
}

function originPredicate(allowOrigins: NonNullable<CorsOptions['allowOrigins']>): OriginPredicate {
  if (allowOrigins === '*') return () => true;
  if (typeof allowOrigins === 'function') return allowOrigins;
  const exact = new Set(allowOrigins.filter((o): o is string => typeof o === 'string'));
  const patterns = allowOrigins.filter((o): o is RegExp => o instanceof RegExp);
  // A pattern must match the whole origin, as Starlette's `allow_origin_regex` (fullmatch).
  return (origin) => exact.has(origin) || patterns.some((p) => p.exec(origin)?.[0] === origin);
}
