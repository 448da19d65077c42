/**
 * The OpenAPI document as a pure function of the route table, as FastAPI's `get_openapi(routes)`: the
 * router and the docs read the same `RouteDef`s, so they cannot disagree. Decorators are never re-read.
 */
import type { AppInfo, HttpMethod, RouteDef, RouteTable } from '@decorumjs/core';
import type { OpenApiDocument, OperationObject, PathItemObject, TagObject } from './openapi-types.js';
import { assignOperationIds, type GenerateOperationId } from './operation/operation-ids.js';
import { buildParameters } from './operation/parameters.js';
import { buildRequestBody, buildResponses } from './operation/responses.js';
import { buildWebSocketExtension, buildWebSocketResponses } from './operation/websocket.js';
import { SchemaRegistry } from './schema/schema-registry.js';
import { SecuritySchemes, routeSecurity } from './security/route-security.js';

export interface BuildOpenApiOptions {
  /** The status of validation errors; use the app's `validation.status` (422 by default, as FastAPI). */
  validationStatus?: number;
  /** Descriptions of tags, listed at the top of the document in this order. */
  tags?: TagObject[];
  /**
   * Makes the operation id of each route that declares none (FastAPI's `generate_unique_id_function`).
   * It must depend on the route alone, so one route's id never changes when another is added.
   * The default is the controller and handler name: `ItemsController.readItem` → `itemsReadItem`.
   */
  generateOperationId?: GenerateOperationId;
}

const OPENAPI_METHODS: Readonly<Record<HttpMethod, keyof PathItemObject>> = {
  GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete', HEAD: 'head', OPTIONS: 'options',
};

/**
 * Builds an OpenAPI 3.1.0 document (schemas are JSON Schema 2020-12) from a route table.
 * @example
 * const document = buildOpenApi(app.routes, app.info);
 * await writeFile('openapi.json', JSON.stringify(document, null, 2));
 */
export function buildOpenApi(routes: RouteTable, info: AppInfo, options: BuildOpenApiOptions = {}): OpenApiDocument {
  const documented = routes.filter((r) => r.info.includeInSchema);
  const operationIds = assignOperationIds(documented, options.generateOperationId);
  const registry = new SchemaRegistry();
  const security = new SecuritySchemes();
  const paths: Record<string, PathItemObject> = {};
  for (const route of documented) {
    const operation = buildOperation(route, operationIds.get(route) ?? route.handlerName, registry, security, options);
    (paths[route.openapiPath] ??= {})[OPENAPI_METHODS[route.method]] = operation;
  }
  const schemas = registry.components();
  const securitySchemes = security.components();
  return {
    openapi: '3.1.0',
    info: {
      title: info.title ?? 'Decorum',
      version: info.version ?? '0.1.0',
      ...(info.description !== undefined && { description: info.description }),
    },
    ...(info.servers !== undefined && info.servers.length > 0 && { servers: info.servers.map((s) => ({ ...s })) }),
    paths,
    ...((Object.keys(schemas).length > 0 || securitySchemes) && {
      components: {
        ...(Object.keys(schemas).length > 0 && { schemas }),
        ...(securitySchemes && { securitySchemes }),
      },
    }),
    ...(options.tags !== undefined && options.tags.length > 0 && { tags: options.tags.map((t) => ({ ...t })) }),
  };
}

function buildOperation(
  route: RouteDef, operationId: string, registry: SchemaRegistry, security: SecuritySchemes, options: BuildOpenApiOptions,
): OperationObject {
  const { summary, description, tags, deprecated } = route.info;
  const parameters = buildParameters(route, registry);
  const requestBody = buildRequestBody(route, registry);
  const requirement = security.requirement(routeSecurity(route));
  return {
    ...(tags.length > 0 && { tags: [...tags] }),
    summary: summary ?? humanize(route.handlerName),
    ...(description !== undefined && { description }),
    operationId,
    ...(parameters.length > 0 && { parameters }),
    ...(requestBody && { requestBody }),
    responses: route.websocket
      ? buildWebSocketResponses(route, registry, { validationStatus: options.validationStatus ?? 422, secured: requirement !== undefined })
      : buildResponses(route, registry, { validationStatus: options.validationStatus ?? 422 }),
    ...(deprecated && { deprecated: true }),
    ...(requirement && { security: requirement }),
    ...(route.websocket && { 'x-websocket': buildWebSocketExtension(route.websocket, registry) }),
  };
}

/** `readItem` → `Read Item`, as FastAPI titles `read_item`: a readable default summary. */
function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().split(/\s+/);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
