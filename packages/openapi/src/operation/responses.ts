/**
 * A route's request body and responses: the success response (the route's status, with its response
 * model), each `@ApiResponse`, and the validation error response every operation with input can give.
 */
import { STATUS_TEXT, type RouteDef, type TypeRef } from '@decorumjs/core';
import type { JsonSchema, RequestBodyObject, ResponseObject } from '../openapi-types.js';
import {
  HTTP_VALIDATION_ERROR, VALIDATION_ERROR, refTo, toJsonValue, type SchemaMode, type SchemaRegistry,
} from '../schema/schema-registry.js';
import { buildFormBody } from './form-body.js';
import { documentedParams } from './parameters.js';

/** Statuses whose responses have no body (RFC 9110 §15.3.5, §15.3.6, §15.4.5). */
const NO_CONTENT = new Set([204, 205, 304]);

export function buildRequestBody(route: RouteDef, registry: SchemaRegistry): RequestBodyObject | undefined {
  const bodies = documentedParams(route).filter((p) => p.source === 'body');
  if (bodies.length === 0) return buildFormBody(route, registry);
  const whole = bodies.find((p) => p.name === undefined);
  if (whole) return json(registry.typeSchema(whole.type), whole.required);
  // `@Body('item')` reads one key of the body (FastAPI's embedded body): the body is an object of those keys.
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const param of bodies) {
    const name = param.name ?? '';
    const fallback = param.hasDefault ? toJsonValue(param.default) : undefined;
    properties[name] = {
      ...registry.typeSchema(param.type),
      ...(param.description !== undefined && { description: param.description }),
      ...(fallback !== undefined && { default: fallback }),
    };
    if (param.required) required.push(name);
  }
  const schema = { type: 'object', properties, ...(required.length > 0 && { required }) };
  return json(schema, required.length > 0);
}

export interface ResponseOptions {
  /** The status validation errors are answered with (422, or the app's `validation.status`). */
  readonly validationStatus: number;
}

export function buildResponses(route: RouteDef, registry: SchemaRegistry, options: ResponseOptions): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {};
  const declaredSuccess = route.responses.find((r) => r.status === route.status);
  // The response model fills defaults in (the output schema), unless the route leaves unset or
  // default fields out; types named only by @ApiResponse are written as the code makes them.
  const type = declaredSuccess?.type ?? route.responseModel;
  const trims = route.responseModelOptions?.excludeUnset === true || route.responseModelOptions?.excludeDefaults === true;
  const mode = type === route.responseModel && !trims ? 'output' : 'input';
  const description = declaredSuccess?.description ?? 'Successful Response';
  responses[String(route.status)] = route.streams && !NO_CONTENT.has(route.status)
    ? stream(route.streams, description, type, registry, mode)
    : route.produces && !NO_CONTENT.has(route.status)
      ? produced(route.produces, description, type, registry, mode)
      : response(route.status, description, type, registry, true, mode);
  for (const declared of route.responses) {
    if (declared.status === route.status) continue;
    const description = declared.description ?? STATUS_TEXT[declared.status] ?? 'Response';
    responses[String(declared.status)] = response(declared.status, description, declared.type, registry, false, 'input');
  }
  const status = String(options.validationStatus);
  if (documentedParams(route).length > 0 && !(status in responses)) {
    responses[status] = { description: 'Validation Error', content: { 'application/json': { schema: validationErrorRef(registry) } } };
  }
  return responses;
}

/**
 * A success response without a model still has a JSON body of any shape (`schema: {}`), as FastAPI
 * documents it; other responses get content only when they name a type.
 */
function response(
  status: number, description: string, type: TypeRef | undefined, registry: SchemaRegistry, success: boolean, mode: SchemaMode,
): ResponseObject {
  if (NO_CONTENT.has(status) || (type === undefined && !success)) return { description };
  const schema = type === undefined ? {} : registry.typeSchema(type, mode);
  return { description, content: { 'application/json': { schema } } };
}

/** A declared media type: JSON ones keep the model's schema, text is a string, anything else binary. */
function produced(
  mediaType: string, description: string, type: TypeRef | undefined, registry: SchemaRegistry, mode: SchemaMode,
): ResponseObject {
  const base = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  const schema: JsonSchema = base === 'application/json' || base.endsWith('+json')
    ? (type === undefined ? {} : registry.typeSchema(type, mode))
    : base.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' };
  return { description, content: { [mediaType]: { schema } } };
}

/**
 * A generator handler's stream: `application/jsonl`, one item per line. OpenAPI 3.1 has no keyword for
 * the schema of each item (3.2's `itemSchema`), so `schema` names the item and the description says so.
 */
/** A streamed success: the schema is one item's (a JSON line's, or an event's `data`). */
function stream(
  kind: 'jsonl' | 'sse', description: string, type: TypeRef | undefined, registry: SchemaRegistry, mode: SchemaMode,
): ResponseObject {
  const schema = type === undefined ? {} : registry.typeSchema(type, mode);
  if (kind === 'jsonl') return { description: `${description}: JSON Lines, one item per line`, content: { 'application/jsonl': { schema } } };
  return {
    description: `${description}: Server-Sent Events; the schema is each event's data (sent as JSON)`,
    content: { 'text/event-stream': { schema } },
  };
}

function json(schema: JsonSchema, required: boolean): RequestBodyObject {
  return { required, content: { 'application/json': { schema } } };
}

/** FastAPI's `HTTPValidationError` and `ValidationError` components, with the same names and shape. */
export function validationErrorRef(registry: SchemaRegistry): JsonSchema {
  registry.define(VALIDATION_ERROR, {
    type: 'object',
    title: VALIDATION_ERROR,
    properties: {
      loc: { type: 'array', title: 'Location', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
      msg: { type: 'string', title: 'Message' },
      type: { type: 'string', title: 'Error Type' },
      input: { title: 'Input' },
      ctx: { type: 'object', title: 'Context' },
    },
    required: ['loc', 'msg', 'type'],
  });
  return registry.define(HTTP_VALIDATION_ERROR, {
    type: 'object',
    title: HTTP_VALIDATION_ERROR,
    properties: { detail: { type: 'array', title: 'Detail', items: refTo(VALIDATION_ERROR) } },
  });
}
