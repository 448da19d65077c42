/**
 * What the auth dependencies share: they are plain functions of the request context (FastAPI's
 * simplest dependency, usable with `@Depends` and `@UseDependencies`), they carry the security scheme
 * `@decorumjs/openapi` documents the route with, and they answer 401 with a `WWW-Authenticate` challenge.
 */
import { Unauthorized, type HttpError, type RequestContext } from '@decorumjs/core';

/**
 * A security scheme as `@decorumjs/openapi` reads it (the shape its `httpBearer()`, `apiKey()` and
 * `oauth2Password()` return): the key under `components/securitySchemes`, and the OpenAPI object.
 */
export interface SecuritySchemeLike {
  readonly name: string;
  readonly scheme: Readonly<Record<string, unknown>>;
}

export type AuthDependency<T> = ((ctx: RequestContext) => T) & {
  readonly securityScheme: SecuritySchemeLike;
  readonly securityScopes?: readonly string[];
};

export interface AuthOptions {
  /** The scheme's key under `components/securitySchemes` (FastAPI's `scheme_name`). */
  schemeName?: string;
  description?: string;
  /**
   * false: a missing or malformed credential gives `undefined` instead of a 401, for routes where
   * authentication is optional or may come in one of several ways (FastAPI's `auto_error=False`).
   */
  autoError?: boolean;
}

export function authDependency<T>(
  name: string, extract: (ctx: RequestContext) => T, securityScheme: SecuritySchemeLike,
): AuthDependency<T> {
  // A named function, so DI errors and logs say which auth dependency they mean.
  const fn = { [name]: (ctx: RequestContext) => extract(ctx) }[name] as (ctx: RequestContext) => T;
  return Object.assign(fn, { securityScheme });
}

/** 401 with the challenge a client needs to know how to authenticate (RFC 9110 §11.6.1), as FastAPI 0.122+. */
export function notAuthenticated(challenge: string, detail = 'Not authenticated'): HttpError {
  return new Unauthorized(detail, { 'www-authenticate': challenge });
}

/** Splits `Authorization: <scheme> <credentials>` at the first space (FastAPI's `get_authorization_scheme_param`). */
export function authorizationOf(ctx: RequestContext): { scheme: string; credentials: string } | undefined {
  const header = ctx.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  if (space <= 0) return undefined;
  const credentials = trimmed.slice(space + 1).trim();
  return credentials === '' ? undefined : { scheme: trimmed.slice(0, space), credentials };
}

export function withDescription(description: string | undefined): Record<string, string> {
  return description === undefined ? {} : { description };
}
