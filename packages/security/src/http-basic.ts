/**
 * `Authorization: Basic base64(username:password)` (FastAPI's `HTTPBasic`, RFC 7617).
 */
import { authorizationOf, defineScheme, notAuthenticated, refuse, withDescription, type Optional, type SchemeOptions, type SecurityScheme } from './security-scheme.js';

/** FastAPI's `HTTPBasicCredentials`. Compare them with `compareSecrets`, never with `===`. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

export interface HttpBasicOptions extends SchemeOptions {
  /** Sent in the challenge (`WWW-Authenticate: Basic realm="…"`): browsers show it in their prompt. */
  realm?: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads Basic credentials: 401 `Not authenticated` with `WWW-Authenticate: Basic` when the header is
 * missing or names another scheme, 401 `Invalid authentication credentials` when it is not base64 of
 * `username:password`. Checking them is yours: depend on this and compare with `compareSecrets`.
 * @example
 * const basic = httpBasic({ realm: 'admin' });
 * const admin = dependency({ inject: [Depends(basic)], use: (c: BasicCredentials) => {
 *   if (!(compareSecrets(c.username, 'admin') && compareSecrets(c.password, settings.adminPassword))) throw wrongCredentials(basic);
 *   return c.username;
 * } });
 */
export function httpBasic<O extends HttpBasicOptions>(options?: O): SecurityScheme<Optional<O, BasicCredentials>>;
export function httpBasic(options: HttpBasicOptions = {}): SecurityScheme<BasicCredentials | null> {
  const { schemeName = 'HTTPBasic', realm, description, autoError = true } = options;
  const challenge = basicChallenge(realm);
  return defineScheme('httpBasic', (ctx) => {
    const authorization = authorizationOf(ctx);
    if (!authorization || authorization.scheme.toLowerCase() !== 'basic') {
      return refuse(autoError, () => notAuthenticated(challenge));
    }
    const decoded = BASE64.test(authorization.credentials) ? Buffer.from(authorization.credentials, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon < 0) return refuse(autoError, () => notAuthenticated(challenge, 'Invalid authentication credentials'));
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }, { name: schemeName, scheme: { type: 'http', scheme: 'basic', ...withDescription(description) } });
}

/** `Basic` or `Basic realm="…"`, with the realm's quotes and backslashes escaped (RFC 9110 quoted-string). */
export function basicChallenge(realm: string | undefined): string {
  return realm === undefined ? 'Basic' : `Basic realm="${realm.replace(/["\\]/g, '\\$&')}"`;
}
