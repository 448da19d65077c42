/**
 * What a response model writes from the handler's (projected) value, compiled per route from the
 * model's shape: a field the handler left out gets its declared default (the property's initialiser),
 * as pydantic fills one, and FastAPI's `response_model_exclude_unset`, `_exclude_none`,
 * `_exclude_defaults`, `_include` and `_exclude` leave fields out. Output keys follow the model's
 * declaration order, as pydantic's do.
 */
import { decorumErrors } from '../errors.js';
import type { Class, ResponseModelOptions } from '../metadata/records.js';
import { dtoShape } from '../schema/dto-shape.js';
import type { TypeRef } from '../schema/type-spec.js';
import { mapValues } from './project-structured.js';

/** The handler's value, projected onto the model and validated → what is written. */
export type OutputFilter = (value: unknown) => unknown;

/** Field paths as a tree: `['owner.email', 'id']` → `{ owner: { email: true }, id: true }`. */
interface PathTree {
  [field: string]: PathTree | true;
}

interface Flags {
  readonly unset: boolean;
  readonly none: boolean;
  readonly defaults: boolean;
}

/** Null when there is nothing to fill or leave out, so the route writes the projected value as it is. */
export function compileOutputFilter(model: TypeRef, options: ResponseModelOptions): OutputFilter | null {
  const flags: Flags = { unset: options.excludeUnset === true, none: options.excludeNone === true, defaults: options.excludeDefaults === true };
  const include = options.include ? toTree(options.include) : undefined;
  const exclude = options.exclude ? toTree(options.exclude) : undefined;
  const trims = flags.unset || flags.none || flags.defaults || include || exclude;
  if (!trims && !hasDefaults(model, new Set())) return null;
  checkPaths(model, include, 'include');
  checkPaths(model, exclude, 'exclude');
  return compile(model, flags, include, exclude, new Map()) ?? ((value) => value);
}

function compile(type: TypeRef, flags: Flags, include: PathTree | undefined, exclude: PathTree | undefined, cache: Map<Class, OutputFilter>): OutputFilter | null {
  if (type.kind === 'array') {
    const item = compile(type.items, flags, include, exclude, cache);
    if (!item) return null;
    return (value) => (Array.isArray(value) ? value.map(item) : value);
  }
  if (type.kind === 'record') {
    const value = compile(type.values, flags, include, exclude, cache);
    if (!value) return null;
    return (input) => (typeof input === 'object' && input !== null ? mapValues(input as Record<string, unknown>, value) : input);
  }
  if (type.kind !== 'dto') return null;
  // Only a level no path reaches into can be shared, which is also what ends the walk of a recursive DTO.
  const shareable = !include && !exclude;
  const cached = shareable ? cache.get(type.dto) : undefined;
  if (cached) return cached;
  let fields: Array<{ name: string; hasDefault: boolean; default: unknown; child: OutputFilter | null }> = [];
  const dto = type.dto as new () => Record<string, unknown>;
  const filter: OutputFilter = (value) => {
    if (typeof value !== 'object' || value === null) return value;
    const from = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    // Defaults come from a fresh instance, made only when one is needed, so `at = new Date()` is now.
    let fresh: Record<string, unknown> | undefined;
    for (const field of fields) {
      let v = from[field.name];
      if (v === undefined) {
        // Unset: the declared default, unless unset fields are excluded (or it too is a default).
        if (flags.unset || flags.defaults || !field.hasDefault) continue;
        v = (fresh ??= construct(dto) ?? {})[field.name] ?? field.default;
      } else if (flags.defaults && field.hasDefault && isEqual(v, field.default)) continue;
      if (flags.none && v === null) continue;
      out[field.name] = field.child ? field.child(v) : v;
    }
    return out;
  };
  if (shareable) cache.set(type.dto, filter);
  fields = dtoShape(type.dto).properties
    .filter((p) => (!include || include[p.name] !== undefined) && exclude?.[p.name] !== true)
    .map((p) => {
      const inner = (tree: PathTree | undefined) => (tree?.[p.name] === true ? undefined : (tree?.[p.name] as PathTree | undefined));
      return { name: p.name, hasDefault: p.hasDefault, default: p.default, child: compile(p.type, flags, inner(include), inner(exclude), cache) };
    });
  return filter;
}

/** Whether any level of the model declares a default, so there is something to fill in. */
function hasDefaults(type: TypeRef, seen: Set<Class>): boolean {
  if (type.kind === 'array') return hasDefaults(type.items, seen);
  if (type.kind === 'record') return hasDefaults(type.values, seen);
  if (type.kind !== 'dto' || seen.has(type.dto)) return false;
  seen.add(type.dto);
  return dtoShape(type.dto).properties.some((p) => p.hasDefault || hasDefaults(p.type, seen));
}

function toTree(paths: readonly string[]): PathTree {
  const tree: PathTree = {};
  for (const path of paths) {
    let node = tree;
    const parts = path.split('.');
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = true;
      else if (node[part] !== true) node = (node[part] ??= {}) as PathTree;
    });
  }
  return tree;
}

/** A path that names no field of the model is a typo that would silently filter nothing. */
function checkPaths(type: TypeRef, tree: PathTree | undefined, option: string, prefix = ''): void {
  if (!tree) return;
  if (type.kind === 'array') return checkPaths(type.items, tree, option, prefix);
  if (type.kind !== 'dto') {
    throw decorumErrors.responsePathIntoScalar(option, `${prefix}${Object.keys(tree)[0] ?? ''}`);
  }
  const shape = dtoShape(type.dto);
  for (const [name, sub] of Object.entries(tree)) {
    const property = shape.properties.find((p) => p.name === name);
    if (!property) {
      throw decorumErrors.responsePathUnknown(option, `${prefix}${name}`, shape.name, shape.properties.map((p) => p.name));
    }
    if (sub !== true) checkPaths(property.type, sub, option, `${prefix}${name}.`);
  }
}

function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}

function construct(cls: new () => Record<string, unknown>): Record<string, unknown> | undefined {
  try {
    return new cls();
  } catch {
    return undefined;
  }
}
