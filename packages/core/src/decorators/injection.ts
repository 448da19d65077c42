/**
 * Dependency injection decorators: `@Injectable` and `@Inject` as NestJS names them, and `@Depends`
 * for handler-level dependencies as FastAPI names it.
 */
import { classRecord, methodRecord } from '../metadata/store.js';
import type { CleanupScope, Class } from '../metadata/records.js';
import type { Scope, Token } from '../di/tokens.js';
import { recordParam } from './params.js';

/**
 * Makes a class injectable by constructor type. `scope: 'request'` gives one instance per request
 * (its constructor may then read request data with `@Query`, `@Header`…), `'transient'` one per injection.
 * @example
 * @Injectable() class ItemsService { constructor(private readonly db: Db) {} }
 */
export function Injectable(options: { scope?: Scope } = {}): ClassDecorator {
  return (target) => {
    classRecord(target).injectable = { scope: options.scope };
  };
}

/** Injects by token instead of by type: for interfaces, strings, symbols and `InjectionToken`s. */
export function Inject(token: Token): ParameterDecorator {
  return (target, key, index) =>
    recordParam(target, key, { index, source: 'inject', name: undefined, options: {}, target: token });
}

export interface DependsOptions {
  /** Resolve afresh for this parameter even if the request already resolved it (FastAPI's `use_cache=False`). */
  useCache?: boolean;
  /**
   * When the code after a generator dependency's `yield` runs (FastAPI's `Depends(scope=...)`):
   * `'request'` (default) after the response is sent, `'function'` right after the handler returns,
   * before the response is sent, so a failing cleanup still chooses the response.
   */
  scope?: CleanupScope;
}

/**
 * A handler dependency, resolved per request before the handler runs: an `@Injectable` class, a
 * provider token, a `dependency(...)`, or a function of the request context. Values a dependency
 * yields from a generator, or that are disposable, are cleaned up after the response is sent.
 * @example
 * list(@Depends(Pagination) page: Pagination, @Depends(currentUser) user: User) {}
 */
export function Depends(target: unknown, options: DependsOptions = {}): ParameterDecorator {
  return (host, key, index) =>
    recordParam(host, key, { index, source: 'dependency', name: undefined, options: {}, target, useCache: options.useCache ?? true, cleanupScope: options.scope });
}

/**
 * Dependencies run for their side effects before every route of a controller or before one route
 * (FastAPI's `dependencies=[...]`): an auth check, a rate limit. Their values are discarded.
 */
export function UseDependencies(...targets: unknown[]): ClassDecorator & MethodDecorator {
  return ((target: object, key?: string | symbol) => {
    if (key === undefined) classRecord(target).controllerDependencies.push(...targets);
    else methodRecord(target, key).dependencies.push(...targets);
  }) as ClassDecorator & MethodDecorator;
}

/** A function dependency whose parameters are declared with the usual parameter decorators. */
export interface FunctionDependency<T = unknown> {
  readonly name: string;
  readonly use: (...args: never[]) => T;
  /** Holds the parameter records of `inject`, as if they decorated a constructor. */
  readonly host: Class;
}

const FUNCTION_DEPENDENCY = Symbol('decorum.functionDependency');

/**
 * Declares a function dependency: `inject` lists where each argument comes from, in order.
 * The function may be async, or a (async) generator: what it yields is injected, and the code after
 * `yield` runs after the response (with the error thrown in, if the request failed).
 * @example
 * export const pagination = dependency({
 *   inject: [Query('limit', { type: Int, default: 10, le: 100 }), Query('offset', { type: Int, default: 0 })],
 *   use: (limit: number, offset: number) => ({ limit, offset }),
 * });
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- argument types are given by the caller's function
export function dependency<T>(options: { inject?: ParameterDecorator[]; use: (...args: any[]) => T; name?: string }): FunctionDependency<T> {
  const name = options.name ?? (options.use.name || 'dependency');
  const host = { [name]: class {} }[name] as Class;
  (options.inject ?? []).forEach((decorate, index) => decorate(host, undefined, index));
  const dep: FunctionDependency<T> = { name, use: options.use, host };
  Object.defineProperty(dep, FUNCTION_DEPENDENCY, { value: true });
  return dep;
}

export function isFunctionDependency(value: unknown): value is FunctionDependency {
  return typeof value === 'object' && value !== null && FUNCTION_DEPENDENCY in value;
}
