/**
 * Request-time resolution, compiled once per node. A singleton resolves to a constant; request-scoped
 * nodes are built once per request (cached on the context, unless `useCache` is off); transients per
 * injection. Generator dependencies yield their value and finish after the response (or, with
 * `scope: 'function'`, after the handler); disposable values are disposed then. When the request fails,
 * they finish before the error response is chosen.
 */
import { compileBinder, type Binder } from '../compile/bind-params.js';
import { type DecorumError, decorumErrors } from '../errors.js';
import { INVALID } from '../compile/coerce.js';
import type { RequestContext } from '../http/request-context.js';
import type { CleanupScope } from '../metadata/records.js';
import type { Container } from './container.js';
import type { DependencyNode } from './plan.js';

export function compileNodeResolver(node: DependencyNode, useCache: boolean, container: Container, cleanupScope: CleanupScope): Binder {
  if (container.has(node)) {
    const value = container.singleton(node);
    return () => value;
  }
  const argBinders: Binder[] = node.args.map((arg) => {
    if (arg.kind === 'param') return compileBinder(arg.param, container.validation);
    if (arg.cleanupScope === 'function' && cleanupScope === 'request') throw scopeMismatch(node, arg.node);
    return container.resolver(arg.node, arg.useCache, arg.cleanupScope);
  });
  const build: Binder = (ctx, errors) => {
    const before = errors.length;
    const args = argBinders.map((bind) => bind(ctx, errors));
    if (args.some(isPromise)) {
      return Promise.all(args).then((resolved) =>
        errors.length > before || resolved.includes(INVALID) ? INVALID : start(node.create(resolved), ctx, cleanupScope));
    }
    if (errors.length > before || args.includes(INVALID)) return INVALID;
    return start(node.create(args), ctx, cleanupScope);
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

/** FastAPI's rule: what lives until after the response cannot use what is cleaned up before it. */
function scopeMismatch(node: DependencyNode, inner: DependencyNode): DecorumError {
  return decorumErrors.cleanupScopeMismatch(node.label, inner.label);
}

/** Runs a generator to its first `yield`, or registers disposal; plain values pass through. */
function start(created: unknown, ctx: RequestContext, scope: CleanupScope): unknown {
  if (isPromise(created)) return created.then((value) => start(value, ctx, scope));
  if (isAsyncGenerator(created)) {
    // Registered now, not once it has yielded, so cleanup order is declaration order (FastAPI's
    // exit stack) however long each takes to start; an async generator queues a `throw` behind a
    // pending `next`, so an early cleanup is still safe.
    ctx.onCleanup((error) => finish(created, error), scope);
    return created.next().then((step) => step.value);
  }
  if (isGenerator(created)) {
    const step = created.next();
    ctx.onCleanup((error) => finish(created, error), scope);
    return step.value;
  }
  if (typeof created === 'object' && created !== null) {
    const disposable = created as Partial<AsyncDisposable & Disposable>;
    const dispose = disposable[Symbol.asyncDispose] ?? disposable[Symbol.dispose];
    if (typeof dispose === 'function') ctx.onCleanup(() => dispose.call(created), scope);
  }
  return created;
}

/**
 * Resumes a generator: `next()` on success, `throw(error)` so it can roll back or answer otherwise.
 * Re-raising the error, or swallowing it, leaves the request's error as it was; raising another one
 * (a `BadRequest` for a domain error) replaces it, and the response is chosen from the new one.
 */
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
