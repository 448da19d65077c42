/**
 * Validation of parsed JSON values against a declared type. JSON is not coerced by default: `"42"` is
 * not an integer here, unlike in a query string; the opt-in lax mode converts what pydantic's lax mode
 * does first (`lax-coerce.ts`). DTOs go through class-validator (`validate-dto.ts`).
 */
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import type { Constraints } from '../route-table/route-def.js';
import type { TypeRef } from '../schema/type-spec.js';
import { compileChecks, INVALID, parseIsoDate } from './coerce.js';
import { issue } from './issues.js';
import { compileLaxCoercer, renameLaxErrors } from './lax-coerce.js';
import { intParsingSize } from './safe-integers.js';
import { compileDtoValidator, type DtoValidationOptions } from './validate-dto.js';
import { compileUnionValidator } from './validate-union.js';
import { compileRecordValidator } from './validate-record.js';
import { readDuration } from './duration.js';
import { readDateOnly, readTimeOnly } from './date-parts.js';
import { readBytes, readDecimal } from './exact-values.js';

export type JsonValidator = (value: unknown, loc: Loc, errors: ErrorDetail[]) => unknown;

export function compileJsonValidator(type: TypeRef, options: DtoValidationOptions, constraints: Constraints = {}): JsonValidator {
  const strict = withChecks(typeValidator(type, options), compileChecks(constraints, type));
  const lax = options.mode === 'lax' ? compileLaxCoercer(type) : null;
  if (!lax) return strict;
  return (value, loc, errors) => {
    const before = errors.length;
    const valid = strict(lax(value), loc, errors);
    if (isPromise(valid)) {
      return valid.then((v) => {
        if (errors.length > before) renameLaxErrors(errors, before, value, loc);
        return v;
      });
    }
    if (errors.length > before) renameLaxErrors(errors, before, value, loc);
    return valid;
  };
}

function withChecks(base: JsonValidator, check: ReturnType<typeof compileChecks>): JsonValidator {
  if (!check) return base;
  return (value, loc, errors) => {
    const valid = base(value, loc, errors);
    return valid === INVALID ? INVALID : check(valid, loc, errors);
  };
}

function typeValidator(type: TypeRef, options: DtoValidationOptions): JsonValidator {
  switch (type.kind) {
    case 'unknown':
      return (value) => value;
    case 'string':
      return (value, loc, errors) => (typeof value === 'string' ? value : fail(errors, issue.stringType(loc, value)));
    case 'integer':
      return (value, loc, errors) => {
        if (Number.isSafeInteger(value)) return value;
        return fail(errors, Number.isInteger(value) ? intParsingSize(loc, value) : issue.intType(loc, value));
      };
    case 'number':
      return (value, loc, errors) => (typeof value === 'number' ? value : fail(errors, issue.floatType(loc, value)));
    case 'boolean':
      return (value, loc, errors) => (typeof value === 'boolean' ? value : fail(errors, issue.boolType(loc, value)));
    case 'date':
      // The same ISO 8601 rule as query strings: `new Date("May 5")` would accept almost anything.
      return (value, loc, errors) => {
        if (typeof value !== 'string') return fail(errors, issue.datetimeType(loc, value));
        return parseIsoDate(value) ?? fail(errors, issue.datetimeParsing(loc, value));
      };
    case 'enum':
      return (value, loc, errors) => (type.values.includes(value as never) ? value : fail(errors, issue.enum(loc, value, type.values)));
    case 'array': {
      const item = typeValidator(type.items, options);
      return (value, loc, errors) => {
        if (!Array.isArray(value)) return fail(errors, issue.listType(loc, value));
        const before = errors.length;
        const out = value.map((v, i) => item(v, [...loc, i], errors));
        // A DTO item may validate asynchronously; arrays of those resolve together.
        if (out.some(isPromise)) {
          return Promise.all(out).then((items) => (items.includes(INVALID) || errors.length > before ? INVALID : items));
        }
        return errors.length > before ? INVALID : out;
      };
    }
    case 'dto':
      return compileDtoValidator(type.dto, options);
    case 'union':
      return compileUnionValidator(type, (cls) => compileDtoValidator(cls, options));
    case 'record':
      return compileRecordValidator(type, typeValidator(type.values, options));
    case 'duration':
      return (value, loc, errors) => readDuration(value, loc, errors) ?? INVALID;
    case 'dateOnly':
      return (value, loc, errors) => readDateOnly(value, loc, errors) ?? INVALID;
    case 'timeOnly':
      return (value, loc, errors) => readTimeOnly(value, loc, errors) ?? INVALID;
    case 'set': {
      // A JSON array, its items validated as a list's, then collected: duplicates go, as in pydantic.
      const list = typeValidator({ kind: 'array', items: type.items }, options);
      return (value, loc, errors) => {
        const items = list(value instanceof Set ? [...value] : value, loc, errors);
        if (isPromise(items)) return items.then((v) => (v === INVALID ? INVALID : new Set(v as unknown[])));
        return items === INVALID ? INVALID : new Set(items as unknown[]);
      };
    }
    case 'decimal':
      return (value, loc, errors) => readDecimal(value, loc, errors) ?? INVALID;
    case 'bytes':
      return (value, loc, errors) => (value instanceof Uint8Array ? value : readBytes(value, loc, errors) ?? INVALID);
  }
}

function fail(errors: ErrorDetail[], detail: ErrorDetail): typeof INVALID {
  errors.push(detail);
  return INVALID;
}

export function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | null)?.then === 'function';
}
