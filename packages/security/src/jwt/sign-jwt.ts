/**
 * Signing JWTs (RFC 7519) with `jose`: HMAC (HS256…), RSA (RS256…, PS256…), ECDSA (ES256…) and EdDSA.
 */
import type { KeyObject, webcrypto } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { securityErrors } from '../errors.js';
import { loadJose } from './load-jose.js';

/** A signing key: a shared secret (HS*), or a private `KeyObject` / `CryptoKey` (RS*, PS*, ES*, EdDSA). */
export type SigningKey = string | Uint8Array | KeyObject | webcrypto.CryptoKey;

export type JwtAlgorithm = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512'
  | 'ES256' | 'ES384' | 'ES512' | 'EdDSA' | 'Ed25519';

export type JwtClaims = JWTPayload;

export interface SignJwtOptions {
  /** Default HS256 for a secret; required for other keys. */
  algorithm?: JwtAlgorithm;
  /** Lifetime: seconds, or a span like `'15m'`, `'2h'`, `'7d'` (sets `exp`). */
  expiresIn?: number | string;
  /** Not valid before now + this: seconds or a span (sets `nbf`). */
  notBefore?: number | string;
  issuer?: string;
  audience?: string | string[];
  subject?: string;
  /** `kid` in the header, so verifiers pick the key from a JWKS. */
  keyId?: string;
}

/**
 * A signed compact JWT with `iat` set to now.
 * @example
 * const token = await signJwt({ sub: 'alice', scope: 'items:read' }, settings.jwtSecret, { expiresIn: '30m' });
 */
export async function signJwt(claims: JwtClaims, key: SigningKey, options: SignJwtOptions = {}): Promise<string> {
  const algorithm = options.algorithm ?? (isSecret(key) ? 'HS256' : undefined);
  if (algorithm === undefined) throw securityErrors.signingAlgorithmMissing();
  const { SignJWT } = await loadJose();
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: algorithm, typ: 'JWT', ...(options.keyId && { kid: options.keyId }) }).setIssuedAt();
  if (options.expiresIn !== undefined) jwt.setExpirationTime(relative(options.expiresIn));
  if (options.notBefore !== undefined) jwt.setNotBefore(relative(options.notBefore));
  if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
  if (options.audience !== undefined) jwt.setAudience(options.audience);
  if (options.subject !== undefined) jwt.setSubject(options.subject);
  return jwt.sign(toKey(key));
}

export function isSecret(key: unknown): key is string | Uint8Array {
  return typeof key === 'string' || key instanceof Uint8Array;
}

export function toKey<K>(key: string | K): Uint8Array | K {
  return typeof key === 'string' ? new TextEncoder().encode(key) : key;
}

/** jose reads a number as an absolute timestamp: make seconds relative to now, as `expiresIn` means. */
function relative(span: number | string): number | string {
  return typeof span === 'number' ? Math.floor(Date.now() / 1000) + span : span;
}
