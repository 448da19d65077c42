/**
 * The connection limits every adapter with a server of its own applies, with one set of defaults, so an
 * app behaves the same on node:http, Fastify and Express: a slow or idle client cannot hold a connection
 * longer than these, and a refused body is read only up to a bound.
 */
export interface ServerLimits {
  /** Time allowed to receive the request headers, in ms (10 s); past it the client gets a 408. */
  headersTimeout?: number;
  /** Time allowed to receive the whole request, body included, in ms (30 s); past it, a 408. */
  requestTimeout?: number;
  /** Idle time before a keep-alive connection is closed, in ms (5 s). */
  keepAliveTimeout?: number;
  /** Largest request line plus headers, in bytes (16 KiB, node's default); past it the client gets a 431. */
  maxHeaderSize?: number;
  /**
   * Bytes of a request body the app did not read (too large, or a route that reads none) that the server
   * still reads and throws away after answering, so the client can finish sending and read the answer
   * instead of seeing its upload cut (EPIPE, ECONNRESET). Past it the connection closes (64 MiB).
   */
  discardLimit?: number;
}

export const DEFAULT_SERVER_LIMITS: Required<ServerLimits> = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  maxHeaderSize: 16 * 1024,
  discardLimit: 64 * 1024 * 1024,
};

export function resolveServerLimits(limits: ServerLimits = {}): Required<ServerLimits> {
  return {
    headersTimeout: limits.headersTimeout ?? DEFAULT_SERVER_LIMITS.headersTimeout,
    requestTimeout: limits.requestTimeout ?? DEFAULT_SERVER_LIMITS.requestTimeout,
    keepAliveTimeout: limits.keepAliveTimeout ?? DEFAULT_SERVER_LIMITS.keepAliveTimeout,
    maxHeaderSize: limits.maxHeaderSize ?? DEFAULT_SERVER_LIMITS.maxHeaderSize,
    discardLimit: limits.discardLimit ?? DEFAULT_SERVER_LIMITS.discardLimit,
  };
}
