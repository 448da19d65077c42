/**
 * A bearer JWT as a dependency that enforces scopes: reads the token with a scheme, verifies it, and
 * checks the token's `scope` claim against the scopes the route requires (`Security(dep, { scopes })`).
 */
import { Depends, Inject, SecurityScopes, dependency, insufficientScope, type FunctionDependency } from '@decorumjs/core';
import type { BearerCredentials } from '../http-bearer.js';
import type { SecurityScheme } from '../security-scheme.js';
import { verifyJwt, type JwtPayload, type VerificationKey, type VerifyJwtOptions } from './verify-jwt.js';

type Credential = string | BearerCredentials;

export interface JwtBearerOptions<S extends SecurityScheme<Credential | null>> extends VerifyJwtOptions {
  /**
   * Reads the token: an `oauth2PasswordBearer(…)`, `httpBearer(…)` or any scheme giving a string. With
   * `autoError: false` on the scheme, no token gives `null` (optional authentication); a bad one is still a 401.
   */
  scheme: S;
  key: VerificationKey;
  /**
   * Where the token's granted scopes are: a space-separated string (OAuth2's `scope`, the default) or
   * an array (`scopes`, `scp`, `permissions`).
   */
  scopesClaim?: string;
}

/**
 * @example
 * const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { 'items:read': 'Read items' } });
 * const claims = jwtBearer({ scheme: oauth2, key: settings.jwtSecret });
 * @Get('items') list(@Security(claims, { scopes: ['items:read'] }) token: JwtPayload) {}
 */
export function jwtBearer<S extends SecurityScheme<Credential | null>>(
  options: JwtBearerOptions<S>,
): FunctionDependency<Promise<null extends ReturnType<S> ? JwtPayload | null : JwtPayload>>;
export function jwtBearer(options: JwtBearerOptions<SecurityScheme<Credential | null>>): FunctionDependency<Promise<JwtPayload | null>> {
  const { scheme, key, scopesClaim = 'scope', ...verifyOptions } = options;
  return dependency({
    name: 'jwtBearer',
    inject: [Depends(scheme), Inject(SecurityScopes)],
    use: async (credential: Credential | null, required: SecurityScopes) => {
      if (credential === null) return null;
      const token = typeof credential === 'string' ? credential : credential.credentials;
      const payload = await verifyJwt(token, key, verifyOptions);
      if (required.missing(grantedScopes(payload, scopesClaim)).length > 0) throw insufficientScope(required);
      return payload;
    },
  });
}

/** The scopes a token grants, from a space-separated string or an array of strings. */
export function grantedScopes(payload: JwtPayload, claim = 'scope'): string[] {
  const value = payload[claim];
  if (typeof value === 'string') return value.split(' ').filter((s) => s !== '');
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string');
  return [];
}
