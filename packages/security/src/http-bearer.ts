/**
 * `Authorization: Bearer <token>` (FastAPI's `HTTPBearer`).
 */
import { authorizationOf, defineScheme, notAuthenticated, refuse, withDescription, type Optional, type SchemeOptions, type SecurityScheme } from './security-scheme.js';

/** The credential as sent (FastAPI's `HTTPAuthorizationCredentials`). */
export interface BearerCredentials {
  readonly scheme: string;
  readonly credentials: string;
}

export interface HttpBearerOptions extends SchemeOptions {
  /** A hint for clients and the docs (`JWT`). */
  bearerFormat?: string;
}

/**
 * Reads a bearer token: 401 `Not authenticated` with `WWW-Authenticate: Bearer` when the header is
 * missing, 401 `Invalid authentication credentials` when it names another scheme. Routes that depend on
 * it are documented with an `HTTPBearer` security scheme, so Swagger UI's "Authorize" sends the token.
 * @example
 * const bearer = httpBearer({ bearerFormat: 'JWT' });
 * @Get('me') me(@Depends(bearer) credentials: BearerCredentials) { return users.fromToken(credentials.credentials); }
 */
export function httpBearer<O extends HttpBearerOptions>(options?: O): SecurityScheme<Optional<O, BearerCredentials>>;
export function httpBearer(options: HttpBearerOptions = {}): SecurityScheme<BearerCredentials | null> {
  const { schemeName = 'HTTPBearer', bearerFormat, description, autoError = true } = options;
  const scheme = { type: 'http', scheme: 'bearer', ...(bearerFormat && { bearerFormat }), ...withDescription(description) };
  return defineScheme('httpBearer', (ctx) => {
    const authorization = authorizationOf(ctx);
    if (!authorization) return refuse(autoError, () => notAuthenticated('Bearer'));
    if (authorization.scheme.toLowerCase() !== 'bearer') {
      return refuse(autoError, () => notAuthenticated('Bearer', 'Invalid authentication credentials'));
    }
    return authorization;
  }, { name: schemeName, scheme });
}
