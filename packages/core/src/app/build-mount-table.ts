/**
 * What an adapter mounts: one `dispatch` that routes every request with core's router and runs the
 * compiled route or the unmatched answer (404, 405, 307, 400, 414), with the middleware and access log
 * wrapped around them — each decided here, once, so a route no middleware applies to runs as its bare
 * compiled handle.
 */
import type { AdapterRequest, AdapterResponse, MountTable, MountedRoute, Routed } from '../adapter/adapter.js';
import type { CompiledRoute } from '../compile/compile-route.js';
import { appliesTo, type MountedMiddleware } from '../extensions/middleware.js';
import type { RequestContext } from '../http/request-context.js';
import type { Logger } from '../logger.js';
import type { RoutingOptions, Unmatched } from '../routing/route-match.js';
import { compileRouter } from '../routing/router.js';
import { withAccessLog } from './access-log.js';
import { withMiddleware } from './with-middleware.js';

export interface MountTableInput {
  readonly compiled: readonly CompiledRoute[];
  readonly middleware: readonly MountedMiddleware[];
  readonly bodyLimit: number;
  readonly routing: RoutingOptions;
  readonly accessLog: boolean;
  /** The WebSocket limits adapters apply, for an app with WebSocket routes. */
  readonly websocket?: MountTable['websocket'];
  readonly logger: Logger;
  handleError(error: unknown, ctx: RequestContext): Promise<void>;
  /** Answers a request no route matched (`outcome` says why); returns the error it answered, if any. */
  answerUnmatched(ctx: RequestContext, outcome: Unmatched): Promise<unknown>;
  /** The same, on a context of its own. */
  fallback(req: AdapterRequest, res: AdapterResponse, outcome: Unmatched): Promise<void>;
}

export function buildMountTable(input: MountTableInput): MountTable {
  const { compiled, middleware, logger } = input;
  const handleError = input.handleError;
  const chainFor = (path: string) => middleware.filter((m) => appliesTo(m, path)).map((m) => m.middleware);
  const routes: MountedRoute[] = compiled.map((c) => {
    const chain = chainFor(c.def.path);
    return { method: c.def.method, path: c.def.path, handle: chain.length ? withMiddleware(c, chain, handleError, logger) : c.handle };
  });
  const router = compileRouter(
    routes.map((route, i) => ({ method: route.method, path: route.path, target: route.handle, id: compiled[i]?.def.id })),
    input.routing,
  );
  const fallback = middleware.length === 0
    ? input.fallback
    : (req: AdapterRequest, res: AdapterResponse, outcome: Unmatched) => {
      // Unmatched paths are rare and vary, so which middleware applies is decided per request here.
      const q = req.url.indexOf('?');
      const chain = chainFor(q === -1 ? req.url : req.url.slice(0, q));
      if (chain.length === 0) return input.fallback(req, res, outcome);
      const unmatched = {
        def: undefined,
        run: (ctx: RequestContext) => input.answerUnmatched(ctx, outcome),
        handle: (direct: AdapterRequest, reply: AdapterResponse) => input.fallback(direct, reply, outcome),
      };
      return withMiddleware(unmatched, chain, handleError, logger)(req, res);
    };
  const match = (method: string, url: string): Routed => router.match(method, url);
  const dispatch = (req: AdapterRequest, res: AdapterResponse, routed: Routed = router.match(req.method, req.url)) =>
    routed.kind === 'found' ? routed.target(req, res, routed.params) : fallback(req, res, routed);
  return {
    dispatch: input.accessLog ? withAccessLog(dispatch, logger) : dispatch,
    match,
    routes,
    bodyLimit: input.bodyLimit,
    ...(input.websocket && { websocket: input.websocket }),
  };
}
