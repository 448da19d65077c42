/**
 * @decorumjs/middleware: the middleware most apps need, in Decorum's own request/response terms so each
 * runs the same on every adapter, and FastAPI's `fastapi.security` dependencies.
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

export type { AuthDependency, AuthOptions, SecuritySchemeLike } from './security/auth-dependency.js';
export { httpBearerAuth, type BearerCredentials } from './security/http-bearer-auth.js';
export { apiKeyAuth, type ApiKeyAuthOptions } from './security/api-key-auth.js';
export { oauth2PasswordBearer, type OAuth2PasswordBearerOptions } from './security/oauth2-password-bearer.js';
export { ROLES, Roles, rolesGuard } from './security/roles.js';
export { MiddlewareError, middlewareErrors, type MiddlewareErrorCode } from './errors.js';
