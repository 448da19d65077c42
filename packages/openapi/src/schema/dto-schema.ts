/**
 * A DTO's shape (core's `dtoShape`, the same one validation reads) → an object schema. Properties carry
 * their validation keywords, `@Property` annotations, defaults and nullability.
 */
import type { DtoShape, PropertyShape } from '@decorumjs/core';
import type { JsonSchema } from '../openapi-types.js';
import { toJsonValue, withNull, type SchemaMode, type SchemaRegistry } from './schema-registry.js';
import { applyValidationRules } from './validation-keywords.js';

/** `title` is the class name even when the component key had to be suffixed (`Item_2`). */
export function buildDtoSchema(shape: DtoShape, registry: SchemaRegistry, mode: SchemaMode): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const property of shape.properties) {
    properties[property.name] = propertySchema(property, registry, mode);
    // A response model fills a default in, so as output such a field is always there.
    if (isRequired(property) || (mode === 'output' && property.hasDefault && !property.optional)) required.push(property.name);
  }
  return { type: 'object', title: shape.name, properties, ...(required.length > 0 && { required }) };
}

/**
 * A property is required unless `@IsOptional()` or an initializer gives it a value: a client may
 * leave out either, and validation accepts it.
 */
export function isRequired(property: PropertyShape): boolean {
  return !property.optional && !property.hasDefault;
}

export function propertySchema(property: PropertyShape, registry: SchemaRegistry, mode: SchemaMode = 'input'): JsonSchema {
  const { options } = property;
  let schema = applyValidationRules(registry.typeSchema(property.type, mode), property.rules);
  if (options.format !== undefined) schema.format = options.format;
  if (property.nullable) schema = withNull(schema);
  const fallback = property.hasDefault ? toJsonValue(property.default) : undefined;
  return {
    ...schema,
    ...(options.description !== undefined && { description: options.description }),
    ...(fallback !== undefined && { default: fallback }),
    ...(options.example !== undefined && { examples: [toJsonValue(options.example) ?? null] }),
    ...(options.readOnly && { readOnly: true }),
    ...(options.writeOnly && { writeOnly: true }),
    ...(options.deprecated && { deprecated: true }),
  };
}
