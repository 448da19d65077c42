/**
 * Planning, at bootstrap: every injectable target becomes a `DependencyNode` that says how to build it,
 * from what, in which scope, and which request parameters it reads (so they join the route's own).
 * All developer mistakes surface here: a missing provider (with its chain), a cycle, a singleton that
 * would capture request data, a type that metadata cannot express.
 */
import { decorumErrors } from '../errors.js';
import { readParamTypes } from '../metadata/read.js';
import { findClassRecord } from '../metadata/store.js';
import type { CleanupScope, Class, ParamRecord } from '../metadata/records.js';
import { toParamDef } from '../route-table/param-def.js';
import type { ParamDef } from '../route-table/route-def.js';
import { isFunctionDependency } from '../decorators/injection.js';
import { classScope, isInjectable, toProviderDef, type Provider, type ProviderDef } from './providers.js';
import { InjectionToken, tokenName, type Scope, type Token } from './tokens.js';
import { SecurityScopes, joinScopes, scopedDependencyOf } from './security-scopes.js';

export type ArgPlan =
  | { readonly kind: 'node'; readonly node: DependencyNode; readonly useCache: boolean; readonly cleanupScope?: CleanupScope;
      readonly scopes?: readonly string[] }
  | { readonly kind: 'param'; readonly param: ParamDef };

export interface DependencyNode {
  readonly label: string;
  /** What was asked for (before overrides): a class, token, `dependency()` or function. */
  readonly target: unknown;
  readonly scope: Scope;
  /** Reads request data, directly or through its dependencies: it can only be built per request. */
  readonly requestBound: boolean;
  readonly args: readonly ArgPlan[];
  readonly create: (args: unknown[]) => unknown;
  /** Request parameters read by this node and everything below it. */
  readonly params: readonly ParamDef[];
  /** A provided value (useValue), not owned: no lifecycle hooks run on it. */
  readonly external: boolean;
  /** Injects `SecurityScopes`, itself or below: planned, and cached per request, once per set of scopes. */
  readonly usesScopes: boolean;
}

export class DependencyPlanner {
  readonly #providers = new Map<unknown, ProviderDef>();
  readonly #overrides = new Map<unknown, unknown>();
  readonly #nodes = new Map<unknown, DependencyNode>();
  /** Nodes that see `SecurityScopes`, by target then by their sorted scopes (FastAPI's cache key). */
  readonly #scopedNodes = new Map<unknown, Map<string, DependencyNode>>();
  readonly #planning = new Set<unknown>();

  constructor(providers: readonly Provider[]) {
    for (const provider of providers) this.registerProvider(provider);
  }

  registerProvider(provider: Provider): void {
    const def = toProviderDef(provider);
    this.#providers.set(def.token, def);
  }

  /** Replaces a provider or a dependency for this app (tests). Only before planning. */
  override(target: unknown, replacement: unknown): void {
    this.#overrides.set(target, replacement);
  }

  /** Tokens of every registered provider (for eager singleton creation). */
  get registered(): readonly Token[] {
    return [...this.#providers.keys()] as Token[];
  }

  /**
   * The plan for an injected target; `chain` names who asked, for error messages; `scopes` are those
   * required by the `Security()` dependencies above it.
   */
  node(target: unknown, chain: readonly string[], scopes: readonly string[] = []): DependencyNode {
    const scoped = scopedDependencyOf(target);
    if (scoped) return this.node(scoped.dependency, chain, joinScopes(scopes, scoped.scopes));
    if (target === SecurityScopes) return scopesNode(scopes);
    const effective = this.#overrides.has(target) ? this.#overrides.get(target) : target;
    const key = effective;
    const scopesKey = [...scopes].sort().join(' ');
    const existing = this.#nodes.get(key) ?? this.#scopedNodes.get(key)?.get(scopesKey);
    if (existing) return existing;
    const label = labelOf(target);
    if (this.#planning.has(key)) {
      throw decorumErrors.providerCycle([...chain, label]);
    }
    this.#planning.add(key);
    try {
      const node = { ...this.#build(target, effective, [...chain, label], scopes), target };
      if (!node.usesScopes) this.#nodes.set(key, node);
      else {
        const byScopes = this.#scopedNodes.get(key) ?? new Map<string, DependencyNode>();
        this.#scopedNodes.set(key, byScopes.set(scopesKey, node));
      }
      return node;
    } finally {
      this.#planning.delete(key);
    }
  }

  #build(original: unknown, target: unknown, chain: readonly string[], scopes: readonly string[]): DependencyNode {
    const overridden = original !== target;
    const fromArgs = (scope: Scope, args: ArgPlan[], create: (args: unknown[]) => unknown) => this.#fromArgs(chain, scope, args, create);
    if (isFunctionDependency(target)) {
      return fromArgs('request', this.#hostArgs(target.host, chain, scopes), (args) => target.use(...(args as never[])));
    }
    if (typeof target === 'function' && !isClassLike(target, overridden ? original : undefined)) {
      // A plain function of the request context: FastAPI's simplest dependency.
      const fn = target as (ctx: unknown) => unknown;
      const ctxParam: ArgPlan = { kind: 'param', param: requestParam() };
      return fromArgs('request', [ctxParam], ([ctx]) => fn(ctx));
    }
    const def = this.#provider(original, target, chain);
    switch (def.kind) {
      case 'value':
        return { label: chain.at(-1) as string, target: original, scope: 'singleton', requestBound: false, args: [], create: () => def.value,
          params: [], external: true, usesScopes: false };
      case 'alias':
        return this.node(def.target, chain, scopes);
      case 'factory':
        return fromArgs(def.scope, def.inject.map((t) => nodeArg(this.node(t, chain, scopes))), (args) => def.factory(...args));
      case 'class': {
        const args = this.#classArgs(def.cls, chain, scopes);
        const Ctor = def.cls as new (...a: unknown[]) => unknown;
        return fromArgs(def.scope, args, (a) => new Ctor(...a));
      }
    }
  }

  #provider(original: unknown, target: unknown, chain: readonly string[]): ProviderDef {
    if (original !== target) {
      // An override replaces the provider of `original`: a class, or a provider object without `provide`.
      if (typeof target === 'function') return toProviderDef({ provide: original as Token, useClass: target as Class });
      return toProviderDef({ provide: original as Token, ...(target as object) } as Provider);
    }
    const registered = this.#providers.get(target);
    if (registered) return registered;
    if (isInjectable(target)) return { kind: 'class', token: target, cls: target, scope: classScope(target) };
    throw decorumErrors.providerMissing(chain, tokenName(target), typeof target === 'function');
  }

  /** Constructor arguments: decorated ones as recorded, the rest injected by their declared type. */
  #classArgs(cls: Class, chain: readonly string[], scopes: readonly string[]): ArgPlan[] {
    const designTypes = readParamTypes(cls, undefined);
    const records = findClassRecord(cls)?.ctorParams ?? [];
    const arity = Math.max(designTypes?.length ?? 0, cls.length, ...records.map((r) => r.index + 1));
    const args: ArgPlan[] = [];
    for (let index = 0; index < arity; index++) {
      const record = records.find((r) => r.index === index);
      if (record) args.push(this.#recordArg(record, designTypes, `${cls.name} constructor`, chain, scopes));
      else args.push(nodeArg(this.node(injectedType(cls, designTypes, index, chain), chain, scopes)));
    }
    return args;
  }

  /** A function dependency's `inject` list; without type metadata, scalar parameters default to strings. */
  #hostArgs(host: Class, chain: readonly string[], scopes: readonly string[]): ArgPlan[] {
    const records = [...(findClassRecord(host)?.ctorParams ?? [])].sort((a, b) => a.index - b.index);
    const designTypes = records.map(() => String);
    return records.map((record) => this.#recordArg(record, designTypes, `${host.name} dependency`, chain, scopes));
  }

  #recordArg(record: ParamRecord, designTypes: readonly unknown[] | undefined, where: string, chain: readonly string[],
    scopes: readonly string[]): ArgPlan {
    if (record.source === 'inject' || record.source === 'dependency') {
      // The edge keeps the scopes it adds, so the docs can sum them along each chain.
      const added = scopedDependencyOf(record.target)?.scopes;
      return { kind: 'node', node: this.node(record.target, chain, scopes), useCache: record.useCache ?? true, cleanupScope: record.cleanupScope,
        ...(added && { scopes: added }) };
    }
    return { kind: 'param', param: toParamDef(record, designTypes, where) };
  }

  /** Controllers are injected like classes without needing @Injectable(). */
  registerClass(cls: Class): void {
    if (!this.#providers.has(cls)) this.#providers.set(cls, { kind: 'class', token: cls, cls, scope: 'singleton' });
  }

  #fromArgs(chain: readonly string[], scope: Scope, args: ArgPlan[], create: (args: unknown[]) => unknown): DependencyNode {
    const label = chain.at(-1) as string;
    const readsRequest = args.some((a) => a.kind === 'param');
    const requestBound = readsRequest || args.some((a) => a.kind === 'node' && a.node.requestBound);
    if (scope === 'singleton' && requestBound) {
      const culprit = args.find((a) => a.kind === 'param' || a.node.requestBound);
      const what = culprit?.kind === 'param' ? `reads request data (${culprit.param.source} ${culprit.param.name ?? ''})`.replace(' )', ')')
        : `depends on ${culprit?.kind === 'node' ? culprit.node.label : 'a request-scoped provider'}, which is request-scoped`;
      throw decorumErrors.scopeMismatch(chain, label, what);
    }
    const params: ParamDef[] = [];
    for (const arg of args) {
      for (const p of arg.kind === 'param' ? [arg.param] : arg.node.params) {
        if (p.source === 'request' || p.source === 'response' || p.source === 'signal' || p.source === 'background' || p.source === 'websocket') continue;
        if (!params.some((q) => q.source === p.source && q.name === p.name)) params.push(p);
      }
    }
    const usesScopes = args.some((a) => a.kind === 'node' && a.node.usesScopes);
    return { label, target: undefined, scope, requestBound, args, create, params, external: false, usesScopes };
  }
}

/** `SecurityScopes` itself: a constant per set of scopes, never owned. */
function scopesNode(scopes: readonly string[]): DependencyNode {
  const value = new SecurityScopes(scopes);
  return { label: 'SecurityScopes', target: SecurityScopes, scope: 'singleton', requestBound: false, args: [], create: () => value,
    params: [], external: true, usesScopes: true };
}

/** Every target below `node` (itself included), depth first, each once. */
export function dependencyTargets(node: DependencyNode, seen = new Set<DependencyNode>()): unknown[] {
  if (seen.has(node)) return [];
  seen.add(node);
  return [node.target, ...node.args.flatMap((a) => (a.kind === 'node' ? dependencyTargets(a.node, seen) : []))];
}

/** A dependency a route resolves, with the scopes required along the chain that reaches it. */
export interface DependencyUse {
  readonly target: unknown;
  readonly scopes: readonly string[];
}

/** Every target below `node` with the scopes of its chain, each (target, scopes) once: what OpenAPI documents. */
export function dependencyUses(node: DependencyNode, scopes: readonly string[], seen = new Set<string>(), ids = new Map<DependencyNode, number>()): DependencyUse[] {
  if (!ids.has(node)) ids.set(node, ids.size);
  const id = ids.get(node);
  const key = `${id}:${[...scopes].sort().join(' ')}`;
  if (seen.has(key)) return [];
  seen.add(key);
  return [{ target: node.target, scopes }, ...node.args.flatMap((a) =>
    (a.kind === 'node' ? dependencyUses(a.node, joinScopes(scopes, a.scopes ?? []), seen, ids) : []))];
}

function nodeArg(node: DependencyNode): ArgPlan {
  return { kind: 'node', node, useCache: true };
}

function requestParam(): ParamDef {
  return { index: 0, source: 'request', name: undefined, type: { kind: 'unknown' }, required: false, hasDefault: false,
    default: undefined, constraints: {}, includeInSchema: false };
}

/** The token a constructor parameter is injected by: its declared class. */
function injectedType(cls: Class, designTypes: readonly unknown[] | undefined, index: number, chain: readonly string[]): unknown {
  const where = `${chain.join(' → ')}: constructor parameter #${index + 1} of ${cls.name}`;
  if (designTypes === undefined) {
    throw decorumErrors.injectMetadataMissing(where);
  }
  const type = designTypes[index];
  if (type === undefined) {
    throw decorumErrors.injectTypeUndefined(where, cls.name);
  }
  if (type === Object || type === String || type === Number || type === Boolean || type === Array) {
    throw decorumErrors.injectNotToken(where,
      type === Object ? 'with an interface, a union or a type alias (recorded as Object)' : `as ${(type as Class).name}`);
  }
  return type;
}

/** A class (injectable or registered) rather than a function of the request context. */
function isClassLike(fn: unknown, overriddenToken: unknown): boolean {
  if (overriddenToken !== undefined && typeof overriddenToken === 'function' && isInjectable(overriddenToken)) return true;
  return isInjectable(fn) || /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function labelOf(target: unknown): string {
  if (isFunctionDependency(target)) return target.name;
  if (target instanceof InjectionToken) return target.description;
  return tokenName(target);
}
