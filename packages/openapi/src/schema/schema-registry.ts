/**
 * Turns `TypeRef`s into JSON Schema and collects every DTO class it meets into `components/schemas`.
 * One registry lives for one document build, so component names are decided in route order and are
 * stable from build to build.
 */
import { dtoShape, readUnionTags, type TypeRef } from '@decorumjs/core';
import type { JsonSchema } from '../openapi-types.js';
import { buildDtoSchema } from './dto-schema.js';

type DtoClass = Extract<TypeRef, { kind: 'dto' }>['dto'];

/**
 * What a schema describes: a request (`input`) or a response (`output`). They differ where a model
 * declares defaults: a client may leave such a field out, but a response model always writes it, so
 * the output schema requires it (pydantic's separate input and output schemas).
 */
export type SchemaMode = 'input' | 'output';

/** Names Decorum itself defines; a user DTO with one of these names gets a suffixed name instead. */
export const VALIDATION_ERROR = 'ValidationError';
export const HTTP_VALIDATION_ERROR = 'HTTPValidationError';

export class SchemaRegistry {
  readonly #names = new Map<DtoClass, string>();
  readonly #outputNames = new Map<DtoClass, string>();
  readonly #differs = new Map<DtoClass, boolean>();
  readonly #schemas = new Map<string, JsonSchema>();
  readonly #reserved = new Set([VALIDATION_ERROR, HTTP_VALIDATION_ERROR]);

  /** The schema of a declared type; DTO classes become `$ref`s, registered on first use. */
  typeSchema(type: TypeRef, mode: SchemaMode = 'input'): JsonSchema {
    switch (type.kind) {
      case 'string':
      case 'number':
      case 'integer':
      case 'boolean':
        return { type: type.kind };
      case 'date':
        return { type: 'string', format: 'date-time' };
      case 'set':
        return { type: 'array', items: this.typeSchema(type.items, mode), uniqueItems: true };
      case 'decimal':
        // pydantic's Decimal schema: a number or a decimal string in, a string out.
        return mode === 'output' ? { type: 'string', pattern: DECIMAL_PATTERN } : { anyOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL_PATTERN }] };
      case 'bytes':
        return { type: 'string', contentEncoding: 'base64' };
      case 'dateOnly':
        return { type: 'string', format: 'date' };
      case 'timeOnly':
        return { type: 'string', format: 'time' };
      case 'duration':
        // Requests may send seconds too; responses always write ISO 8601.
        return mode === 'output' ? { type: 'string', format: 'duration' } : { anyOf: [{ type: 'string', format: 'duration' }, { type: 'number' }] };
      case 'enum':
        return enumSchema(type.values);
      case 'array':
        return { type: 'array', items: this.typeSchema(type.items, mode) };
      case 'dto':
        return refTo(mode === 'output' ? this.registerOutput(type.dto) : this.register(type.dto));
      case 'union':
        return this.#unionSchema(type, mode);
      case 'record':
        // JSON keys are strings; typed keys are said with `propertyNames` (pydantic's dict[int, T]).
        return {
          type: 'object',
          additionalProperties: this.typeSchema(type.values, mode),
          ...(type.keys !== 'string' && { propertyNames: { pattern: type.keys === 'integer' ? '^[+-]?\\d+$' : '^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$' } }),
        };
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
    this.#schemas.set(name, buildDtoSchema(dtoShape(cls), this, 'input'));
    return name;
  }

  /**
   * The component a response model writes: the input one where both are the same, else `Item-Output`
   * (named after the model alone, so adding a route that reads it never renames it).
   */
  registerOutput(cls: DtoClass): string {
    if (!this.#differsInOutput(cls, new Set())) return this.register(cls);
    const known = this.#outputNames.get(cls);
    if (known !== undefined) return known;
    const name = this.#uniqueName(`${cls.name}-Output`);
    this.#outputNames.set(cls, name);
    this.#schemas.set(name, {});
    this.#schemas.set(name, buildDtoSchema(dtoShape(cls), this, 'output'));
    return name;
  }

  /** `oneOf` the variants' `$ref`s, with OpenAPI's `discriminator` (and its tag → `$ref` mapping) when tagged. */
  #unionSchema(type: Extract<TypeRef, { kind: 'union' }>, mode: SchemaMode): JsonSchema {
    const ref = (cls: DtoClass) => refTo(mode === 'output' ? this.registerOutput(cls) : this.register(cls));
    const oneOf = type.variants.map(ref);
    if (type.discriminator === undefined) return { oneOf };
    const mapping: Record<string, string> = {};
    for (const [tag, cls] of readUnionTags(type.variants, type.discriminator)) mapping[String(tag)] = ref(cls).$ref as string;
    return { oneOf, discriminator: { propertyName: type.discriminator, mapping } };
  }

  /** A model differs as output when it, or a model it nests, has a required field with a default, a duration or a decimal. */
  #differsInOutput(cls: DtoClass, seen: Set<DtoClass>): boolean {
    const known = this.#differs.get(cls);
    if (known !== undefined) return known;
    if (seen.has(cls)) return false;
    seen.add(cls);
    const differs = dtoShape(cls).properties.some((p) =>
      (p.hasDefault && !p.optional) || writesDifferently(p.type) || nestedDtos(p.type).some((d) => this.#differsInOutput(d, seen)));
    this.#differs.set(cls, differs);
    return differs;
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

const DECIMAL_PATTERN = '^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$';

/** A duration (ISO 8601 out, seconds too in) or a decimal (a string out, a number too in) makes its model differ as output. */
function writesDifferently(type: TypeRef): boolean {
  if (type.kind === 'duration' || type.kind === 'decimal') return true;
  if (type.kind === 'array' || type.kind === 'set') return writesDifferently(type.items);
  if (type.kind === 'record') return writesDifferently(type.values);
  return false;
}

function nestedDtos(type: TypeRef): DtoClass[] {
  if (type.kind === 'dto') return [type.dto];
  if (type.kind === 'union') return [...type.variants];
  if (type.kind === 'record') return nestedDtos(type.values);
  if (type.kind === 'set') return nestedDtos(type.items);
  if (type.kind === 'array') return nestedDtos(type.items);
  return [];
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
