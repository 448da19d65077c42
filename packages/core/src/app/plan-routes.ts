/**
 * The app's route table: its own controllers and every module's (prefixes, tags and dependencies
 * inherited down the tree), checked for duplicates, each route's dependencies planned (so DI mistakes
 * fail here) and the request parameters they read added to the route's own.
 */
import { dependencyTargets, dependencyUses, type DependencyNode, type DependencyPlanner, type DependencyUse } from '../di/plan.js';
import { scopedDependencyOf } from '../di/security-scopes.js';
import type { Provider } from '../di/providers.js';
import type { Class } from '../metadata/records.js';
import { checkDuplicates, collectRoutes } from '../route-table/collect-routes.js';
import type { ParamDef, RouteDef } from '../route-table/route-def.js';
import type { ModuleDef } from './module.js';

export interface AppRouteSources {
  readonly controllers: readonly Class[];
  readonly modules: readonly ModuleDef[];
  /** The app's own side-effect dependencies, inherited by every route. */
  readonly dependencies: readonly unknown[];
}

export function planAppRoutes(sources: AppRouteSources, planner: DependencyPlanner): RouteDef[] {
  const routes = collectRoutes(sources.controllers, { dependencies: sources.dependencies });
  const visit = (module: ModuleDef, prefix: string, tags: readonly string[], dependencies: readonly unknown[]) => {
    const modulePrefix = [prefix, module.prefix ?? ''].filter((p) => p !== '' && p !== '/').join('/');
    const moduleTags = [...tags, ...(module.tags ?? [])];
    const moduleDependencies = [...dependencies, ...(module.dependencies ?? [])];
    routes.push(...collectRoutes(module.controllers ?? [], {
      prefix: modulePrefix, tags: moduleTags.length ? moduleTags : undefined, dependencies: moduleDependencies,
    }));
    for (const child of module.modules ?? []) visit(child, modulePrefix, moduleTags, moduleDependencies);
  };
  for (const module of sources.modules) visit(module, '', [], sources.dependencies);
  checkDuplicates(routes);
  return routes.map((route) => withDependencyParams(route, planner));
}

/** What a route resolves through the container: side-effect dependencies, then `@Depends`/`@Inject` targets. */
export function injectedTargets(route: RouteDef): unknown[] {
  return [...route.dependencies, ...route.params.filter((p) => p.source === 'dependency' || p.source === 'inject').map((p) => p.target)];
}

export function moduleProviders(modules: readonly ModuleDef[]): Provider[] {
  return modules.flatMap((m) => [...(m.providers ?? []), ...moduleProviders(m.modules ?? [])]);
}

function withDependencyParams(route: RouteDef, planner: DependencyPlanner): RouteDef {
  planner.registerClass(route.controller);
  planner.node(route.controller, []);
  const extra: ParamDef[] = [];
  const seen = new Set<DependencyNode>();
  const targets: unknown[] = [];
  const uses: DependencyUse[] = [];
  const usesSeen = new Set<string>();
  const ids = new Map<DependencyNode, number>();
  for (const target of injectedTargets(route)) {
    const node = planner.node(target, [route.id]);
    targets.push(...dependencyTargets(node, seen));
    uses.push(...dependencyUses(node, scopedDependencyOf(target)?.scopes ?? [], usesSeen, ids));
    for (const param of node.params) {
      const known = [...route.params, ...extra].some((p) => p.source === param.source && p.name === param.name);
      if (!known) extra.push({ ...param, index: -1 });
    }
  }
  return { ...route, params: [...route.params, ...extra], dependencyTargets: targets, dependencyUses: uses };
}
