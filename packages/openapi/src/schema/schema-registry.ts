/**
 * Turns `TypeRef`s into JSON Schema and collects every DTO class it meets into `components/schemas`.
 * One registry lives for one document build, so component names are decided in route order and are
 * stable from build to build.
 */
import { dtoShape, type TypeRef } from '@decorumjs/core';
import type { JsonSchema } from '../openapi-types.js';
import { buildDtoSchema } from './dto-schema.js';

type DtoClass = Extract<TypeRef, { kind: 'dto' }>['dto'];

/** Names Decorum itself defines; a user DTO with one of these names gets a suffixed name instead. */
export const VALIDATION_ERROR = 'ValidationError';
export const HTTP_VALIDATION_ERROR = 'HTTPValidationError';

export class SchemaRegistry {
  readonly #names = new Map<DtoClass, string>();
  readonly #schemas = new Map<string, JsonSchema>();
  readonly #reserved = new Set([VALIDATION_ERROR, HTTP_VALIDATION_ERROR]);

  /** The schema of a declared type; DTO classes become `$ref`s, registered on first use. */
  typeSchema(type: TypeRef): JsonSchema {
    switch (type.kind) {
      case 'string':
      case 'number':
      case 'integer':
      case 'boolean':
        return { type: type.kind };
      case 'date':
        return { type: 'string', format: 'date-time' };
      case 'enum':
        return enumSchema(type.values);
      case 'array':
        return { type: 'array', items: this.typeSchema(type.items) };
      case 'dto':
        return refTo(this.register(type.dto));
      case 'unknown':
        return {};
    }
  }

  /** Registers a DTO class (and, through its properties, every class it nests) and returns its name. */
  register(cls: DtoClass): string {
    const known = this.#names.get(cls);
    if (known !== undefined) return known;
    const name = this.#uniqueName(cls.name);
    // Named before it is built, so a recursive DTO refers to itself instead of recursing forever.
    this.#names.set(cls, name);
    this.#schemas.set(name, {});
    this.#schemas.set(name, buildDtoSchema(dtoShape(cls), this));
    return name;
  }

  /** Adds one of Decorum's own components (the validation error shapes) under its reserved name. */
  define(name: string, schema: JsonSchema): JsonSchema {
    this.#schemas.set(name, schema);
    return refTo(name);
  }

  /** `components/schemas`, sorted by name so the document diffs cleanly. */
  components(): Record<string, JsonSchema> {
    return Object.fromEntries([...this.#schemas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /**
   * Two different classes may share a name (`Item` in two modules); the second one met becomes `Item_2`.
   * Component keys must match `^[a-zA-Z0-9._-]+$`, so other characters become `_`.
   */
  #uniqueName(className: string): string {
    const base = className.replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema';
    let name = base;
    for (let n = 2; this.#schemas.has(name) || this.#reserved.has(name); n++) name = `${base}_${n}`;
    return name;
  }
}

export function refTo(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

function enumSchema(values: readonly (string | number)[]): JsonSchema {
  const types = new Set(values.map((v) => (typeof v === 'string' ? 'string' : Number.isInteger(v) ? 'integer' : 'number')));
  if (types.has('number')) types.delete('integer');
  const type = types.size === 1 ? [...types][0] : [...types];
  return { type, enum: [...values] };
}

/** `null` allowed as well: `type: [T, "null"]` where there is a type, `anyOf` around a `$ref`. */
export function withNull(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref === 'string') return { anyOf: [schema, { type: 'null' }] };
  const { type } = schema;
  if (type === undefined) return schema; // no type: null is already accepted
  const types = Array.isArray(type) ? type : [type];
  const nullable: JsonSchema = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) nullable.enum = [...schema.enum, null];
  return nullable;
}

/** A value as it appears on the wire (a `Date` default becomes its ISO string); undefined if it has no JSON form. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined; // a cycle or a BigInt: leave the default undocumented rather than fail the document
  }
}
