/**
 * Request-time resolution, compiled once per node. A singleton resolves to a constant; request-scoped
 * nodes are built once per request (cached on the context, unless `useCache` is off); transients per
 * injection. Generator dependencies yield their value and finish after the response; disposable values
 * are disposed then.
 */
import { compileBinder, type Binder } from '../compile/bind-params.js';
import { INVALID } from '../compile/coerce.js';
import type { RequestContext } from '../http/request-context.js';
import type { Container } from './container.js';
import type { DependencyNode } from './plan.js';

export function compileNodeResolver(node: DependencyNode, useCache: boolean, container: Container): Binder {
  if (container.has(node)) {
    const value = container.singleton(node);
    return () => value;
  }
  const argBinders: Binder[] = node.args.map((arg) =>
    arg.kind === 'node' ? container.resolver(arg.node, arg.useCache) : compileBinder(arg.param, container.validation));
  const build: Binder = (ctx, errors) => {
    const before = errors.length;
    const args = argBinders.map((bind) => bind(ctx, errors));
    if (args.some(isPromise)) {
      return Promise.all(args).then((resolved) =>
        errors.length > before || resolved.includes(INVALID) ? INVALID : start(node.create(resolved), ctx));
    }
    if (errors.length > before || args.includes(INVALID)) return INVALID;
    return start(node.create(args), ctx);
  };
  if (node.scope !== 'request' || !useCache) return build;
  return (ctx, errors) => {
    const cache = ctx.state;
    if (cache.has(node)) return cache.get(node);
    const value = build(ctx, errors);
    cache.set(node, value);
    return value;
  };
}

/** Runs a generator to its first `yield`, or registers disposal; plain values pass through. */
function start(created: unknown, ctx: RequestContext): unknown {
  if (isPromise(created)) return created.then((value) => start(value, ctx));
  if (isAsyncGenerator(created)) {
    return created.next().then((step) => {
      ctx.onCleanup((error) => finish(created, error));
      return step.value;
    });
  }
  if (isGenerator(created)) {
    const step = created.next();
    ctx.onCleanup((error) => finish(created, error));
    return step.value;
  }
  if (typeof created === 'object' && created !== null) {
    const disposable = created as Partial<AsyncDisposable & Disposable>;
    const dispose = disposable[Symbol.asyncDispose] ?? disposable[Symbol.dispose];
    if (typeof dispose === 'function') ctx.onCleanup(() => dispose.call(created));
  }
  return created;
}

/** Resumes a generator after the response: `next()` on success, `throw(error)` so it can roll back. */
async function finish(generator: Generator | AsyncGenerator, error: unknown): Promise<void> {
  if (error === undefined) {
    await generator.next();
    return;
  }
  try {
    await generator.throw(error);
  } catch (rethrown) {
    // Re-raising the request's own error is the normal way out of `catch { rollback; throw }`.
    if (rethrown !== error) throw rethrown;
  }
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | null)?.then === 'function';
}

function isGenerator(value: unknown): value is Generator {
  return typeof value === 'object' && value !== null && typeof (value as Generator).next === 'function'
    && typeof (value as Generator).throw === 'function' && Symbol.iterator in value;
}

function isAsyncGenerator(value: unknown): value is AsyncGenerator {
  return typeof value === 'object' && value !== null && typeof (value as AsyncGenerator).next === 'function'
    && Symbol.asyncIterator in value;
}
