/**
 * The declared type of a parameter or property. Users write a `TypeSpec` (`Number`, `Int`, an enum
 * object, `[Int]`, a DTO class); bootstrap normalises it into a `TypeRef`, the one form that coercion,
 * validation and the OpenAPI builder read.
 */
import type { Class } from '../metadata/records.js';

/** An integer. Use as a value (`{ type: Int }`) and as a type (`id: Int`, which is `number`). */
export type Int = number;
export const Int = Symbol('decorum.Int');

/** A union of DTO classes; made by `OneOf` (`one-of.ts`), read by `toTypeRef`. */
export class OneOfSpec {
  constructor(readonly variants: readonly Class[], readonly discriminator: string | undefined) {}
}

/**
 * A dictionary, pydantic's `dict[str, T]` / TypeScript's `Record<string, T>`: `Dict(Number)`, or with
 * typed keys `Dict(Number, { keys: Int })` (`dict[int, float]`). JSON keys are strings; typed keys are
 * checked, and reach the handler as the strings they are.
 */
export class DictSpec {
  constructor(readonly values: TypeSpec, readonly keys: typeof Int | NumberConstructor | StringConstructor) {}
}

/** A dictionary type; see `DictSpec`. */
export function Dict(values: TypeSpec, options: { keys?: typeof Int | NumberConstructor | StringConstructor } = {}): DictSpec {
  return new DictSpec(values, options.keys ?? String);
}

/**
 * A duration in seconds, pydantic's `timedelta`: takes ISO 8601 (`P1DT2H`) or seconds, and a response
 * model writes it as ISO 8601. Use as a value (`{ type: Duration }`) and as a type (`ttl: Duration`).
 */
export type Duration = number;
export const Duration = Symbol('decorum.Duration');

/** A calendar date without a time (`2025-01-31`), pydantic's `date`; the value is that string. */
export type DateOnly = string;
export const DateOnly = Symbol('decorum.DateOnly');

/** A time of day (`14:30:05`), pydantic's `time`; the value is that string. */
export type TimeOnly = string;
export const TimeOnly = Symbol('decorum.TimeOnly');

/** A decimal kept exact as its string (`"12.30"`), pydantic's `Decimal`; the value is that string. */
export type Decimal = string;
export const Decimal = Symbol('decorum.Decimal');

/** Binary data, base64 in JSON, pydantic's `bytes`; the value is a `Uint8Array`. */
export type Bytes = Uint8Array;
export const Bytes = Symbol('decorum.Bytes');

/** A set, pydantic's `set[T]`: `SetOf(String)` takes a JSON array, gives the handler a `Set`, written back as an array. */
export class SetSpec {
  constructor(readonly items: TypeSpec) {}
}

export function SetOf(items: TypeSpec): SetSpec {
  return new SetSpec(items);
}

/** A string or numeric TypeScript enum object, or a readonly list of literal values. */
export type EnumLike = Readonly<Record<string, string | number>> | readonly (string | number)[];

export type TypeSpec =
  | typeof Int
  | typeof Duration
  | typeof DateOnly
  | typeof TimeOnly
  | typeof Decimal
  | typeof Bytes
  | NumberConstructor
  | StringConstructor
  | BooleanConstructor
  | DateConstructor
  | ObjectConstructor
  | ArrayConstructor
  | Class
  | EnumLike
  | OneOfSpec
  | DictSpec
  | SetSpec
  | readonly [TypeSpec];

export type TypeRef =
  | { readonly kind: 'string' }
  | { readonly kind: 'number' }
  | { readonly kind: 'integer' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'date' }
  | { readonly kind: 'duration' }
  | { readonly kind: 'dateOnly' }
  | { readonly kind: 'timeOnly' }
  | { readonly kind: 'decimal' }
  | { readonly kind: 'bytes' }
  | { readonly kind: 'enum'; readonly values: readonly (string | number)[] }
  | { readonly kind: 'array'; readonly items: TypeRef }
  | { readonly kind: 'dto'; readonly dto: Class }
  | { readonly kind: 'union'; readonly variants: readonly Class[]; readonly discriminator?: string }
  | { readonly kind: 'set'; readonly items: TypeRef }
  | { readonly kind: 'record'; readonly keys: 'string' | 'integer' | 'number'; readonly values: TypeRef }
  | { readonly kind: 'unknown' };

export const STRING: TypeRef = { kind: 'string' };
export const NUMBER: TypeRef = { kind: 'number' };
export const INTEGER: TypeRef = { kind: 'integer' };
export const BOOLEAN: TypeRef = { kind: 'boolean' };
export const DATE: TypeRef = { kind: 'date' };
export const UNKNOWN: TypeRef = { kind: 'unknown' };

/**
 * Turns a spec into a TypeRef; returns undefined for specs that say nothing (`Object`, `Array`
 * without an item type), so the caller can ask for a better one.
 */
export function toTypeRef(spec: unknown): TypeRef | undefined {
  if (spec === Int) return INTEGER;
  if (spec === Duration) return { kind: 'duration' };
  if (spec === DateOnly) return { kind: 'dateOnly' };
  if (spec === TimeOnly) return { kind: 'timeOnly' };
  if (spec === Decimal) return { kind: 'decimal' };
  if (spec === Bytes) return { kind: 'bytes' };
  if (spec === Number) return NUMBER;
  if (spec === String) return STRING;
  if (spec === Boolean) return BOOLEAN;
  if (spec === Date) return DATE;
  if (spec === Object || spec === undefined || spec === null) return undefined;
  if (spec === Array) return undefined;
  if (spec instanceof SetSpec) return { kind: 'set', items: toTypeRef(spec.items) ?? UNKNOWN };
  if (spec instanceof DictSpec) {
    const values = toTypeRef(spec.values);
    const keys = spec.keys === Int ? 'integer' : spec.keys === Number ? 'number' : 'string';
    return { kind: 'record', keys, values: values ?? UNKNOWN };
  }
  if (spec instanceof OneOfSpec) {
    return { kind: 'union', variants: spec.variants, ...(spec.discriminator !== undefined && { discriminator: spec.discriminator }) };
  }
  // Values the JSON encoder writes (a `Set` property, `Buffer`), not models with properties to read.
  if (isBuiltInValue(spec)) return undefined;
  if (Array.isArray(spec)) {
    if (spec.length === 1) {
      const items = toTypeRef(spec[0]);
      return items ? { kind: 'array', items } : undefined;
    }
    return { kind: 'enum', values: spec.filter(isLiteral) };
  }
  if (typeof spec === 'function') return { kind: 'dto', dto: spec as Class };
  if (typeof spec === 'object') return { kind: 'enum', values: enumValues(spec as Record<string, unknown>) };
  return undefined;
}

/** Values of a TypeScript enum object: numeric enums carry reverse mappings, which are skipped. */
export function enumValues(enumObject: Readonly<Record<string, unknown>>): (string | number)[] {
  const values: (string | number)[] = [];
  for (const [key, value] of Object.entries(enumObject)) {
    if (typeof value === 'number') values.push(value);
    else if (typeof value === 'string' && typeof enumObject[value] !== 'number') values.push(value);
    else if (typeof value === 'string' && !/^\d+$/.test(key)) values.push(value);
  }
  return values;
}

function isLiteral(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** A short human name for messages: `integer`, `array of integer`, `ItemDto`. */
export function describeType(type: TypeRef): string {
  switch (type.kind) {
    case 'array':
      return `array of ${describeType(type.items)}`;
    case 'dto':
      return type.dto.name;
    case 'union':
      return `one of ${type.variants.map((v) => v.name).join(', ')}`;
    case 'record':
      return `dictionary of ${describeType(type.values)}`;
    case 'set':
      return `set of ${describeType(type.items)}`;
    case 'enum':
      return `one of ${type.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return type.kind;
  }
}

function isBuiltInValue(spec: unknown): boolean {
  return spec === Set || spec === Map || spec === BigInt || spec === ArrayBuffer ||
    (typeof spec === 'function' && (spec === Uint8Array || spec.prototype instanceof Uint8Array));
}
