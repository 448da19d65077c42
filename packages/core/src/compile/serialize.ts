/**
 * Response serialization. With a response model, output is first projected onto the model's declared
 * properties (recursively, arrays included), so fields the model does not declare never leave the server.
 */
import { dtoShape } from '../schema/dto-shape.js';
import type { TypeRef } from '../schema/type-spec.js';
import { encodeJson } from './encode-json.js';
import { compileUnionProjector, mapValues, writeDuration } from './project-structured.js';
import { writeDateOnly, writeTimeOnly } from './date-parts.js';
import { writeDecimal } from './exact-values.js';

export type Projector = (value: unknown) => unknown;

const identity: Projector = (value) => value;

export function compileProjector(type: TypeRef | undefined): Projector {
  if (!type) return identity;
  const cache = new Map<unknown, Projector>();
  return project(type, cache);
}

function project(type: TypeRef, cache: Map<unknown, Projector>): Projector {
  if (type.kind === 'array') {
    const item = project(type.items, cache);
    if (item === identity) return identity;
    return (value) => (Array.isArray(value) ? value.map(item) : value);
  }
  if (type.kind === 'record') {
    const value = project(type.values, cache);
    if (value === identity) return identity;
    return (input) => (typeof input === 'object' && input !== null ? mapValues(input as Record<string, unknown>, value) : input);
  }
  if (type.kind === 'set') {
    const item = project(type.items, cache);
    return (value) => (value instanceof Set || Array.isArray(value) ? [...new Set(value)].map(item) : value);
  }
  if (type.kind === 'union') return compileUnionProjector(type, (dto) => project({ kind: 'dto', dto }, cache));
  if (type.kind === 'duration') return writeDuration;
  if (type.kind === 'dateOnly') return writeDateOnly;
  if (type.kind === 'timeOnly') return writeTimeOnly;
  if (type.kind === 'decimal') return writeDecimal;
  if (type.kind !== 'dto') return identity;
  const cached = cache.get(type.dto);
  if (cached) return cached;
  // Registered before its properties are compiled, so recursive DTOs (a tree of nodes) terminate.
  let fields: Array<{ name: string; project: Projector }> = [];
  const projector: Projector = (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const v = source[field.name];
      if (v !== undefined) out[field.name] = field.project(v);
    }
    return out;
  };
  cache.set(type.dto, projector);
  fields = dtoShape(type.dto).properties.map((p) => ({ name: p.name, project: project(p.type, cache) }));
  return projector;
}

/**
 * JSON text for a handler's result; `undefined` is sent as `null`, as FastAPI sends `None`. Sets, maps,
 * bigints and bytes are encoded (see `encodeJson`).
 */
export function toJson(value: unknown): string {
  return encodeJson(value);
}
