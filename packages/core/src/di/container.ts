/**
 * The app's container: builds singletons once (async factories awaited, `onInit` hooks run) before the
 * app serves, compiles per-request resolvers for everything else, and shuts singletons down in reverse.
 */
import type { Binder } from '../compile/bind-params.js';
import type { DtoValidationOptions } from '../compile/validate-dto.js';
import type { Logger } from '../logger.js';
import { decorumErrors } from '../errors.js';
import type { CleanupScope } from '../metadata/records.js';
import { compileNodeResolver } from './resolve.js';
import type { DependencyNode, DependencyPlanner } from './plan.js';

type Hooked = { onInit?: () => unknown; onModuleInit?: () => unknown; onShutdown?: () => unknown;
  onApplicationShutdown?: () => unknown; onModuleDestroy?: () => unknown };

export class Container {
  readonly #planner: DependencyPlanner;
  readonly #singletons = new Map<DependencyNode, unknown>();
  readonly #building = new Map<DependencyNode, Promise<unknown>>();
  /** Owned singletons in creation order: shutdown walks it backwards. */
  readonly #created: unknown[] = [];

  constructor(
    planner: DependencyPlanner,
    /** How DTOs read by dependencies are validated (the app's setting). */
    readonly validation: DtoValidationOptions,
  ) {
    this.#planner = planner;
  }

  get planner(): DependencyPlanner {
    return this.#planner;
  }

  /** Creates every singleton reachable from `nodes` and every registered one, dependencies first. */
  async init(nodes: readonly DependencyNode[], logger: Logger): Promise<void> {
    const all = [...nodes, ...this.#planner.registered.map((t) => this.#planner.node(t, []))];
    for (const node of all) if (node.scope === 'singleton') await this.#singleton(node);
    for (const instance of this.#created) {
      const hooked = instance as Hooked;
      const init = hooked.onInit ?? hooked.onModuleInit;
      if (typeof init === 'function') await init.call(instance);
    }
    logger.debug({ singletons: this.#created.length }, 'container ready');
  }

  /** The built value of a singleton node; only after `init`. */
  singleton(node: DependencyNode): unknown {
    if (!this.#singletons.has(node)) throw decorumErrors.notBuiltAtStartup(node.label, node.scope);
    return this.#singletons.get(node);
  }

  has(node: DependencyNode): boolean {
    return this.#singletons.has(node);
  }

  /** A binder that yields `node`'s value for a request: a constant for singletons. */
  resolver(node: DependencyNode, useCache: boolean, cleanupScope: CleanupScope = 'request'): Binder {
    return compileNodeResolver(node, useCache, this, cleanupScope);
  }

  async shutdown(logger: Logger): Promise<void> {
    for (const instance of [...this.#created].reverse()) {
      const hooked = instance as Hooked & Partial<AsyncDisposable & Disposable>;
      const steps = [hooked.onModuleDestroy, hooked.onShutdown ?? hooked.onApplicationShutdown,
        hooked[Symbol.asyncDispose], hooked[Symbol.dispose]];
      for (const step of steps) {
        if (typeof step !== 'function') continue;
        try {
          await step.call(instance);
        } catch (error) {
          logger.error({ err: error }, 'provider shutdown failed');
        }
      }
    }
  }

  async #singleton(node: DependencyNode): Promise<unknown> {
    // A transient injected into a singleton is built afresh for each consumer, and never cached.
    if (node.scope === 'transient') return this.#create(node);
    if (this.#singletons.has(node)) return this.#singletons.get(node);
    let building = this.#building.get(node);
    if (!building) {
      building = this.#create(node).then((value) => {
        this.#singletons.set(node, value);
        return value;
      });
      this.#building.set(node, building);
    }
    return building;
  }

  async #create(node: DependencyNode): Promise<unknown> {
    const args: unknown[] = [];
    for (const arg of node.args) {
      // Planning guarantees that what is built at startup depends only on request-free nodes.
      args.push(arg.kind === 'node' ? await this.#singleton(arg.node) : undefined);
    }
    const value = await node.create(args);
    if (!node.external && typeof value === 'object' && value !== null) this.#created.push(value);
    return value;
  }
}
