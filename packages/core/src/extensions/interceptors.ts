/**
 * Interceptors wrap the handler call: run code before and after it, transform its result, map its
 * errors, time it, or answer without calling it (a cache). The first declared is the outermost.
 * @example
 * const Timing: Interceptor = { async intercept(ctx, next) { const t = performance.now(); try { return await next(); }
 *   finally { ctx.response.header('server-timing', `handler;dur=${performance.now() - t}`); } } };
 */
import type { RequestContext } from '../http/request-context.js';
import type { Class } from '../metadata/records.js';

export interface Interceptor {
  intercept(ctx: RequestContext, next: () => Promise<unknown>): unknown;
}

/** An interceptor class (built by the container), an interceptor object, or a plain function. */
export type InterceptorLike = Class<Interceptor> | Interceptor | ((ctx: RequestContext, next: () => Promise<unknown>) => unknown);
