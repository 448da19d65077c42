/**
 * An API key in a header, a query parameter or a cookie (FastAPI's `APIKeyHeader`, `APIKeyQuery`,
 * `APIKeyCookie`).
 */
import type { RequestContext } from '@decorumjs/core';
import { authDependency, notAuthenticated, withDescription, type AuthDependency, type AuthOptions } from './auth-dependency.js';

export interface ApiKeyAuthOptions extends AuthOptions {
  in: 'header' | 'query' | 'cookie';
  /** The header, query parameter or cookie that carries the key. */
  name: string;
}

const SCHEME_NAMES = { header: 'APIKeyHeader', query: 'APIKeyQuery', cookie: 'APIKeyCookie' } as const;

/**
 * Reads the API key: 401 `Not authenticated` with `WWW-Authenticate: APIKey` when it is missing (as
 * FastAPI 0.122+). Checking the key is yours: depend on this and compare.
 * @example
 * const apiKey = apiKeyAuth({ in: 'header', name: 'x-api-key' });
 * const validKey = dependency({ inject: [Depends(apiKey)], use: (key: string) => { if (!keys.has(key)) throw new Forbidden(); } });
 */
export function apiKeyAuth(options: ApiKeyAuthOptions & { autoError?: true }): AuthDependency<string>;
export function apiKeyAuth(options: ApiKeyAuthOptions & { autoError: false }): AuthDependency<string | undefined>;
export function apiKeyAuth(options: ApiKeyAuthOptions): AuthDependency<string | undefined> {
  const { in: location, name, schemeName = SCHEME_NAMES[location], description, autoError = true } = options;
  const read = reader(location, location === 'header' ? name.toLowerCase() : name);
  return authDependency('apiKeyAuth', (ctx) => {
    const key = read(ctx);
    if (key !== undefined && key !== '') return key;
    if (autoError) throw notAuthenticated('APIKey');
    return undefined;
  }, { name: schemeName, scheme: { type: 'apiKey', name, in: location, ...withDescription(description) } });
}

function reader(location: ApiKeyAuthOptions['in'], name: string): (ctx: RequestContext) => string | undefined {
  if (location === 'header') return (ctx) => first(ctx.headers[name]);
  if (location === 'query') return (ctx) => first(ctx.query[name]);
  return (ctx) => ctx.cookies[name];
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
