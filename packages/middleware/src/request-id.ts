/**
 * A request id per request, for following one request through the logs of every service it touches.
 * An incoming id (from a load balancer or the calling service) is kept when it looks like an id;
 * anything else is replaced, so a client cannot write arbitrary text into the logs.
 */
import { setRequestId, type Middleware } from '@decorumjs/core';

export interface RequestIdOptions {
  /** The request and response header carrying the id (`x-request-id` by default). */
  header?: string;
  /** Keep a valid incoming id (true by default); false always generates one, for a public edge. */
  trustIncoming?: boolean;
  /** Makes a new id (`crypto.randomUUID()` by default). */
  generate?: () => string;
}

// Ids seen in practice: UUIDs, ULIDs, hex trace ids, `Root=1-…` AWS ids. No spaces or control characters.
const VALID_ID = /^[A-Za-z0-9._:=+/@-]{1,128}$/;

/**
 * Reads or makes the request's id, records it (`requestIdOf(ctx)`, and `ctx.state` under `REQUEST_ID`),
 * echoes it in the response header, and lets Decorum's 500 log and access log include it. Put it first,
 * so the middleware after it and every handler see the id.
 * @example
 * app.use(requestId());
 * // handlers: requestIdOf(ctx); logs: { …, requestId: '3f0c…' }
 */
export function requestId(options: RequestIdOptions = {}): Middleware {
  const header = (options.header ?? 'x-request-id').toLowerCase();
  const trustIncoming = options.trustIncoming ?? true;
  const generate = options.generate ?? (() => globalThis.crypto.randomUUID());
  return async (ctx, next) => {
    const incoming = trustIncoming ? ctx.headers[header] : undefined;
    const id = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : generate();
    setRequestId(ctx, id);
    const response = await next();
    response.headers[header] = id;
    return response;
  };
}
