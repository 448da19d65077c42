/**
 * Verifying JWTs with `jose`: signature, `exp`/`nbf` with leeway, `iss`, `aud`; keys given directly or
 * fetched from a JWKS URL. A bad token is the client's problem (401 `invalid_token`, RFC 6750 §3.1); an
 * unreachable key server is not (503).
 */
import type { KeyObject, webcrypto } from 'node:crypto';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { HttpError, ServiceUnavailable } from '@decorumjs/core';
import { loadJose } from './load-jose.js';
import { isSecret, toKey, type JwtAlgorithm } from './sign-jwt.js';

/** A verification key: the shared secret (HS*), a public `KeyObject` / `CryptoKey`, or a JWKS (`remoteJwks`). */
export type VerificationKey = string | Uint8Array | KeyObject | webcrypto.CryptoKey | JWTVerifyGetKey;

export type JwtPayload = JWTPayload;

export interface VerifyJwtOptions {
  /** Accepted algorithms. Default: HS256/384/512 for a secret; whatever the key's type allows otherwise. */
  algorithms?: readonly JwtAlgorithm[];
  issuer?: string | readonly string[];
  audience?: string | readonly string[];
  /** Clock skew allowed on `exp` and `nbf`: seconds or a span (`'30s'`). Default 0. */
  leeway?: number | string;
  /** Refuse tokens older than this (by `iat`): seconds or a span. */
  maxTokenAge?: number | string;
  /** Claims that must be present (`['exp', 'sub']`). */
  requiredClaims?: readonly string[];
}

/**
 * The verified payload, or an `InvalidToken` error (401, `WWW-Authenticate: Bearer error="invalid_token"`).
 * @example
 * const claims = await verifyJwt(token, settings.jwtSecret, { issuer: 'https://auth.example.com', leeway: 30 });
 */
export async function verifyJwt(token: string, key: VerificationKey, options: VerifyJwtOptions = {}): Promise<JwtPayload> {
  const algorithms = options.algorithms ?? (isSecret(key) ? ['HS256', 'HS384', 'HS512'] : undefined);
  const verifyOptions = {
    ...(algorithms && { algorithms: [...algorithms] }),
    ...(options.issuer !== undefined && { issuer: typeof options.issuer === 'string' ? options.issuer : [...options.issuer] }),
    ...(options.audience !== undefined && { audience: typeof options.audience === 'string' ? options.audience : [...options.audience] }),
    ...(options.leeway !== undefined && { clockTolerance: options.leeway }),
    ...(options.maxTokenAge !== undefined && { maxTokenAge: options.maxTokenAge }),
    ...(options.requiredClaims && { requiredClaims: [...options.requiredClaims] }),
  };
  const { errors, jwtVerify } = await loadJose();
  try {
    const resolved = toKey(key);
    const { payload } = typeof resolved === 'function'
      ? await jwtVerify(token, markFailures(resolved, errors), verifyOptions)
      : await jwtVerify(token, resolved, verifyOptions);
    return payload;
  } catch (error) {
    throw toHttpError(error, errors);
  }
}

/** 401 for a token that does not verify, with the RFC 6750 challenge a client can act on. */
export class InvalidToken extends HttpError {
  override name = 'InvalidToken';
  constructor(readonly description: string, challenge = 'Bearer') {
    super(401, 'Could not validate credentials', {
      'www-authenticate': `${challenge} error="invalid_token", error_description="${description.replace(/["\\]/g, '\\$&')}"`,
    });
  }
}

/** A key source that fails for want of keys (network, bad JSON), as opposed to a token no key matches. */
class KeySourceFailure extends Error {}

type JoseErrors = Awaited<ReturnType<typeof loadJose>>['errors'];

function markFailures(getKey: JWTVerifyGetKey, errors: JoseErrors): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await getKey(header, token);
    } catch (error) {
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)) throw error;
      throw new KeySourceFailure('key source failed', { cause: error });
    }
  };
}

function toHttpError(error: unknown, errors: JoseErrors): HttpError {
  if (error instanceof KeySourceFailure) return new ServiceUnavailable('Could not fetch the token signing keys');
  if (error instanceof errors.JWTExpired) return new InvalidToken('The token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) return new InvalidToken(`The ${error.claim} claim is invalid`);
  if (error instanceof errors.JWSSignatureVerificationFailed) return new InvalidToken('The token signature is invalid');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new InvalidToken('No key matches the token');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new InvalidToken('The token algorithm is not allowed');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return new InvalidToken('The token is malformed');
  }
  // Anything else (a JOSE error, or jose refusing the key for the token's algorithm) is a bad token too.
  return new InvalidToken('The token is invalid');
}
