/**
 * pydantic's lax mode for JSON values, opt-in (`validation: { mode: 'lax' }`), for services ported
 * from FastAPI whose clients send `"50.5"` for a number. Before the strict validators run, values are
 * converted where pydantic's conversion table allows it in lax mode for JSON input:
 * - integer: a numeric string of an integer (`" 42 "`; JSON's `3.0` is already the integer 3);
 * - number: a numeric string (`"50.5"`);
 * - boolean: `"true"/"false"/"yes"/"no"/"on"/"off"/"t"/"f"/"y"/"n"/"1"/"0"` in any case, and `0`/`1`;
 * - string: nothing — a number never becomes a string, as in pydantic.
 * What cannot be converted is left as sent, so the strict validator rejects it, and its type error
 * is then named as pydantic's lax mode names it (`float_parsing` for `"abc"`, not `float_type`).
 * The walk follows the declared type (DTO properties, array items), never the input's own depth.
 */
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import type { Class } from '../metadata/records.js';
import { dtoShape } from '../schema/dto-shape.js';
import type { TypeRef } from '../schema/type-spec.js';
import { FALSE, INTEGER, NUMBER, TRUE } from './coerce.js';
import { issue } from './issues.js';
import { isPlainObject } from './validate-dto.js';

export type LaxCoercer = (value: unknown) => unknown;

const dtoCoercers = new WeakMap<Class, LaxCoercer>();

/** Null when the type has nothing lax mode could convert (strings, enums, unknown). */
export function compileLaxCoercer(type: TypeRef): LaxCoercer | null {
  switch (type.kind) {
    case 'integer':
      return (v) => {
        if (typeof v === 'string' && INTEGER.test(v)) return Number(v);
        return v;
      };
    case 'number':
      return (v) => (typeof v === 'string' && NUMBER.test(v) ? Number(v) : v);
    case 'boolean':
      return (v) => {
        if (typeof v === 'string') {
          const lower = v.trim().toLowerCase();
          return TRUE.has(lower) ? true : FALSE.has(lower) ? false : v;
        }
        return v === 0 ? false : v === 1 ? true : v;
      };
    case 'array': {
      const item = compileLaxCoercer(type.items);
      return item && ((v) => (Array.isArray(v) ? v.map(item) : v));
    }
    case 'dto':
      return laxDto(type.dto);
    default:
      return null;
  }
}

/** A shallow copy of a DTO input with its declared properties converted; compiled once per class. */
function laxDto(cls: Class): LaxCoercer | null {
  const known = dtoCoercers.get(cls);
  if (known) return known;
  let fields: Array<readonly [string, LaxCoercer]> = [];
  const coerce: LaxCoercer = (v) => {
    if (!isPlainObject(v)) return v;
    const copy: Record<string, unknown> = { ...v };
    for (const [name, field] of fields) if (Object.hasOwn(copy, name)) copy[name] = field(copy[name]);
    return copy;
  };
  // Registered before its properties are compiled, so a recursive DTO (a tree) refers to itself.
  dtoCoercers.set(cls, coerce);
  fields = dtoShape(cls).properties.flatMap((p) => {
    const field = compileLaxCoercer(p.type);
    return field ? [[p.name, field] as const] : [];
  });
  return coerce;
}

/**
 * After strict validation of converted values: a string (or a number for a boolean) that lax mode
 * could not convert failed to parse; and an error on a converted value reports what the client sent
 * (`"101"`, not 101), as pydantic's errors do. `sent` is the value validated at `loc`.
 */
export function renameLaxErrors(errors: ErrorDetail[], from: number, sent: unknown, loc: Loc): void {
  for (let i = from; i < errors.length; i++) {
    let detail = errors[i] as ErrorDetail;
    const original = sentAt(sent, detail.loc, loc.length);
    if (original !== NOT_FOUND && typeof original !== 'object' && original !== detail.input) detail = errors[i] = { ...detail, input: original };
    const input = detail.input;
    if (typeof input === 'string') {
      if (detail.type === 'float_type') errors[i] = issue.floatParsing(detail.loc, input);
      else if (detail.type === 'int_type') errors[i] = issue.intParsing(detail.loc, input);
      else if (detail.type === 'bool_type') errors[i] = issue.boolParsing(detail.loc, input);
    } else if (typeof input === 'number' && detail.type === 'bool_type') {
      errors[i] = issue.boolParsing(detail.loc, input);
    }
  }
}

const NOT_FOUND = Symbol('not found');

/** The client's value at `loc` (past the first `skip` entries, which locate `sent` itself). */
function sentAt(sent: unknown, loc: Loc, skip: number): unknown {
  let value = sent;
  for (let i = skip; i < loc.length; i++) {
    if (typeof value !== 'object' || value === null) return NOT_FOUND;
    const key = loc[i] as string | number;
    if (!Object.hasOwn(value, key)) return NOT_FOUND;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
