/**
 * Developer mistakes in security options, in one catalogue as core's `decorumErrors`: a stable code,
 * the message built from the specifics and the sentence that says how to fix it. A client's bad
 * credentials are `HttpError`s (401, 403), never these.
 */
export type SecurityErrorCode = 'DECORUM_ERR_JWT_OPTIONS';

export class SecurityError extends Error {
  override readonly name = 'SecurityError';
  constructor(
    readonly code: SecurityErrorCode,
    message: string,
    /** The sentence that says what to do; also the end of `message`. */
    readonly fix: string,
  ) {
    super(`${code}: ${message} ${fix}`);
  }
}

function entry<A extends unknown[]>(code: SecurityErrorCode, message: (...args: A) => string, fix: string) {
  return Object.assign((...args: A) => new SecurityError(code, message(...args), fix), { code });
}

export const securityErrors = {
  signingAlgorithmMissing: entry('DECORUM_ERR_JWT_OPTIONS',
    () => 'signJwt was given a private key but no algorithm: only a shared secret implies one (HS256).',
    "Name the key's algorithm: signJwt(claims, privateKey, { algorithm: 'RS256' }) (or ES256, EdDSA, …)."),
};
