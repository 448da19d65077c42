/**
 * A form route's request body: `application/x-www-form-urlencoded` for fields alone, and
 * `multipart/form-data` as soon as the route takes a file (as FastAPI documents them), with files as
 * `{ type: 'string', format: 'binary' }` so Swagger UI shows a file picker. Named `@Form`/`@File`
 * parameters are the properties of one object schema; a form DTO alone is its own schema.
 */
import { bodyKindOf, type RouteDef } from '@decorumjs/core';
import type { JsonSchema, RequestBodyObject } from '../openapi-types.js';
import { toJsonValue, type SchemaRegistry } from '../schema/schema-registry.js';

const BINARY: JsonSchema = { type: 'string', format: 'binary' };

export function buildFormBody(route: RouteDef, registry: SchemaRegistry): RequestBodyObject | undefined {
  const kind = bodyKindOf(route);
  if (kind !== 'form' && kind !== 'multipart') return undefined;
  const mediaType = kind === 'multipart' ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
  const params = route.params.filter((p) => p.includeInSchema && (p.source === 'form' || p.source === 'file'));
  const whole = params.filter((p) => p.name === undefined && p.source === 'form');
  const named = params.filter((p) => p.name !== undefined);
  if (whole.length === 1 && named.length === 0) {
    const dto = whole[0] as (typeof params)[number];
    return { required: true, content: { [mediaType]: { schema: registry.typeSchema(dto.type) } } };
  }
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const param of named) {
    const name = param.name as string;
    const fallback = param.hasDefault ? toJsonValue(param.default) : undefined;
    const schema = param.source === 'file'
      ? (param.type.kind === 'array' ? { type: 'array', items: BINARY } : BINARY)
      : registry.typeSchema(param.type);
    properties[name] = {
      ...schema,
      ...(param.description !== undefined && { description: param.description }),
      ...(fallback !== undefined && { default: fallback }),
    };
    if (param.required) required.push(name);
  }
  const schema: JsonSchema = { type: 'object', properties, ...(required.length > 0 && { required }) };
  return { required: required.length > 0, content: { [mediaType]: { schema } } };
}
