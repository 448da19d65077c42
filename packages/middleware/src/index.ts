/**
 * @decorumjs/middleware: the middleware most apps need, in Decorum's own request/response terms so each
 * runs the same on every adapter. Security schemes are in `@decorumjs/security`.
 * @example
 * import { compression, cors, requestId } from '@decorumjs/middleware';
 * createApp({ controllers, middleware: [requestId(), cors({ allowOrigins: ['https://app.example.com'] }), compression()] });
 */
export { cors } from './cors/cors.js';
export type { CorsOptions, OriginPredicate } from './cors/cors-options.js';
export { compression, type CompressionOptions } from './compression/compression.js';
export type { Encoding } from './compression/negotiate-encoding.js';
export { requestId, type RequestIdOptions } from './request-id.js';
export { trustedHost, type TrustedHostOptions } from './trusted-host.js';
export { FORWARDED, clientIp, proxyHeaders, requestScheme, type ProxyHeadersOptions } from './proxy-headers.js';
export { DEFAULT_CSP, securityHeaders, type SecurityHeadersOptions } from './security-headers.js';
export { rateLimit, type RateLimitOptions } from './rate-limit/rate-limit.js';
export {
  MemoryStore, type MemoryStoreOptions, type RateDecision, type RateLimitAlgorithm, type RateLimitPolicy, type RateLimitStore,
} from './rate-limit/memory-store.js';
export { RedisStore, type RedisScriptClient, type RedisStoreOptions } from './rate-limit/redis-store.js';
export { MiddlewareError, middlewareErrors, type MiddlewareErrorCode } from './errors.js';
