/**
 * Dependency cleanup, as FastAPI's exit stacks run it: last registered first, each step seeing the
 * error of the request so far. When the request fails, every step runs before the error response is
 * chosen, so a dependency can turn a domain error into a `BadRequest`; on success, `'function'`-scoped
 * steps run before the response is sent and the rest after it.
 */
import type { CleanupStep, RequestContext } from '../http/request-context.js';
import type { Logger } from '../logger.js';

/**
 * Runs `steps` last registered first (a dependency before those it uses); a step that throws replaces
 * the error the next ones see.
 */
async function unwind(steps: readonly CleanupStep[], error: unknown): Promise<unknown> {
  let current = error;
  for (let i = steps.length - 1; i >= 0; i--) {
    try {
      await (steps[i] as CleanupStep)(current);
    } catch (thrown) {
      current = thrown;
    }
  }
  return current;
}

/** The request failed with `error`: every step sees it; returns the error to answer (maybe another one). */
export async function unwindCleanups(ctx: RequestContext, error: unknown): Promise<unknown> {
  const inner = ctx.functionCleanups ?? [];
  const outer = ctx.cleanups ?? [];
  ctx.functionCleanups = undefined;
  ctx.cleanups = undefined;
  return unwind(outer, await unwind(inner, error));
}

/** The handler returned: `'function'`-scoped steps run now; one that throws fails the request. */
export async function runFunctionCleanups(ctx: RequestContext): Promise<void> {
  const steps = ctx.functionCleanups ?? [];
  ctx.functionCleanups = undefined;
  const error = await unwind(steps, undefined);
  if (error !== undefined) throw error;
}

/** After the response: nothing can change it any more, so a failing step is logged, never sent. */
export async function runCleanups(ctx: RequestContext, failure: unknown, logger: Logger): Promise<void> {
  const steps = ctx.cleanups ?? [];
  ctx.cleanups = undefined;
  for (let i = steps.length - 1; i >= 0; i--) {
    try {
      await (steps[i] as CleanupStep)(failure);
    } catch (error) {
      logger.error({ err: error, route: ctx.route?.id }, 'dependency cleanup failed');
    }
  }
}
