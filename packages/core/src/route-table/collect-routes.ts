/**
 * Stage 2: controller records → the route table. Runs once at bootstrap; every developer mistake it
 * can see (a duplicate route, a parameter missing from the path, a type it cannot coerce) stops the
 * app here with a message that names the handler and the fix.
 */
import { decorumErrors } from '../errors.js';
import { FileResponse } from '../http/file-response.js';
import { readParamTypes, readReturnType, readValidationRules } from '../metadata/read.js';
import { findClassRecord } from '../metadata/store.js';
import {
  HTTP_METHODS, type Class, type ClassRecord, type HttpMethod, type MethodRecord, type ParamRecord,
} from '../metadata/records.js';
import { STRING, toTypeRef, type TypeRef } from '../schema/type-spec.js';
import { parsePath } from './path.js';
import { resolveTypeSpec, toParamDef } from './param-def.js';
import type { ParamDef, RouteDef, WebSocketDef } from './route-def.js';

export interface CollectOptions {
  /** Prefix and tags added by a group (`include` of a module), and its dependencies. */
  readonly prefix?: string;
  readonly tags?: readonly string[];
  readonly dependencies?: readonly unknown[];
}

export function collectRoutes(controllers: readonly Class[], options: CollectOptions = {}): RouteDef[] {
  const routes: RouteDef[] = [];
  for (const controller of controllers) routes.push(...collectController(controller, options));
  checkDuplicates(routes);
  return routes;
}

function collectController(controller: Class, options: CollectOptions): RouteDef[] {
  const record = findClassRecord(controller);
  if (!record?.controller) {
    throw decorumErrors.controllerUndecorated(controller.name ?? String(controller));
  }
  const prefix = joinPrefix(options.prefix ?? '', record.controller.prefix);
  const routes: RouteDef[] = [];
  for (const [handlerName, method] of inheritedMethods(controller)) {
    for (const routeRecord of method.routes) {
      const methods: readonly HttpMethod[] = routeRecord.method === 'ALL' ? HTTP_METHODS : [routeRecord.method];
      for (const httpMethod of methods) {
        routes.push(buildRoute({ controller, record, handlerName, method, httpMethod, prefix, path: routeRecord.path, options }));
      }
    }
  }
  return routes;
}

/** Methods with their records, base classes first so subclasses override by name. */
function inheritedMethods(controller: Class): Map<string, MethodRecord> {
  const chain: Class[] = [];
  for (let c: unknown = controller; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    chain.unshift(c as Class);
  }
  const methods = new Map<string, MethodRecord>();
  for (const c of chain) for (const [name, method] of findClassRecord(c)?.methods ?? []) methods.set(name, method);
  return methods;
}

interface BuildInput {
  controller: Class;
  record: ClassRecord;
  handlerName: string;
  method: MethodRecord;
  httpMethod: HttpMethod;
  prefix: string;
  path: string;
  options: CollectOptions;
}

function buildRoute(input: BuildInput): RouteDef {
  const { controller, record, handlerName, method, httpMethod, options } = input;
  const where = `${controller.name}.${handlerName}`;
  if (typeof (controller.prototype as Record<string, unknown>)[handlerName] !== 'function') {
    throw decorumErrors.routeNotMethod(where);
  }
  const parsed = parsePath(input.prefix, input.path, `${httpMethod} route of ${where}`);
  const params = collectParams(controller, handlerName, method.params, where);
  for (const param of params) {
    if (param.source === 'path' && param.name !== undefined && !parsed.params.includes(param.name)) {
      throw decorumErrors.paramNotInPath(where, param.name, parsed.path, parsed.params);
    }
  }
  // Path parameters no argument reads still exist on the wire and in the OpenAPI document.
  for (const name of parsed.params) {
    if (!params.some((p) => p.source === 'path' && p.name === name)) {
      params.push({ index: -1, source: 'path', name, type: STRING, required: true, hasDefault: false,
        default: undefined, constraints: {}, includeInSchema: true });
    }
  }
  checkWebSocketParams(where, method, params);
  const controllerInfo = { ...record.controller, ...record.controllerInfo };
  // A module's tags come first; a controller with no tags of its own is tagged by its name, unless its module tags it.
  const groupTags = options.tags ?? [];
  const ownTags = method.tags ?? controllerInfo.tags ?? (groupTags.length ? [] : [defaultTag(controller)]);
  const tags = [...new Set([...groupTags, ...ownTags])];
  return {
    id: where,
    method: httpMethod,
    path: parsed.path,
    openapiPath: parsed.openapiPath,
    pathParams: parsed.params,
    controller,
    handlerName,
    params,
    status: method.status ?? 200,
    headers: method.headers,
    responseModel: method.responseModel === undefined ? returnTypeModel(controller, handlerName, where) : resolveTypeSpec(method.responseModel, `${where} @ResponseModel`),
    ...(method.responseModelOptions && { responseModelOptions: method.responseModelOptions }),
    validationMode: method.validationMode,
    ...producesOf(method.produces, controller, handlerName),
    ...(method.websocket ? { websocket: webSocketDef(method.websocket, where) }
      : method.sse ? { streams: 'sse' as const, sse: { ...method.sse } }
        : isGeneratorFunction((controller.prototype as Record<string, unknown>)[handlerName]) && { streams: 'jsonl' as const }),
    responses: method.responses.map((r) => ({
      status: r.status, description: r.description,
      type: r.type === undefined ? undefined : resolveTypeSpec(r.type, `${where} @ApiResponse(${r.status})`),
    })),
    info: {
      summary: method.summary,
      description: method.description,
      deprecated: method.deprecated ?? controllerInfo.deprecated,
      operationId: method.operationId,
      tags: [...tags],
      includeInSchema: method.includeInSchema ?? controllerInfo.includeInSchema ?? true,
    },
    dependencies: [...(options.dependencies ?? []), ...record.controllerDependencies, ...method.dependencies],
    extensions: new Map([...record.controllerExtensions, ...method.extensions]),
    guards: [...record.controllerGuards, ...method.guards],
    interceptors: [...record.controllerInterceptors, ...method.interceptors],
    pipes: [...record.controllerPipes, ...method.pipes],
  };
}

/** Handler parameters in argument order; every argument must carry a decorator. */
export function collectParams(target: Class, method: string | undefined, records: readonly ParamRecord[], where: string): ParamDef[] {
  const designTypes = readParamTypes(target, method);
  const fn = method === undefined ? target : (target.prototype as Record<string, unknown>)[method];
  const arity = Math.max(designTypes?.length ?? 0, typeof fn === 'function' ? fn.length : 0);
  const byIndex = new Map(records.map((r) => [r.index, r]));
  const params: ParamDef[] = [];
  for (let index = 0; index < arity; index++) {
    const paramRecord = byIndex.get(index);
    if (!paramRecord) {
      throw decorumErrors.paramUndecorated(where, index);
    }
    params.push(toParamDef(paramRecord, designTypes, where));
  }
  if (records.some((r) => r.index >= arity) && designTypes === undefined) {
    throw decorumErrors.routeMetadataMissing(where);
  }
  return params;
}

export function checkDuplicates(routes: readonly RouteDef[]): void {
  const seen = new Map<string, RouteDef>();
  for (const route of routes) {
    // `/a/:id` and `/a/:name` are the same route to a router, and so are `/a` and `/a/`.
    const key = `${route.method} ${route.path.replace(/:[^/]+/g, ':').replace(/(.)\/$/, '$1')}`;
    const previous = seen.get(key);
    if (previous) {
      throw decorumErrors.routeDuplicate(route.method, route.path, previous.id, route.id);
    }
    seen.set(key, route);
  }
}

function joinPrefix(a: string, b: string): string {
  return [a, b].filter((s) => s !== '' && s !== '/').join('/');
}

/** A WebSocket session has no request body, and only a WebSocket route has a connection to give. */
function checkWebSocketParams(where: string, method: MethodRecord, params: readonly ParamDef[]): void {
  if (method.websocket) {
    const read = params.find((p) => p.source === 'body' || p.source === 'form' || p.source === 'file');
    if (read) throw decorumErrors.websocketBody(where, read.source);
    if (method.routes.length > 1 || method.sse) throw decorumErrors.websocketRouteMixed(where);
  } else if (params.some((p) => p.source === 'websocket')) {
    throw decorumErrors.connectedSocketOutside(where);
  }
}

function webSocketDef(declared: NonNullable<MethodRecord['websocket']>, where: string): WebSocketDef {
  return {
    ...(declared.message !== undefined && { message: resolveTypeSpec(declared.message, `${where} @WebSocketRoute message`) }),
    // Only documented: a plain class (no class-validator rules, so no shape Decorum can read) is named, not refused.
    ...(declared.send !== undefined && (isPlainClass(declared.send)
      ? { sendTitle: declared.send.name }
      : { send: resolveTypeSpec(declared.send, `${where} @WebSocketRoute send`) })),
    subprotocols: [...declared.subprotocols],
  };
}

function isPlainClass(spec: unknown): spec is Class {
  return typeof spec === 'function' && toTypeRef(spec)?.kind === 'dto' && readValidationRules(spec as Class).length === 0;
}

/** `ItemsController` → `Items`. */
function defaultTag(controller: Class): string {
  return controller.name.replace(/Controller$/, '') || controller.name;
}

/** An `async *` or `function*` handler: its items are streamed as JSON Lines (FastAPI 0.134+). */
function isGeneratorFunction(fn: unknown): boolean {
  const kind = Object.prototype.toString.call(fn);
  return kind === '[object AsyncGeneratorFunction]' || kind === '[object GeneratorFunction]';
}

/**
 * A handler's declared return type as its response model, as FastAPI reads a return annotation: a
 * synchronous `read(): ItemOut` records `ItemOut` in `design:returntype`. Only a DTO class counts (one
 * with class-validator rules); `Promise`, arrays, primitives and `HttpResponse` say nothing usable, so
 * async handlers still name their model with `@ResponseModel`, which also overrides this.
 */
function producesOf(declared: string | undefined, controller: Class, handlerName: string): { produces?: string } {
  if (declared !== undefined) return { produces: declared };
  const returned = readReturnType(controller, handlerName);
  const isFile = typeof returned === 'function' && (returned === FileResponse || returned.prototype instanceof FileResponse);
  return isFile ? { produces: 'application/octet-stream' } : {};
}

function returnTypeModel(controller: Class, handlerName: string, where: string): TypeRef | undefined {
  const declared = readReturnType(controller, handlerName);
  if (typeof declared !== 'function' || declared === Promise || declared === Object || declared === Array) return undefined;
  if (readValidationRules(declared as Class).length === 0) return undefined;
  return resolveTypeSpec(declared, `${where} return type`);
}
