/**
 * The request's id, for correlating logs: middleware (`requestId()` from `@decorumjs/middleware`) records
 * it, handlers read it, and Decorum's own log lines (the 500 "unhandled error" and the access log) carry
 * it. It is kept per `AdapterRequest` because the access log wraps the adapter's handle and never sees a
 * `RequestContext`; the id also sits in `ctx.state` under `REQUEST_ID` for code that reads state.
 * @example
 * app.use(requestId());
 * @Get('me') me(@Req() ctx: RequestContext) { return { requestId: requestIdOf(ctx) }; }
 */
import type { AdapterRequest } from '../adapter/adapter.js';
import type { RequestContext } from './request-context.js';

/** The `ctx.state` key holding the request id. */
export const REQUEST_ID: unique symbol = Symbol.for('decorum.requestId');

const ids = new WeakMap<AdapterRequest, string>();

/** Records `id` as the request's id, for handlers and for Decorum's logs. */
export function setRequestId(ctx: RequestContext, id: string): void {
  ids.set(ctx.request, id);
  ctx.state.set(REQUEST_ID, id);
}

/** The request's id, when middleware recorded one. */
export function requestIdOf(ctx: RequestContext | AdapterRequest): string | undefined {
  return ids.get('reply' in ctx ? ctx.request : ctx);
}
