/**
 * Operation ids name the methods of generated clients, so they must be unique, stable, and read like
 * code. A route's id is its `operationId` if one is declared, else its handler's name (`readItem`);
 * a handler name used by several routes is qualified by its controller (`usersList`, `itemsList`), or
 * by the HTTP method (`proxy_get`, for `@All`), or both; routes nothing tells apart are numbered.
 */
import type { RouteDef } from '@decorumjs/core';
import { openApiErrors } from '../errors.js';

export function assignOperationIds(routes: readonly RouteDef[]): Map<RouteDef, string> {
  const ids = new Map<RouteDef, string>();
  const taken = new Set<string>();
  for (const route of routes) {
    const declared = route.info.operationId;
    if (declared === undefined) continue;
    if (taken.has(declared)) {
      throw openApiErrors.operationIdTaken(declared, route.id);
    }
    taken.add(declared);
    ids.set(route, declared);
  }
  const generated = routes.filter((r) => !ids.has(r));
  const counts = CANDIDATES.map((candidate) => countBy(generated, candidate));
  for (const route of generated) {
    const unique = CANDIDATES.map((candidate) => candidate(route)).find((id, level) => counts[level]?.get(id) === 1 && !taken.has(id));
    // Nothing tells the routes apart (one handler on two paths): number them in route order.
    const base = unique ?? route.handlerName;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    ids.set(route, id);
  }
  return ids;
}

/** Ever more specific names; a route takes the first one no other route shares. */
const CANDIDATES: readonly ((route: RouteDef) => string)[] = [
  (route) => route.handlerName,
  (route) => qualifiedName(route),
  (route) => `${route.handlerName}_${route.method.toLowerCase()}`,
  (route) => `${qualifiedName(route)}_${route.method.toLowerCase()}`,
];

/** `UsersController.list` → `usersList`. */
function qualifiedName(route: RouteDef): string {
  const controller = route.controller.name.replace(/Controller$/, '') || route.controller.name;
  const handler = route.handlerName;
  return `${controller.charAt(0).toLowerCase()}${controller.slice(1)}${handler.charAt(0).toUpperCase()}${handler.slice(1)}`;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
