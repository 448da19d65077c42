/**
 * Rate limiting as middleware: a policy (limit per window, algorithm), a key (client IP by default; a
 * user, a route, anything), a store. Refusals are 429 with `Retry-After`; every answer carries the IETF
 * `RateLimit-Policy` and `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers), so clients can pace
 * themselves before they hit the limit.
 */
import { HttpResponse, type Middleware, type RequestContext } from '@decorumjs/core';
import { middlewareErrors } from '../errors.js';
import { clientIp } from '../proxy-headers.js';
import { MemoryStore, type RateLimitAlgorithm, type RateLimitPolicy, type RateLimitStore } from './memory-store.js';

export interface RateLimitOptions {
  /** Requests per window. */
  limit: number;
  /** The window: ms, or a span like `'1m'`, `'15s'`, `'1h'`. */
  window: number | string;
  /** Default `fixed-window`. `sliding-window` smooths the burst at window edges; `token-bucket` allows bursts up to `limit`. */
  algorithm?: RateLimitAlgorithm;
  /**
   * Whom a count belongs to. Default: the client IP (`clientIp(ctx)`: put `proxyHeaders()` first behind a
   * proxy). Return `undefined` to let a request through uncounted.
   * @example key: (ctx) => (ctx.state.get(USER) as User | undefined)?.id ?? clientIp(ctx)
   */
  key?: (ctx: RequestContext) => string | undefined;
  /** Default: one in-memory store per middleware (limits per worker). */
  store?: RateLimitStore;
  /** The policy's name in the headers. Default `default`. */
  name?: string;
  /** Set false to leave out `RateLimit` and `RateLimit-Policy` on passing answers. */
  headers?: boolean;
}

const SPAN = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const TOKEN = /^[A-Za-z][A-Za-z0-9_.:*-]*$/;

/**
 * @example
 * app.use(rateLimit({ limit: 100, window: '1m' }));                              // per client IP
 * app.use('/login', rateLimit({ limit: 5, window: '15m', algorithm: 'sliding-window' }));
 * app.use(rateLimit({ limit: 20, window: '1s', algorithm: 'token-bucket', key: (ctx) => `${clientIp(ctx)} ${ctx.route?.id}` }));
 */
export function rateLimit(options: RateLimitOptions): Middleware {
  const policy: RateLimitPolicy = { algorithm: options.algorithm ?? 'fixed-window', limit: options.limit, windowMs: windowOf(options.window) };
  if (!Number.isInteger(policy.limit) || policy.limit < 1) throw middlewareErrors.rateLimitLimit(options.limit);
  const name = options.name ?? 'default';
  if (!TOKEN.test(name)) throw middlewareErrors.rateLimitName(name);
  const store = options.store ?? new MemoryStore();
  const keyOf = options.key ?? ((ctx: RequestContext) => clientIp(ctx) ?? 'unknown');
  const withHeaders = options.headers ?? true;
  const policyHeader = `"${name}";q=${policy.limit};w=${Math.ceil(policy.windowMs / 1000)}`;
  return async (ctx, next) => {
    const key = keyOf(ctx);
    if (key === undefined) return next();
    const decision = await store.consume(key, policy, Date.now());
    const state = `"${name}";r=${decision.remaining};t=${Math.ceil(decision.resetMs / 1000)}`;
    if (!decision.allowed) {
      return HttpResponse.json({ detail: 'Too Many Requests' }, { status: 429, headers: {
        'retry-after': String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))), 'ratelimit-policy': policyHeader, ratelimit: state,
      } });
    }
    const response = await next();
    if (withHeaders) {
      response.headers['ratelimit-policy'] = policyHeader;
      response.headers.ratelimit = state;
    }
    return response;
  };
}

function windowOf(window: number | string): number {
  const match = typeof window === 'string' ? SPAN.exec(window) : null;
  const ms = typeof window === 'number' ? window : match ? Number(match[1]) * (UNIT_MS[(match[2] as string).toLowerCase()] as number) : NaN;
  if (!Number.isFinite(ms) || ms < 1) throw middlewareErrors.rateLimitWindow(window);
  return ms;
}
