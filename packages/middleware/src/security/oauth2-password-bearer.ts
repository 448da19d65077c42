/**
 * OAuth2's password flow, token side (FastAPI's `OAuth2PasswordBearer`): the route reads a bearer
 * token; the docs know where to get one.
 */
import { authDependency, authorizationOf, notAuthenticated, withDescription, type AuthDependency, type AuthOptions } from './auth-dependency.js';

export interface OAuth2PasswordBearerOptions extends AuthOptions {
  /** Where clients post `username` and `password` for a token (shown in the docs; your route serves it). */
  tokenUrl: string;
  refreshUrl?: string;
  /** Scopes the docs offer, with their descriptions. */
  scopes?: Record<string, string>;
}

/**
 * Reads the bearer token: 401 `Not authenticated` with `WWW-Authenticate: Bearer` when it is missing or
 * sent with another scheme. Documented as an `OAuth2PasswordBearer` scheme with the password flow, so
 * Swagger UI's "Authorize" asks for a username and password and sends the token it gets.
 * @example
 * const token = oauth2PasswordBearer({ tokenUrl: '/token' });
 * @Get('items') list(@Depends(token) token: string) { … }
 */
export function oauth2PasswordBearer(options: OAuth2PasswordBearerOptions & { autoError?: true }): AuthDependency<string>;
export function oauth2PasswordBearer(options: OAuth2PasswordBearerOptions & { autoError: false }): AuthDependency<string | undefined>;
export function oauth2PasswordBearer(options: OAuth2PasswordBearerOptions): AuthDependency<string | undefined> {
  const { schemeName = 'OAuth2PasswordBearer', tokenUrl, refreshUrl, scopes = {}, description, autoError = true } = options;
  const scheme = { type: 'oauth2', flows: { password: { tokenUrl, ...(refreshUrl && { refreshUrl }), scopes } }, ...withDescription(description) };
  return authDependency('oauth2PasswordBearer', (ctx) => {
    const authorization = authorizationOf(ctx);
    if (authorization && authorization.scheme.toLowerCase() === 'bearer') return authorization.credentials;
    if (autoError) throw notAuthenticated('Bearer');
    return undefined;
  }, { name: schemeName, scheme });
}
