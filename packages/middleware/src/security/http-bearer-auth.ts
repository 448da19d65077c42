/**
 * `Authorization: Bearer <token>` as a dependency (FastAPI's `HTTPBearer`).
 */
import { authDependency, authorizationOf, notAuthenticated, withDescription, type AuthDependency, type AuthOptions } from './auth-dependency.js';

/** The credential as sent (FastAPI's `HTTPAuthorizationCredentials`). */
export interface BearerCredentials {
  readonly scheme: string;
  readonly credentials: string;
}

/**
 * Reads a bearer token: 401 `Not authenticated` with `WWW-Authenticate: Bearer` when the header is
 * missing, 401 `Invalid authentication credentials` when it names another scheme. Routes that depend on
 * it are documented with an `HTTPBearer` security scheme, so Swagger UI's "Authorize" sends the token.
 * @example
 * const bearer = httpBearerAuth({ bearerFormat: 'JWT' });
 * const currentUser = dependency({ inject: [Depends(bearer)], use: (c: BearerCredentials) => users.fromToken(c.credentials) });
 * @Get('me') @UseDependencies(bearer) me(@Depends(currentUser) user: User) { return user; }
 */
export function httpBearerAuth(options?: AuthOptions & { bearerFormat?: string; autoError?: true }): AuthDependency<BearerCredentials>;
export function httpBearerAuth(options: AuthOptions & { bearerFormat?: string; autoError: false }): AuthDependency<BearerCredentials | undefined>;
export function httpBearerAuth(options: AuthOptions & { bearerFormat?: string } = {}): AuthDependency<BearerCredentials | undefined> {
  const { schemeName = 'HTTPBearer', bearerFormat, description, autoError = true } = options;
  const scheme = { type: 'http', scheme: 'bearer', ...(bearerFormat && { bearerFormat }), ...withDescription(description) };
  return authDependency('httpBearerAuth', (ctx) => {
    const authorization = authorizationOf(ctx);
    if (!authorization) {
      if (autoError) throw notAuthenticated('Bearer');
      return undefined;
    }
    if (authorization.scheme.toLowerCase() !== 'bearer') {
      if (autoError) throw notAuthenticated('Bearer', 'Invalid authentication credentials');
      return undefined;
    }
    return authorization;
  }, { name: schemeName, scheme });
}
