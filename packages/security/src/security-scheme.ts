/**
 * What every security scheme is: one object that enforces and documents. It is a plain function of the
 * request context, so core's DI uses it as a dependency (`@Depends(bearer)`, `@Security(bearer, …)`,
 * `@UseDependencies(bearer)`) the same way on every route and transport; and it carries the OpenAPI
 * security scheme, which `@decorumjs/openapi` finds on every route that depends on it, however deep.
 */
import { Unauthorized, type HttpError, type RequestContext } from '@decorumjs/core';

/** The OpenAPI side: the key under `components/securitySchemes` and the Security Scheme Object. */
export interface SecuritySchemeDoc {
  readonly name: string;
  readonly scheme: Readonly<Record<string, unknown>>;
}

/** A security scheme: call it (DI does) to read the credential; its `securityScheme` documents it. */
export type SecurityScheme<T> = ((ctx: RequestContext) => T) & { readonly securityScheme: SecuritySchemeDoc };

export interface SchemeOptions {
  /** The scheme's key under `components/securitySchemes` (FastAPI's `scheme_name`). */
  schemeName?: string;
  description?: string;
  /**
   * false: a missing or malformed credential gives `null` instead of a 401, for routes where
   * authentication is optional or may come in one of several ways (FastAPI's `auto_error=False`).
   */
  autoError?: boolean;
}

/** With `autoError: false` the scheme may give `null`. */
export type Optional<O, T> = O extends { autoError: false } ? T | null : T;

export function defineScheme<T>(
  name: string, read: (ctx: RequestContext) => T, doc: SecuritySchemeDoc,
): SecurityScheme<T> {
  // A named function, so DI errors and logs say which scheme they mean.
  const fn = { [name]: (ctx: RequestContext) => read(ctx) }[name] as (ctx: RequestContext) => T;
  return Object.assign(fn, { securityScheme: doc });
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

/** Throws `error` unless the scheme was made with `autoError: false`, then gives `null`. */
export function refuse(autoError: boolean, error: () => HttpError): null {
  if (autoError) throw error();
  return null;
}
