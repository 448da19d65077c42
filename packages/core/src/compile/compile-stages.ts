/**
 * The optional stages of a compiled route: guards, pipes and interceptors. Each compiles to `null`
 * when a route has none, so such a route runs exactly the code it would run without extensions.
 */
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import { Forbidden } from '../http/http-error.js';
import type { RequestContext } from '../http/request-context.js';
import type { CanActivate, GuardContext } from '../extensions/guards.js';
import type { Interceptor } from '../extensions/interceptors.js';
import { PipeError, type PipeTransform } from '../extensions/pipes.js';
import type { ParamDef } from '../route-table/route-def.js';
import type { Binder } from './bind-params.js';
import { INVALID } from './coerce.js';
import { isPromise } from './validate-json.js';

/** Turns a guard, pipe or interceptor declaration into something callable (classes come from the container). */
export type Instantiate = (declared: unknown) => unknown;

export type GuardStage = (ctx: RequestContext) => void | Promise<void>;

export function compileGuards(declared: readonly unknown[], instantiate: Instantiate): GuardStage | null {
  if (declared.length === 0) return null;
  const guards = declared.map((g) => {
    const guard = instantiate(g);
    return typeof guard === 'function' ? (guard as CanActivate['canActivate']) : (ctx: GuardContext) => (guard as CanActivate).canActivate(ctx);
  });
  return (ctx) => {
    let i = 0;
    const next = (allowed: boolean): void | Promise<void> => {
      if (!allowed) throw new Forbidden();
      while (i < guards.length) {
        const result = (guards[i++] as CanActivate['canActivate'])(ctx as GuardContext);
        if (isPromise(result)) return result.then(next);
        if (!result) throw new Forbidden();
      }
    };
    return next(true);
  };
}

/** Runs a parameter's pipes after its binder; a `PipeError` becomes a 422 entry at the parameter's loc. */
export function withPipes(binder: Binder, param: ParamDef, declared: readonly unknown[], instantiate: Instantiate): Binder {
  if (declared.length === 0) return binder;
  const pipes = declared.map((p) => {
    const pipe = instantiate(p);
    return typeof pipe === 'function' ? (pipe as PipeTransform['transform']) : (v: unknown, m: Parameters<PipeTransform['transform']>[1]) => (pipe as PipeTransform).transform(v, m);
  });
  const loc: Loc = param.name === undefined ? [param.source] : [param.source, param.name];
  return (ctx, errors) => {
    const bound = binder(ctx, errors);
    const meta = { source: param.source, name: param.name, loc, ctx };
    const run = (value: unknown, from: number): unknown => {
      if (value === INVALID) return INVALID;
      let current = value;
      for (let i = from; i < pipes.length; i++) {
        try {
          const out = (pipes[i] as PipeTransform['transform'])(current, meta);
          if (isPromise(out)) return out.then((v) => run(v, i + 1), (e: unknown) => reject(e, current, loc, errors));
          current = out;
        } catch (error) {
          return reject(error, current, loc, errors);
        }
      }
      return current;
    };
    return isPromise(bound) ? bound.then((v) => run(v, 0)) : run(bound, 0);
  };
}

function reject(error: unknown, input: unknown, loc: Loc, errors: ErrorDetail[]): typeof INVALID {
  if (!(error instanceof PipeError)) throw error;
  errors.push({ type: error.type, loc, msg: error.message, input, ...(error.ctx && { ctx: error.ctx }) });
  return INVALID;
}

export type InterceptorStage = (ctx: RequestContext, call: () => unknown) => Promise<unknown>;

/** The first interceptor is the outermost; `next()` runs the rest and then the handler. */
export function compileInterceptors(declared: readonly unknown[], instantiate: Instantiate): InterceptorStage | null {
  if (declared.length === 0) return null;
  const interceptors = declared.map((d) => {
    const interceptor = instantiate(d);
    return typeof interceptor === 'function' ? (interceptor as Interceptor['intercept'])
      : (ctx: RequestContext, next: () => Promise<unknown>) => (interceptor as Interceptor).intercept(ctx, next);
  });
  return (ctx, call) => {
    const dispatch = (i: number): Promise<unknown> => {
      if (i === interceptors.length) return Promise.resolve().then(call);
      return Promise.resolve((interceptors[i] as Interceptor['intercept'])(ctx, () => dispatch(i + 1)));
    };
    return dispatch(0);
  };
}
