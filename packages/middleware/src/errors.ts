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
    (range: string) => `proxyHeaders: "${range}" is not an IP address or range.`,
    'Write an address (10.0.0.5, ::1) or a range as address/prefix bits (10.0.0.0/8, fd00::/8).'),
  cspDirective: entry('DECORUM_ERR_MIDDLEWARE_OPTIONS',
    (name: string) => `securityHeaders: the ${name} directive contains ";" or a line break.`,
    'Give each directive its own key in contentSecurityPolicy, with its sources separated by spaces.'),
  rateLimitLimit: entry('DECORUM_ERR_MIDDLEWARE_OPTIONS',
    (limit: unknown) => `rateLimit: limit ${String(limit)} is not a whole number of requests.`,
    'Give a whole number ≥ 1.'),
  rateLimitWindow: entry('DECORUM_ERR_MIDDLEWARE_OPTIONS',
    (window: unknown) => `rateLimit: window ${JSON.stringify(window)} is not a duration.`,
    "Give milliseconds, or a span such as '30s', '1m' or '1h'."),
  rateLimitName: entry('DECORUM_ERR_MIDDLEWARE_OPTIONS',
    (name: string) => `rateLimit: name "${name}" cannot appear in the RateLimit headers.`,
    'Use letters, digits and _ . : * - , starting with a letter.'),
};
