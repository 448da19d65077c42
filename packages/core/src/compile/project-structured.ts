/**
 * Projection of the structured values a response model may hold besides DTOs and arrays: dictionaries
 * (each value projected), unions (projected onto the variant the value is) and durations (seconds
 * written as ISO 8601). `serialize.ts` calls these from its projector.
 */
import type { Class } from '../metadata/records.js';
import { dtoShape } from '../schema/dto-shape.js';
import { readUnionTags } from '../schema/one-of.js';
import type { TypeRef } from '../schema/type-spec.js';
import { formatDuration } from './duration.js';

type Projector = (value: unknown) => unknown;

/** A duration in seconds, written as ISO 8601 as pydantic writes a `timedelta`; anything else as is. */
export const writeDuration: Projector = (value) => (typeof value === 'number' && Number.isFinite(value) ? formatDuration(value) : value);

/** A dictionary's values through `map`, keys kept (own properties, `__proto__` included). */
export function mapValues(input: Record<string, unknown>, map: (value: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    Object.defineProperty(out, key, { value: map(input[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A union is projected onto the variant its tag names; without a discriminator (or with an unknown
 * tag), onto the fields some variant declares, so a field no variant declares never leaves.
 */
export function compileUnionProjector(type: Extract<TypeRef, { kind: 'union' }>, projectVariant: (dto: Class) => Projector): Projector {
  const declared = [...new Set(type.variants.flatMap((dto) => dtoShape(dto).properties.map((p) => p.name)))];
  const anyVariant: Projector = (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const name of declared) if (source[name] !== undefined) out[name] = source[name];
    return out;
  };
  const { discriminator } = type;
  if (discriminator === undefined) return anyVariant;
  const byTag = new Map([...readUnionTags(type.variants, discriminator)].map(([tag, dto]) => [tag, projectVariant(dto)]));
  return (value) => {
    const tag = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[discriminator] : undefined;
    return (byTag.get(tag as string | number) ?? anyVariant)(value);
  };
}
