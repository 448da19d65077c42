/**
 * Security schemes: how a client authenticates, as OpenAPI describes it. A scheme is a name (its key
 * under `components/securitySchemes`) plus the OpenAPI object. Operations name the schemes they need,
 * which is what makes Swagger UI's "Authorize" button send the credentials.
 * Default names follow FastAPI's (`HTTPBearer`, `APIKeyHeader`, `OAuth2PasswordBearer`…).
 */
import type { SecuritySchemeObject } from '../openapi-types.js';

export interface SecurityScheme {
  /** The key under `components/securitySchemes`; two different schemes must not share it. */
  readonly name: string;
  readonly scheme: SecuritySchemeObject;
}

/**
 * What an auth dependency carries so the routes that use it are documented as secured. Any dependency
 * (in a route's `dependencies`, or the target of a `@Depends` parameter) with a `securityScheme`
 * property, static or on an instance, is read.
 * @example
 * class CurrentUser { static securityScheme = httpBearer(); static securityScopes = ['me']; … }
 */
export interface SecuredDependency {
  readonly securityScheme: SecurityScheme;
  /** OAuth2 scopes the dependency requires. */
  readonly securityScopes?: readonly string[];
}

interface SchemeOptions {
  /** Key under `components/securitySchemes`. */
  name?: string;
  description?: string;
}

/**
 * `Authorization: Bearer <token>`.
 * @example
 * const bearer = httpBearer({ bearerFormat: 'JWT' });
 */
export function httpBearer(options: SchemeOptions & { bearerFormat?: string } = {}): SecurityScheme {
  const { name = 'HTTPBearer', description, bearerFormat } = options;
  return { name, scheme: { type: 'http', scheme: 'bearer', ...(bearerFormat && { bearerFormat }), ...(description && { description }) } };
}

/**
 * `Authorization: Basic <base64(user:password)>`.
 * @example
 * const basic = httpBasic();
 */
export function httpBasic(options: SchemeOptions = {}): SecurityScheme {
  const { name = 'HTTPBasic', description } = options;
  return { name, scheme: { type: 'http', scheme: 'basic', ...(description && { description }) } };
}

const API_KEY_NAMES = { header: 'APIKeyHeader', query: 'APIKeyQuery', cookie: 'APIKeyCookie' } as const;

/**
 * An API key sent in a header, a query parameter or a cookie.
 * @example
 * const key = apiKey({ in: 'header', parameterName: 'x-api-key' });
 */
export function apiKey(options: SchemeOptions & { in: 'header' | 'query' | 'cookie'; parameterName: string }): SecurityScheme {
  const { name = API_KEY_NAMES[options.in], description, parameterName } = options;
  return { name, scheme: { type: 'apiKey', name: parameterName, in: options.in, ...(description && { description }) } };
}

/**
 * OAuth2's password flow: Swagger UI asks for a username and password, posts them to `tokenUrl`, and
 * sends the returned token as a bearer token.
 * @example
 * const oauth2 = oauth2Password({ tokenUrl: '/token', scopes: { 'items:read': 'Read items' } });
 */
export function oauth2Password(
  options: SchemeOptions & { tokenUrl: string; refreshUrl?: string; scopes?: Record<string, string> },
): SecurityScheme {
  const { name = 'OAuth2PasswordBearer', description, tokenUrl, refreshUrl, scopes = {} } = options;
  return {
    name,
    scheme: { type: 'oauth2', flows: { password: { tokenUrl, ...(refreshUrl && { refreshUrl }), scopes } }, ...(description && { description }) },
  };
}

/**
 * OpenID Connect discovery.
 * @example
 * const oidc = openIdConnect({ openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' });
 */
export function openIdConnect(options: SchemeOptions & { openIdConnectUrl: string }): SecurityScheme {
  const { name = 'OpenIdConnect', description, openIdConnectUrl } = options;
  return { name, scheme: { type: 'openIdConnect', openIdConnectUrl, ...(description && { description }) } };
}

/** True when `value` carries a security scheme of the shape above. */
export function isSecuredDependency(value: unknown): value is SecuredDependency {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const scheme = (value as { securityScheme?: unknown }).securityScheme;
  return typeof scheme === 'object' && scheme !== null
    && typeof (scheme as { name?: unknown }).name === 'string'
    && typeof (scheme as { scheme?: unknown }).scheme === 'object';
}
