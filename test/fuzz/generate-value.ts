/**
 * Values that a JSON schema accepts, drawn from a seeded PRNG: the valid half of the fuzz. Covers the
 * keywords Decorum's documents use (types, `enum`/`const`, `anyOf`/`oneOf`/`allOf`, string lengths and
 * formats, numeric bounds, arrays, required and optional properties, `$ref`).
 */
import { resolveRef, type JsonSchema, type OpenApiLike } from './operations.js';
import type { Prng } from './prng.js';

const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.';
const ODD_CHARS = 'éß€😀中\u0000\t\n"\\\'<>&%/?#;=+ ';
const MAX_DEPTH = 6;

export function generateValue(document: OpenApiLike, schema: JsonSchema, rng: Prng, depth = 0): unknown {
  const resolved = resolveRef(document, schema);
  if ('const' in resolved) return resolved.const;
  if (Array.isArray(resolved.enum)) return rng.pick(resolved.enum);
  const variants = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) return generateValue(document, rng.pick(variants), rng, depth + 1);
  if (Array.isArray(resolved.allOf)) return generateValue(document, mergeAllOf(document, resolved), rng, depth + 1);
  switch (typeOf(resolved, rng)) {
    case 'string': return generateString(resolved, rng);
    case 'integer': return generateInteger(resolved, rng);
    case 'number': return generateNumber(resolved, rng);
    case 'boolean': return rng.chance(0.5);
    case 'null': return null;
    case 'array': return generateArray(document, resolved, rng, depth);
    case 'object': return generateObject(document, resolved, rng, depth);
    default: return generateAny(rng, depth);
  }
}

/** The schema's type, one of them when it lists several (`["string", "null"]`), or a guess from its keywords. */
function typeOf(schema: JsonSchema, rng: Prng): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return rng.pick(schema.type as string[]);
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function generateString(schema: JsonSchema, rng: Prng): string {
  const formatted = stringForFormat(schema.format, rng);
  if (formatted !== undefined) return formatted;
  const min = num(schema.minLength) ?? 0;
  const max = Math.max(min, Math.min(num(schema.maxLength) ?? min + 16, min + 64));
  const length = rng.int(min, max);
  // Mostly plain words; now and then characters that need escaping somewhere between client and handler.
  const alphabet = rng.chance(0.25) ? WORD_CHARS + ODD_CHARS : WORD_CHARS;
  // Code points, not UTF-16 units: `minLength` counts characters, and a split surrogate pair is not a string.
  return rng.string(length, alphabet);
}

function stringForFormat(format: unknown, rng: Prng): string | undefined {
  switch (format) {
    case 'email': return `${rng.string(rng.int(1, 8), 'abcxyz019')}@example.com`;
    case 'uuid': return '00000000-0000-4000-8000-000000000000'.replace(/0/g, () => rng.string(1, '0123456789abcdef'));
    case 'date-time': return new Date(rng.int(0, 4_000_000_000) * 1000).toISOString();
    case 'date': return new Date(rng.int(0, 4_000_000_000) * 1000).toISOString().slice(0, 10);
    case 'uri': case 'url': return `https://example.com/${rng.string(rng.int(0, 8), 'abc123')}`;
    default: return undefined;
  }
}

function generateInteger(schema: JsonSchema, rng: Prng): number {
  const [min, max] = bounds(schema, -1000, 1000, 1);
  return rng.int(Math.ceil(min), Math.floor(max));
}

function generateNumber(schema: JsonSchema, rng: Prng): number {
  const [min, max] = bounds(schema, -1000, 1000, 0.001);
  if (rng.chance(0.3)) return rng.int(Math.ceil(min), Math.floor(max));
  return Math.round((min + rng.float() * (max - min)) * 1000) / 1000 || min;
}

/** The inclusive range a number must fall in; exclusive bounds are moved in by `step`. */
function bounds(schema: JsonSchema, low: number, high: number, step: number): [number, number] {
  let min = num(schema.minimum) ?? -Infinity;
  let max = num(schema.maximum) ?? Infinity;
  const exclusiveMin = num(schema.exclusiveMinimum);
  const exclusiveMax = num(schema.exclusiveMaximum);
  if (exclusiveMin !== undefined) min = Math.max(min, exclusiveMin + step);
  if (exclusiveMax !== undefined) max = Math.min(max, exclusiveMax - step);
  if (min === -Infinity) min = max === Infinity ? low : max - (high - low);
  if (max === Infinity) max = min + (high - low);
  return [min, max];
}

function generateArray(document: OpenApiLike, schema: JsonSchema, rng: Prng, depth: number): unknown[] {
  const min = num(schema.minItems) ?? 0;
  const max = depth >= MAX_DEPTH ? min : Math.max(min, Math.min(num(schema.maxItems) ?? min + 3, min + 5));
  const items = (schema.items ?? {}) as JsonSchema;
  return Array.from({ length: rng.int(min, max) }, () => generateValue(document, items, rng, depth + 1));
}

function generateObject(document: OpenApiLike, schema: JsonSchema, rng: Prng, depth: number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (required.has(name) || (depth < MAX_DEPTH && rng.chance(0.6))) out[name] = generateValue(document, property, rng, depth + 1);
  }
  return out;
}

/** A value for a schema that accepts anything (`{}`). */
function generateAny(rng: Prng, depth: number): unknown {
  const kinds = depth >= MAX_DEPTH ? ['string', 'number', 'boolean', 'null'] : ['string', 'number', 'boolean', 'null', 'array', 'object'];
  switch (rng.pick(kinds)) {
    case 'string': return rng.string(rng.int(0, 12), WORD_CHARS);
    case 'number': return rng.int(-1000, 1000);
    case 'boolean': return rng.chance(0.5);
    case 'array': return [generateAny(rng, depth + 1)];
    case 'object': return { [rng.string(rng.int(1, 6), 'abcdef')]: generateAny(rng, depth + 1) };
    default: return null;
  }
}

function mergeAllOf(document: OpenApiLike, schema: JsonSchema): JsonSchema {
  const parts = (schema.allOf as JsonSchema[]).map((part) => resolveRef(document, part));
  const merged: JsonSchema = { ...schema, allOf: undefined, properties: {}, required: [] };
  for (const part of parts) {
    Object.assign(merged, { ...part, properties: merged.properties, required: merged.required });
    Object.assign(merged.properties as object, part.properties ?? {});
    (merged.required as string[]).push(...((part.required ?? []) as string[]));
  }
  delete merged.allOf;
  return merged;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
