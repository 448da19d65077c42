/**
 * Keys from a JWKS URL (an identity provider's `jwks_uri`), fetched on first use and cached, refetched
 * when a token names a `kid` the cache lacks (at most once per cooldown) — `jose`'s `createRemoteJWKSet`.
 */
import type { JWTVerifyGetKey } from 'jose';
import { loadJose } from './load-jose.js';

export interface RemoteJwksOptions {
  /** How long fetched keys are trusted, in ms. Default 10 minutes. */
  cacheMaxAge?: number;
  /** The least time between two fetches, in ms, so unknown `kid`s cannot hammer the provider. Default 30 s. */
  cooldown?: number;
  /** Fetch timeout in ms. Default 5 s. */
  timeout?: number;
  headers?: Record<string, string>;
}

/**
 * @example
 * const keys = remoteJwks('https://auth.example.com/.well-known/jwks.json');
 * const claims = await verifyJwt(token, keys, { issuer: 'https://auth.example.com', audience: 'api' });
 */
export function remoteJwks(url: string | URL, options: RemoteJwksOptions = {}): JWTVerifyGetKey {
  const { cacheMaxAge = 600_000, cooldown = 30_000, timeout = 5_000, headers } = options;
  const where = new URL(url);
  // Made at the first verification, when jose is loaded; one key set (and cache) for the app's life.
  let keys: Promise<JWTVerifyGetKey> | undefined;
  return async (header, token) => {
    keys ??= loadJose().then(({ createRemoteJWKSet }) => createRemoteJWKSet(where, {
      cacheMaxAge, cooldownDuration: cooldown, timeoutDuration: timeout, ...(headers && { headers }),
    }));
    return (await keys)(header, token);
  };
}
