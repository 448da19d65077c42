/**
 * Runs middleware around a compiled route (or the 404/405 fallback). The route answers into a
 * captured response, so middleware receives an `HttpResponse` it may change or replace; the result is
 * written to the real response once, and dependency cleanup runs after that.
 */
import type { AdapterRequest, AdapterResponse, OutgoingBody, OutgoingHeaders, RouteHandle } from '../adapter/adapter.js';
import { runCleanups } from '../compile/compile-route.js';
import { HttpResponse } from '../http/http-response.js';
import { RequestContext } from '../http/request-context.js';
import type { Middleware } from '../extensions/middleware.js';
import type { Logger } from '../logger.js';
import type { RouteDef } from '../route-table/route-def.js';

/** What the inner pipeline sent, held until the middleware chain has returned. */
class CapturedResponse implements AdapterResponse {
  response: HttpResponse | undefined;

  constructor(readonly real: AdapterResponse) {}

  get raw(): unknown {
    return this.real.raw;
  }

  get headersSent(): boolean {
    return this.response !== undefined || this.real.headersSent;
  }

  send(status: number, headers: OutgoingHeaders, body: OutgoingBody): void {
    this.response = new HttpResponse(body, { status, headers });
  }
}

export interface Runnable {
  readonly def: RouteDef | undefined;
  /** Answers into `ctx.reply`; returns the failure, if any. */
  run(ctx: RequestContext): Promise<unknown>;
}

export function withMiddleware(
  target: Runnable, chain: readonly Middleware[], handleError: (error: unknown, ctx: RequestContext) => Promise<void>, logger: Logger,
): RouteHandle {
  return async (req: AdapterRequest, res: AdapterResponse) => {
    const captured = new CapturedResponse(res);
    const ctx = new RequestContext(req, captured, target.def);
    let failure: unknown;
    const inner = async (): Promise<HttpResponse> => {
      failure = await target.run(ctx);
      return captured.response ?? new HttpResponse(null, { status: 204 });
    };
    const dispatch = (i: number): Promise<HttpResponse> =>
      i === chain.length ? inner() : Promise.resolve((chain[i] as Middleware)(ctx, () => dispatch(i + 1)));
    let response: HttpResponse;
    try {
      response = await dispatch(0);
    } catch (error) {
      failure = error;
      captured.response = undefined;
      await handleError(error, ctx);
      response = captured.response ?? HttpResponse.json({ detail: 'Internal Server Error' }, { status: 500 });
    }
    if (!res.headersSent) {
      try {
        const sending = res.send(response.status, response.headers, response.body);
        if (sending) await sending;
      } catch (error) {
        // A streamed body failed or the client went away mid-stream. As in a route without middleware,
        // it goes to the error handler (headers are sent, so it is only logged) and to cleanup; it must
        // not reject the adapter's call, where nothing awaits it.
        failure = error;
        await handleError(error, ctx);
      }
    }
    if (ctx.cleanups) await runCleanups(ctx, failure, logger);
  };
}
