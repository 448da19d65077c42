/**
 * Coercion of path, query, header and cookie strings into their declared types, compiled once per
 * parameter. Booleans follow pydantic's lax rules (`true/false/1/0/yes/no/on/off/t/f/y/n`, any case),
 * so `"false"` is `false`, never `true` (class-transformer's implicit conversion gets that wrong).
 */
import { decorumErrors } from '../errors.js';
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import type { Constraints } from '../route-table/route-def.js';
import type { TypeRef } from '../schema/type-spec.js';
import { issue } from './issues.js';
import { intParsingSize } from './safe-integers.js';
import { readDuration } from './duration.js';
import { readDateOnly, readTimeOnly } from './date-parts.js';
import { readBytes, readDecimal } from './exact-values.js';

/** Returned by a coercer that has pushed its error. */
export const INVALID: unique symbol = Symbol('decorum.invalid');
export type Coercer = (raw: string, loc: Loc, errors: ErrorDetail[]) => unknown;

// pydantic's spellings, shared with lax JSON coercion (`lax-coerce.ts`).
export const INTEGER = /^\s*[+-]?\d+\s*$/;
export const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
export const TRUE: ReadonlySet<string> = new Set(['true', '1', 'yes', 'on', 't', 'y']);
export const FALSE: ReadonlySet<string> = new Set(['false', '0', 'no', 'off', 'f', 'n']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A coercer for one scalar type plus its constraints; arrays are handled by the caller item by item. */
export function compileCoercer(type: TypeRef, constraints: Constraints = {}): Coercer {
  const parse = parser(type);
  const check = compileChecks(constraints, type);
  if (!check) return parse;
  return (raw, loc, errors) => {
    const value = parse(raw, loc, errors);
    return value === INVALID ? INVALID : check(value, loc, errors);
  };
}

function parser(type: TypeRef): Coercer {
  switch (type.kind) {
    case 'string':
    case 'unknown':
      return (raw) => raw;
    case 'integer':
      return (raw, loc, errors) => {
        const value = INTEGER.test(raw) ? Number(raw) : NaN;
        if (Number.isSafeInteger(value)) return value;
        errors.push(Number.isNaN(value) ? issue.intParsing(loc, raw) : intParsingSize(loc, raw));
        return INVALID;
      };
    case 'number':
      return (raw, loc, errors) => {
        if (NUMBER.test(raw)) return Number(raw);
        errors.push(issue.floatParsing(loc, raw));
        return INVALID;
      };
    case 'boolean':
      return (raw, loc, errors) => {
        const lower = raw.trim().toLowerCase();
        if (TRUE.has(lower)) return true;
        if (FALSE.has(lower)) return false;
        errors.push(issue.boolParsing(loc, raw));
        return INVALID;
      };
    case 'date':
      return (raw, loc, errors) => {
        const date = parseIsoDate(raw);
        if (date) return date;
        errors.push(issue.datetimeParsing(loc, raw));
        return INVALID;
      };
    case 'enum': {
      // Numeric enum members arrive as strings; map each accepted spelling to its member once.
      const members = new Map(type.values.map((v) => [String(v), v]));
      return (raw, loc, errors) => {
        const member = members.get(raw);
        if (member !== undefined) return member;
        errors.push(issue.enum(loc, raw, type.values));
        return INVALID;
      };
    }
    case 'duration':
      return (raw, loc, errors) => readDuration(raw, loc, errors) ?? INVALID;
    case 'dateOnly':
      return (raw, loc, errors) => readDateOnly(raw, loc, errors) ?? INVALID;
    case 'timeOnly':
      return (raw, loc, errors) => readTimeOnly(raw, loc, errors) ?? INVALID;
    case 'decimal':
      return (raw, loc, errors) => readDecimal(raw, loc, errors) ?? INVALID;
    case 'bytes':
      return (raw, loc, errors) => readBytes(raw, loc, errors) ?? INVALID;
    case 'array':
    case 'dto':
    case 'union':
    case 'record':
    case 'set':
      throw decorumErrors.internal(`no string coercion for ${type.kind} (route-table checks the declared type)`);
  }
}

/** An ISO 8601 date or datetime; JavaScript's parser rolls `2024-02-30` over to March, pydantic refuses it. */
export function parseIsoDate(raw: string): Date | undefined {
  const match = ISO_DATE.exec(raw);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

type Check = (value: unknown, loc: Loc, errors: ErrorDetail[]) => unknown;

/**
 * Bound and pattern checks; null when the parameter has none, so the hot path skips the call. On a
 * list, minLength and maxLength bound the item count and every other constraint applies to each item.
 */
export function compileChecks(c: Constraints, type: TypeRef): Check | null {
  if (type.kind === 'array') return compileListChecks(c);
  const checks: Array<(value: never, loc: Loc) => ErrorDetail | undefined> = [];
  const { gt, ge, lt, le, minLength, maxLength, pattern } = c;
  if (gt !== undefined) checks.push((v: number, loc) => (v > gt ? undefined : issue.greaterThan(loc, v, gt)));
  if (ge !== undefined) checks.push((v: number, loc) => (v >= ge ? undefined : issue.greaterThanEqual(loc, v, ge)));
  if (lt !== undefined) checks.push((v: number, loc) => (v < lt ? undefined : issue.lessThan(loc, v, lt)));
  if (le !== undefined) checks.push((v: number, loc) => (v <= le ? undefined : issue.lessThanEqual(loc, v, le)));
  if (minLength !== undefined) {
    checks.push((v: string, loc) => (v.length >= minLength ? undefined : issue.stringTooShort(loc, v, minLength)));
  }
  if (maxLength !== undefined) {
    checks.push((v: string, loc) => (v.length <= maxLength ? undefined : issue.stringTooLong(loc, v, maxLength)));
  }
  if (pattern !== undefined) {
    const regex = new RegExp(pattern);
    checks.push((v: string, loc) => (regex.test(v) ? undefined : issue.patternMismatch(loc, v, pattern)));
  }
  if (checks.length === 0) return null;
  return (value, loc, errors) => {
    for (const check of checks) {
      const error = check(value as never, loc);
      if (error) {
        errors.push(error);
        return INVALID;
      }
    }
    return value;
  };
}

/** A list's checks: its item count first, then each item, every failing item at its own index. */
function compileListChecks(c: Constraints): Check | null {
  const { minLength, maxLength, ...itemConstraints } = c;
  const item = compileChecks(itemConstraints, { kind: 'unknown' });
  if (minLength === undefined && maxLength === undefined && !item) return null;
  return (value, loc, errors) => {
    const list = value as unknown[];
    if (minLength !== undefined && list.length < minLength) {
      errors.push(issue.tooShort(loc, list, minLength, list.length));
      return INVALID;
    }
    if (maxLength !== undefined && list.length > maxLength) {
      errors.push(issue.tooLong(loc, list, maxLength, list.length));
      return INVALID;
    }
    if (!item) return list;
    const before = errors.length;
    for (let i = 0; i < list.length; i++) item(list[i], [...loc, i], errors);
    return errors.length > before ? INVALID : list;
  };
}
