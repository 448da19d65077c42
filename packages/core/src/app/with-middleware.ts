/**
 * Runs middleware around a compiled route (or the 404/405 fallback). The route answers into a
 * captured response, so middleware receives an `HttpResponse` it may change or replace; the result is
 * written to the real response once, and dependency cleanup runs after that. A middleware whose `when`
 * test declines the request is skipped; when all of them decline, the target answers it directly.
 */
import type { AdapterRequest, AdapterResponse, OutgoingBody, OutgoingHeaders, RouteHandle } from '../adapter/adapter.js';
import { runCleanups } from '../compile/run-cleanups.js';
import { FileResponse, resolveFile } from '../http/file-response.js';
import { HttpResponse } from '../http/http-response.js';
import { RequestContext } from '../http/request-context.js';
import type { Middleware, RequestHead } from '../extensions/middleware.js';
import type { Logger } from '../logger.js';
import type { RouteDef } from '../route-table/route-def.js';
import type { PathParams } from '../routing/route-match.js';

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
  /** Answers into `ctx.reply`: undefined when done synchronously without failing, else a promise of the failure, if any. */
  run(ctx: RequestContext): undefined | Promise<unknown>;
  /** Answers on a context of its own, cleanup included: the path when no middleware wants the request. */
  readonly handle: RouteHandle;
}

export function withMiddleware(
  target: Runnable, chain: readonly Middleware[], handleError: (error: unknown, ctx: RequestContext) => Promise<void>, logger: Logger,
): RouteHandle {
  const wrapped = wrap(target, chain, handleError, logger);
  const wanted = wantedTest(chain);
  if (!wanted) return wrapped;
  const direct = target.handle;
  return (req, res, params) => (wanted(req) ? wrapped(req, res, params) : direct(req, res, params));
}

/** Whether any middleware of the chain wants a request; null when one of them wants every request. */
function wantedTest(chain: readonly Middleware[]): ((request: RequestHead) => boolean) | null {
  const tests = chain.map((m) => m.when);
  if (!tests.every((t) => t !== undefined)) return null;
  const [only] = tests;
  if (tests.length === 1 && only) return only;
  return (request) => tests.some((t) => t?.(request));
}

function wrap(
  target: Runnable, chain: readonly Middleware[], handleError: (error: unknown, ctx: RequestContext) => Promise<void>, logger: Logger,
): RouteHandle {
  return async (req: AdapterRequest, res: AdapterResponse, params?: PathParams) => {
    const captured = new CapturedResponse(res);
    const ctx = new RequestContext(req, captured, target.def, params);
    let failure: unknown;
    const answered = () => captured.response ?? new HttpResponse(null, { status: 204 });
    const inner = (): Promise<HttpResponse> => {
      const running = target.run(ctx);
      if (running === undefined) return Promise.resolve(answered());
      return running.then((outcome) => {
        failure = outcome;
        return answered();
      });
    };
    const dispatch = (i: number): Promise<HttpResponse> => {
      if (i === chain.length) return inner();
      const middleware = chain[i] as Middleware;
      if (middleware.when && !middleware.when(req)) return dispatch(i + 1);
      return Promise.resolve(middleware(ctx, () => dispatch(i + 1)));
    };
    let response: HttpResponse;
    try {
      response = await dispatch(0);
      // A middleware may answer with a file itself; routes resolve theirs before it sees them.
      if (response instanceof FileResponse) response = await resolveFile(req, response);
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
