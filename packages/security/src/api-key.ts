/**
 * An API key in a header, a query parameter or a cookie (FastAPI's `APIKeyHeader`, `APIKeyQuery`,
 * `APIKeyCookie`).
 */
import type { RequestContext } from '@decorumjs/core';
import { defineScheme, notAuthenticated, refuse, withDescription, type Optional, type SchemeOptions, type SecurityScheme } from './security-scheme.js';

export interface ApiKeyOptions extends SchemeOptions {
  /** The header, query parameter or cookie that carries the key. */
  name: string;
}

type Location = 'header' | 'query' | 'cookie';
const SCHEME_NAMES = { header: 'APIKeyHeader', query: 'APIKeyQuery', cookie: 'APIKeyCookie' } as const;

/**
 * The key from a header: 401 `Not authenticated` with `WWW-Authenticate: APIKey` when it is missing
 * (as FastAPI 0.122+). Checking the key is yours: depend on this and compare with `compareSecrets`.
 * @example
 * const apiKey = apiKeyHeader({ name: 'X-API-Key' });
 * const client = dependency({ inject: [Depends(apiKey)], use: (key: string) => clients.byKey(key) ?? forbid() });
 */
export function apiKeyHeader<O extends ApiKeyOptions>(options: O): SecurityScheme<Optional<O, string>> {
  return apiKey('header', options) as SecurityScheme<Optional<O, string>>;
}

/** The key from a query parameter (`?api_key=…`); see `apiKeyHeader`. */
export function apiKeyQuery<O extends ApiKeyOptions>(options: O): SecurityScheme<Optional<O, string>> {
  return apiKey('query', options) as SecurityScheme<Optional<O, string>>;
}

/** The key from a cookie; see `apiKeyHeader`. */
export function apiKeyCookie<O extends ApiKeyOptions>(options: O): SecurityScheme<Optional<O, string>> {
  return apiKey('cookie', options) as SecurityScheme<Optional<O, string>>;
}

function apiKey(location: Location, options: ApiKeyOptions): SecurityScheme<string | null> {
  const { name, schemeName = SCHEME_NAMES[location], description, autoError = true } = options;
  const read = reader(location, location === 'header' ? name.toLowerCase() : name);
  return defineScheme(SCHEME_NAMES[location], (ctx) => {
    const key = read(ctx);
    if (key !== undefined && key !== '') return key;
    return refuse(autoError, () => notAuthenticated('APIKey'));
  }, { name: schemeName, scheme: { type: 'apiKey', name, in: location, ...withDescription(description) } });
}

function reader(location: Location, name: string): (ctx: RequestContext) => string | undefined {
  if (location === 'header') return (ctx) => first(ctx.headers[name]);
  if (location === 'query') return (ctx) => first(ctx.query[name]);
  return (ctx) => ctx.cookies[name];
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
