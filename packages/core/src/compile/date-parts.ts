/**
 * Date-only and time-only values, as pydantic's `date` and `time`: `DateOnly` takes `2025-01-31` and
 * `TimeOnly` takes `14:30`, `14:30:05` or `14:30:05.123` (with an optional `Z` or offset). JavaScript has
 * no such types, so the handler gets the string as sent, checked; a response model writes a `Date` it is
 * given as its UTC date (`2025-01-31`) or time (`14:30:05.123Z`).
 */
import type { ErrorDetail, Loc } from '../http/validation-error.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_ONLY = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,6})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/i;

export function readDateOnly(value: unknown, loc: Loc, errors: ErrorDetail[]): string | undefined {
  if (typeof value !== 'string') return fail(errors, { type: 'date_type', loc, msg: 'Input should be a valid date', input: value });
  const match = DATE_ONLY.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const valid = match !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (valid) return value;
  return fail(errors, { type: 'date_from_datetime_parsing', loc, msg: 'Input should be a valid date in the format YYYY-MM-DD', input: value });
}

export function readTimeOnly(value: unknown, loc: Loc, errors: ErrorDetail[]): string | undefined {
  if (typeof value !== 'string') return fail(errors, { type: 'time_type', loc, msg: 'Input should be a valid time', input: value });
  if (TIME_ONLY.test(value)) return value;
  return fail(errors, { type: 'time_parsing', loc, msg: 'Input should be a valid time in the format HH:MM[:SS[.ffffff]][Z|±HH:MM]', input: value });
}

/** A `Date` → its UTC date; anything else as is. */
export function writeDateOnly(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

/** A `Date` → its UTC time of day; anything else as is. */
export function writeTimeOnly(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(11) : value;
}

function fail(errors: ErrorDetail[], detail: ErrorDetail): undefined {
  errors.push(detail);
  return undefined;
}
