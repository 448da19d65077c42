/**
 * Operation ids name the methods of generated clients, so they must be unique, read like code, and above
 * all be stable: a route's id is a pure function of the route itself (as FastAPI's per-route
 * `generate_unique_id`), so adding, removing or reordering other routes never renames it.
 *
 * The id is `@Operation({ operationId })` when declared, else `generateOperationId(route)` when the app
 * gives one, else the controller and handler name (`ItemsController.readItem` → `itemsReadItem`). A
 * handler that serves several routes itself (`@Get('ping') @Get('healthz')`, `@All`) adds what tells its
 * own routes apart: the method (`proxyProxy_post`) and/or the path (`pingPing_healthz`). Two routes that
 * still share an id are a developer mistake, refused with the fix, never silently renumbered.
 */
import type { RouteDef } from '@decorumjs/core';
import { openApiErrors } from '../errors.js';

/** Makes the operation id of a route with none declared; it must depend on the route alone. */
export type GenerateOperationId = (route: RouteDef) => string;

export function assignOperationIds(routes: readonly RouteDef[], generate?: GenerateOperationId): Map<RouteDef, string> {
  const siblings = generate ? undefined : handlerSiblings(routes);
  const ids = new Map<RouteDef, string>();
  const owners = new Map<string, RouteDef>();
  for (const route of routes) {
    const declared = route.info.operationId;
    const id = declared ?? (generate ? generate(route) : defaultOperationId(route, siblings?.get(route)));
    const owner = owners.get(id);
    if (owner) throw duplicateId(id, owner, route, declared !== undefined || owner.info.operationId !== undefined);
    owners.set(id, route);
    ids.set(route, id);
  }
  return ids;
}

/** What varies among the routes one handler serves. */
interface Siblings {
  readonly methods: boolean;
  readonly paths: boolean;
}

function defaultOperationId(route: RouteDef, siblings: Siblings | undefined): string {
  const parts = [qualifiedName(route)];
  if (siblings?.methods) parts.push(route.method.toLowerCase());
  if (siblings?.paths) parts.push(pathSlug(route.openapiPath));
  return parts.join('_');
}

/**
 * For handlers that serve more than one route, whether those routes differ by method and by path. All
 * of a handler's routes come from its own decorators, so this reads the route's own declaration only.
 */
function handlerSiblings(routes: readonly RouteDef[]): Map<RouteDef, Siblings> {
  const byHandler = new Map<unknown, Map<string, RouteDef[]>>();
  for (const route of routes) {
    const handlers = byHandler.get(route.controller) ?? new Map<string, RouteDef[]>();
    byHandler.set(route.controller, handlers);
    handlers.set(route.handlerName, [...(handlers.get(route.handlerName) ?? []), route]);
  }
  const out = new Map<RouteDef, Siblings>();
  for (const handlers of byHandler.values()) {
    for (const own of handlers.values()) {
      if (own.length < 2) continue;
      const siblings = {
        methods: new Set(own.map((r) => r.method)).size > 1,
        paths: new Set(own.map((r) => r.openapiPath)).size > 1,
      };
      for (const route of own) out.set(route, siblings);
    }
  }
  return out;
}

/** `UsersController.list` → `usersList`. */
function qualifiedName(route: RouteDef): string {
  const controller = route.controller.name.replace(/Controller$/, '') || route.controller.name;
  const handler = route.handlerName;
  return `${controller.charAt(0).toLowerCase()}${controller.slice(1)}${handler.charAt(0).toUpperCase()}${handler.slice(1)}`;
}

/** `/items/{item_id}/tags` → `items_item_id_tags`; `/` → `root`. */
function pathSlug(path: string): string {
  return path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'root';
}

function duplicateId(id: string, first: RouteDef, second: RouteDef, declared: boolean): Error {
  const routes = `${first.method} ${first.openapiPath} ${first.id} and ${second.method} ${second.openapiPath} ${second.id}`;
  return openApiErrors.operationIdTaken(id, declared, routes);
}
