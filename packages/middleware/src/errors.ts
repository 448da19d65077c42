/**
 * Developer mistakes in middleware options, in one catalogue as core's `decorumErrors`: a stable code,
 * the message built from the specifics and the sentence that says how to fix it. They are thrown when
 * the middleware is created, so a bad option stops the app before it serves.
 */
export type MiddlewareErrorCode = 'DECORUM_ERR_MIDDLEWARE_OPTIONS';

export class MiddlewareError extends Error {
  override readonly name = 'MiddlewareError';
  constructor(
    readonly code: MiddlewareErrorCode,
    message: string,
    /** The sentence that says what to do; also the end of `message`. */
    readonly fix: string,
  ) {
    super(`${code}: ${message} ${fix}`);
  }
}

function entry<A extends unknown[]>(code: MiddlewareErrorCode, message: (...args: A) => string, fix: string) {
  return Object.assign((...args: A) => new MiddlewareError(code, message(...args), fix), { code });
}

export const middlewareErrors = {
  proxyRange: entry('DECORUM_ERR_MIDDLEWARE_OPTIONS',
    (range: string) => `proxyHeaders: "${range}" is not an IPv4 range.`,
    'Write a range as address/prefix bits, such as 10.0.0.0/8; list IPv6 proxies by address.'),
};
