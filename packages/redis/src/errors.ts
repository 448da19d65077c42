/**
 * Developer mistakes in `@decorumjs/redis`, in one catalogue as core's `decorumErrors`: a stable code, the
 * message built from the specifics and the sentence that says how to fix it. The option errors are thrown
 * by the constructor, so a miswired broker stops the app before it serves.
 */
export type RedisErrorCode = 'DECORUM_ERR_REDIS_OPTIONS' | 'DECORUM_ERR_REDIS_CLOSED';

export class RedisBrokerError extends Error {
  override readonly name = 'RedisBrokerError';
  constructor(
    readonly code: RedisErrorCode,
    message: string,
    /** The sentence that says what to do; also the end of `message`. */
    readonly fix: string,
  ) {
    super(`${code}: ${message} ${fix}`);
  }
}

function entry<A extends unknown[]>(code: RedisErrorCode, message: (...args: A) => string, fix: string) {
  return Object.assign((...args: A) => new RedisBrokerError(code, message(...args), fix), { code });
}

export const redisErrors = {
  noConnection: entry('DECORUM_ERR_REDIS_OPTIONS',
    () => 'RedisBroker: neither `client` nor both `publisher` and `subscriber` were given.',
    'Pass { client: new Redis(url) } (the broker makes its subscriber with client.duplicate()), or { publisher, subscriber }.'),
  sameConnection: entry('DECORUM_ERR_REDIS_OPTIONS',
    () => 'RedisBroker: `publisher` and `subscriber` are the same connection; a connection that subscribes can no longer publish.',
    'Give two connections (subscriber: publisher.duplicate()), or pass { client } and let the broker make the second.'),
  prefix: entry('DECORUM_ERR_REDIS_OPTIONS',
    (prefix: unknown) => `RedisBroker: prefix ${JSON.stringify(prefix) ?? String(prefix)} is not a string.`,
    "Give a string such as 'myapp:ws:' (the default is 'decorum:ws:')."),
  closed: entry('DECORUM_ERR_REDIS_CLOSED',
    (action: string) => `RedisBroker: ${action} after close().`,
    'Publish and subscribe before app.close(); a closed broker has ended its connections. Make a new one for a new app.'),
};
