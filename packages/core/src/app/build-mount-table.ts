/**
 * What an adapter mounts: every compiled route (HEAD answered by GET where no HEAD route exists), the
 * 404/405 fallback, and the middleware and access log wrapped around them — each decided here, once,
 * so a route no middleware applies to is mounted as its bare compiled handle.
 */
import type { AdapterRequest, AdapterResponse, MountTable, MountedRoute } from '../adapter/adapter.js';
import type { CompiledRoute } from '../compile/compile-route.js';
import { appliesTo, type MountedMiddleware } from '../extensions/middleware.js';
import type { RequestContext } from '../http/request-context.js';
import type { Logger } from '../logger.js';
import { withAccessLog } from './access-log.js';
import { withMiddleware } from './with-middleware.js';

export interface MountTableInput {
  readonly compiled: readonly CompiledRoute[];
  readonly middleware: readonly MountedMiddleware[];
  readonly bodyLimit: number;
  readonly accessLog: boolean;
  readonly logger: Logger;
  handleError(error: unknown, ctx: RequestContext): Promise<void>;
  /** Answers a request no route matched (404, or 405 with `allow`); returns the error it answered. */
  answerUnmatched(ctx: RequestContext, allow: readonly string[]): Promise<unknown>;
  /** The same, on a context of its own. */
  fallback(req: AdapterRequest, res: AdapterResponse, allow: readonly string[]): Promise<void>;
}

export function buildMountTable(input: MountTableInput): MountTable {
  const { compiled, middleware, logger } = input;
  const handleError = input.handleError;
  const chainFor = (path: string) => middleware.filter((m) => appliesTo(m, path)).map((m) => m.middleware);
  const routes: MountedRoute[] = compiled.map((c) => {
    const chain = chainFor(c.def.path);
    return { method: c.def.method, path: c.def.path, handle: chain.length ? withMiddleware(c, chain, handleError, logger) : c.handle };
  });
  compiled.forEach((c, i) => {
    if (c.def.method === 'GET' && !compiled.some((o) => o.def.method === 'HEAD' && o.def.path === c.def.path)) {
      routes.push({ method: 'HEAD', path: c.def.path, handle: (routes[i] as MountedRoute).handle });
    }
  });
  const fallback: MountTable['fallback'] = middleware.length === 0
    ? input.fallback
    : (req, res, allow) => {
      // Unmatched paths are rare and vary, so which middleware applies is decided per request here.
      const q = req.url.indexOf('?');
      const chain = chainFor(q === -1 ? req.url : req.url.slice(0, q));
      if (chain.length === 0) return input.fallback(req, res, allow);
      const unmatched = {
        def: undefined,
        run: (ctx: RequestContext) => input.answerUnmatched(ctx, allow),
        handle: (direct: AdapterRequest, reply: AdapterResponse) => input.fallback(direct, reply, allow),
      };
      return withMiddleware(unmatched, chain, handleError, logger)(req, res);
    };
  if (!input.accessLog) return { routes, fallback, bodyLimit: input.bodyLimit };
  return {
    routes: routes.map((r) => ({ ...r, handle: withAccessLog(r.handle, logger) })),
    fallback: withAccessLog(fallback, logger),
    bodyLimit: input.bodyLimit,
  };
}
