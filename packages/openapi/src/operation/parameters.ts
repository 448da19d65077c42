/**
 * A route's path, query, header and cookie parameters → OpenAPI Parameter Objects. A whole-query DTO
 * (`@Query() filter: ItemFilter`), header model or cookie model becomes one parameter per property, as
 * the client sends them (a header property `user_agent` is the `user-agent` header, as in FastAPI).
 * Parameters that dependencies read are on the route too (index -1), so they are documented as well.
 */
import { dtoShape, wireName, type ParamDef, type RouteDef } from '@decorumjs/core';
import type { JsonSchema, ParameterObject } from '../openapi-types.js';
import { isRequired, propertySchema } from '../schema/dto-schema.js';
import { toJsonValue, withNull, type SchemaRegistry } from '../schema/schema-registry.js';

type WireSource = ParameterObject['in'];
const WIRE_SOURCES: ReadonlySet<string> = new Set<WireSource>(['path', 'query', 'header', 'cookie']);
const BODY_SOURCES: ReadonlySet<string> = new Set(['body', 'form', 'file']);
/**
 * OpenAPI says header parameters with these names "SHALL be ignored": content negotiation and security
 * schemes describe them. An auth dependency reading `authorization` is documented by its scheme instead.
 */
const IGNORED_HEADERS: ReadonlySet<string> = new Set(['accept', 'content-type', 'authorization']);

/** Params that reach the wire and the docs: what the 422 can be about besides the body. */
export function documentedParams(route: RouteDef): ParamDef[] {
  return route.params.filter((p) => p.includeInSchema && (WIRE_SOURCES.has(p.source) || BODY_SOURCES.has(p.source)));
}

export function buildParameters(route: RouteDef, registry: SchemaRegistry): ParameterObject[] {
  const parameters = new Map<string, ParameterObject>();
  const add = (parameter: ParameterObject) => {
    // A handler and its dependency may read the same value; the wire carries it once.
    const key = `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
    if (parameter.in === 'header' && IGNORED_HEADERS.has(parameter.name.toLowerCase())) return;
    if (!parameters.has(key)) parameters.set(key, parameter);
  };
  for (const param of documentedParams(route)) {
    if (!WIRE_SOURCES.has(param.source)) continue;
    const where = param.source as WireSource;
    if (param.name !== undefined) add(scalarParameter(param, where, registry));
    else if (param.type.kind === 'dto') for (const parameter of dtoParameters(param.type.dto, where, registry)) add(parameter);
  }
  return [...parameters.values()];
}

function scalarParameter(param: ParamDef, where: WireSource, registry: SchemaRegistry): ParameterObject {
  let schema = withConstraints(registry.typeSchema(param.type), param);
  if (param.hasDefault) {
    if (param.default === null) schema = withNull(schema);
    const fallback = toJsonValue(param.default);
    if (fallback !== undefined) schema = { ...schema, default: fallback };
  }
  return {
    name: param.name ?? '',
    in: where,
    required: where === 'path' || param.required,
    schema,
    ...(param.description !== undefined && { description: param.description }),
    ...(param.example !== undefined && { example: toJsonValue(param.example) ?? null }),
    ...(param.deprecated && { deprecated: true }),
  };
}

/** FastAPI's `gt/ge/lt/le`, lengths and pattern; on an array, lengths count items and the rest apply to each item. */
function withConstraints(schema: JsonSchema, param: ParamDef): JsonSchema {
  const { gt, ge, lt, le, minLength, maxLength, pattern } = param.constraints;
  const valueKeywords: JsonSchema = {
    ...(gt !== undefined && { exclusiveMinimum: gt }), ...(ge !== undefined && { minimum: ge }),
    ...(lt !== undefined && { exclusiveMaximum: lt }), ...(le !== undefined && { maximum: le }),
    ...(pattern !== undefined && { pattern }),
  };
  if (schema.type === 'array') {
    return {
      ...schema,
      ...(minLength !== undefined && { minItems: minLength }), ...(maxLength !== undefined && { maxItems: maxLength }),
      items: { ...(schema.items as JsonSchema), ...valueKeywords },
    };
  }
  return {
    ...schema, ...valueKeywords,
    ...(minLength !== undefined && { minLength }), ...(maxLength !== undefined && { maxLength }),
  };
}

function dtoParameters(dto: Parameters<typeof dtoShape>[0], where: WireSource, registry: SchemaRegistry): ParameterObject[] {
  return dtoShape(dto).properties.map((property) => {
    const { description, examples, deprecated, ...schema } = propertySchema(property, registry);
    return {
      name: wireName(where, property.name),
      in: where,
      required: where === 'path' || isRequired(property),
      schema,
      ...(typeof description === 'string' && { description }),
      ...(Array.isArray(examples) && { example: examples[0] as unknown }),
      ...(deprecated === true && { deprecated: true }),
    };
  });
}
