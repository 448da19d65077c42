/**
 * OAuth2 scopes as dependencies see them (FastAPI's `Security(dep, scopes=[...])` and `SecurityScopes`).
 * A route or dependency asks for a dependency *with scopes*; every dependency below it that injects
 * `SecurityScopes` receives the union of the scopes required along its chain, and is planned (and cached
 * per request) once per distinct set of scopes.
 */
import { Forbidden, type HttpError } from '../http/http-error.js';
import { recordParam } from '../decorators/params.js';

/**
 * The scopes required along a dependency's chain, injected by type (constructor parameter typed
 * `SecurityScopes`) or with `Inject(SecurityScopes)` in a `dependency({ inject })`.
 */
export class SecurityScopes {
  readonly scopes: readonly string[];
  /** `scopes` space-separated, as in a `WWW-Authenticate` challenge and an OAuth2 `scope` value. */
  readonly scopeStr: string;

  constructor(scopes: readonly string[] = []) {
    this.scopes = Object.freeze([...scopes]);
    this.scopeStr = this.scopes.join(' ');
  }

  /** The required scopes the caller does not hold (empty when every one is granted). */
  missing(granted: Iterable<string>): string[] {
    const held = new Set(granted);
    return this.scopes.filter((scope) => !held.has(scope));
  }

  /**
   * Throws 403 `Not enough permissions` with `WWW-Authenticate: Bearer scope="…"` (RFC 6750 §3.1
   * `insufficient_scope`) unless every required scope is granted.
   */
  require(granted: Iterable<string>, challenge = 'Bearer'): void {
    if (this.missing(granted).length > 0) throw insufficientScope(this, challenge);
  }
}

export function insufficientScope(scopes: SecurityScopes, challenge = 'Bearer'): HttpError {
  const value = scopes.scopes.length > 0 ? `${challenge} scope="${scopes.scopeStr}"` : challenge;
  return new Forbidden('Not enough permissions', { 'www-authenticate': value });
}

const SCOPED = Symbol('decorum.scopedDependency');

/** What `Security()` returns: a parameter decorator that is also a value for `@UseDependencies`. */
export type ScopedDependency = ParameterDecorator & {
  readonly [SCOPED]: { readonly dependency: unknown; readonly scopes: readonly string[]; readonly useCache: boolean };
};

/**
 * A dependency that requires OAuth2 scopes (FastAPI's `Security`): as a parameter decorator it injects
 * `dependency`'s value like `@Depends`; in `@UseDependencies(...)` (or a route's `dependencies`) it runs
 * for its side effect. Dependencies below it that inject `SecurityScopes` see `scopes` joined with the
 * scopes of every `Security()` above them; OpenAPI documents the scopes on the operation.
 * @example
 * @Get('items') list(@Security(currentUser, { scopes: ['items:read'] }) user: User) {}
 * @Post('items') @UseDependencies(Security(currentUser, { scopes: ['items:write'] })) create() {}
 */
export function Security(dependency: unknown, options: { scopes?: readonly string[]; useCache?: boolean } = {}): ScopedDependency {
  const scoped = { dependency, scopes: [...(options.scopes ?? [])], useCache: options.useCache ?? true };
  const decorate: ParameterDecorator = (host, key, index) =>
    recordParam(host, key, { index, source: 'dependency', name: undefined, options: {}, target: marked, useCache: scoped.useCache });
  const marked = Object.defineProperty(decorate, SCOPED, { value: scoped }) as ScopedDependency;
  return marked;
}

export function scopedDependencyOf(value: unknown): ScopedDependency[typeof SCOPED] | undefined {
  return typeof value === 'function' && SCOPED in value ? (value as ScopedDependency)[SCOPED] : undefined;
}

/** The union of two scope lists, in first-seen order. */
export function joinScopes(outer: readonly string[], inner: readonly string[]): readonly string[] {
  if (inner.length === 0) return outer;
  if (outer.length === 0) return inner;
  return [...new Set([...outer, ...inner])];
}
