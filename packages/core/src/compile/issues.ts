/**
 * The vocabulary of validation errors: pydantic's `type` codes and messages, so a FastAPI client (and
 * its error handling) reads Decorum's 422s unchanged.
 */
import type { ErrorDetail, Loc } from '../http/validation-error.js';

export const issue = {
  missing: (loc: Loc, input: unknown = null): ErrorDetail => ({ type: 'missing', loc, msg: 'Field required', input }),
  intParsing: (loc: Loc, input: unknown): ErrorDetail =>
    ({ type: 'int_parsing', loc, msg: 'Input should be a valid integer, unable to parse string as an integer', input }),
  floatParsing: (loc: Loc, input: unknown): ErrorDetail =>
    ({ type: 'float_parsing', loc, msg: 'Input should be a valid number, unable to parse string as a number', input }),
  boolParsing: (loc: Loc, input: unknown): ErrorDetail =>
    ({ type: 'bool_parsing', loc, msg: 'Input should be a valid boolean, unable to interpret input', input }),
  datetimeParsing: (loc: Loc, input: unknown): ErrorDetail =>
    ({ type: 'datetime_parsing', loc, msg: 'Input should be a valid datetime in ISO 8601 format', input }),
  stringType: (loc: Loc, input: unknown): ErrorDetail => ({ type: 'string_type', loc, msg: 'Input should be a valid string', input }),
  intType: (loc: Loc, input: unknown): ErrorDetail =>
    typeof input === 'number' && Number.isFinite(input)
      ? { type: 'int_from_float', loc, msg: 'Input should be a valid integer, got a number with a fractional part', input }
      : { type: 'int_type', loc, msg: 'Input should be a valid integer', input },
  floatType: (loc: Loc, input: unknown): ErrorDetail => ({ type: 'float_type', loc, msg: 'Input should be a valid number', input }),
  boolType: (loc: Loc, input: unknown): ErrorDetail => ({ type: 'bool_type', loc, msg: 'Input should be a valid boolean', input }),
  datetimeType: (loc: Loc, input: unknown): ErrorDetail => ({ type: 'datetime_type', loc, msg: 'Input should be a valid datetime', input }),
  listType: (loc: Loc, input: unknown): ErrorDetail => ({ type: 'list_type', loc, msg: 'Input should be a valid list', input }),
  modelType: (loc: Loc, input: unknown): ErrorDetail =>
    ({ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input }),
  enum: (loc: Loc, input: unknown, values: readonly (string | number)[]): ErrorDetail => {
    const expected = listWords(values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))));
    return { type: 'enum', loc, msg: `Input should be ${expected}`, input, ctx: { expected } };
  },
  greaterThan: (loc: Loc, input: unknown, gt: number): ErrorDetail =>
    ({ type: 'greater_than', loc, msg: `Input should be greater than ${gt}`, input, ctx: { gt } }),
  greaterThanEqual: (loc: Loc, input: unknown, ge: number): ErrorDetail =>
    ({ type: 'greater_than_equal', loc, msg: `Input should be greater than or equal to ${ge}`, input, ctx: { ge } }),
  lessThan: (loc: Loc, input: unknown, lt: number): ErrorDetail =>
    ({ type: 'less_than', loc, msg: `Input should be less than ${lt}`, input, ctx: { lt } }),
  lessThanEqual: (loc: Loc, input: unknown, le: number): ErrorDetail =>
    ({ type: 'less_than_equal', loc, msg: `Input should be less than or equal to ${le}`, input, ctx: { le } }),
  stringTooShort: (loc: Loc, input: unknown, min: number): ErrorDetail =>
    ({ type: 'string_too_short', loc, msg: `String should have at least ${min} character${min === 1 ? '' : 's'}`, input, ctx: { min_length: min } }),
  stringTooLong: (loc: Loc, input: unknown, max: number): ErrorDetail =>
    ({ type: 'string_too_long', loc, msg: `String should have at most ${max} character${max === 1 ? '' : 's'}`, input, ctx: { max_length: max } }),
  patternMismatch: (loc: Loc, input: unknown, pattern: string): ErrorDetail =>
    ({ type: 'string_pattern_mismatch', loc, msg: `String should match pattern '${pattern}'`, input, ctx: { pattern } }),
  tooShort: (loc: Loc, input: unknown, min: number, actual: number): ErrorDetail =>
    ({ type: 'too_short', loc, msg: `List should have at least ${min} item${min === 1 ? '' : 's'} after validation, not ${actual}`, input, ctx: { field_type: 'List', min_length: min, actual_length: actual } }),
  tooLong: (loc: Loc, input: unknown, max: number, actual: number): ErrorDetail =>
    ({ type: 'too_long', loc, msg: `List should have at most ${max} item${max === 1 ? '' : 's'} after validation, not ${actual}`, input, ctx: { field_type: 'List', max_length: max, actual_length: actual } }),
  /** pydantic's `EmailStr` (email-validator's reasons, the two that can be told without its parser). */
  email: (loc: Loc, input: string): ErrorDetail => {
    const reason = input.includes('@') ? 'The email address is not valid.' : 'An email address must have an @-sign.';
    return { type: 'value_error', loc, msg: `value is not a valid email address: ${reason}`, input, ctx: { reason } };
  },
  urlParsing: (loc: Loc, input: unknown): ErrorDetail =>
    ({ type: 'url_parsing', loc, msg: 'Input should be a valid URL, invalid format', input, ctx: { error: 'invalid format' } }),
  uuidType: (loc: Loc, input: unknown): ErrorDetail =>
    ({ type: 'uuid_type', loc, msg: 'UUID input should be a string, bytes or UUID object', input }),
  uuidParsing: (loc: Loc, input: unknown): ErrorDetail =>
    ({ type: 'uuid_parsing', loc, msg: 'Input should be a valid UUID, invalid format', input, ctx: { error: 'invalid format' } }),
  ipAddress: (loc: Loc, input: unknown, version: 4 | 6 | undefined): ErrorDetail =>
    version === undefined ? { type: 'ip_any_address', loc, msg: 'value is not a valid IPv4 or IPv6 address', input }
      : { type: `ip_v${version}_address`, loc, msg: `Input is not a valid IPv${version} address`, input },
  decimalParsing: (loc: Loc, input: unknown): ErrorDetail => ({ type: 'decimal_parsing', loc, msg: 'Input should be a valid decimal', input }),
  multipleOf: (loc: Loc, input: unknown, multipleOf: number): ErrorDetail =>
    ({ type: 'multiple_of', loc, msg: `Input should be a multiple of ${multipleOf}`, input, ctx: { multiple_of: multipleOf } }),
  literal: (loc: Loc, input: unknown, value: unknown): ErrorDetail => {
    const expected = typeof value === 'string' ? `'${value}'` : String(value);
    return { type: 'literal_error', loc, msg: `Input should be ${expected}`, input, ctx: { expected } };
  },
  jsonString: (loc: Loc, input: unknown): ErrorDetail =>
    ({ type: 'json_invalid', loc, msg: 'Invalid JSON: expected value', input, ctx: { error: 'expected value' } }),
  extraForbidden: (loc: Loc, input: unknown): ErrorDetail => ({ type: 'extra_forbidden', loc, msg: 'Extra inputs are not permitted', input }),
  jsonInvalid: (loc: Loc, error: string): ErrorDetail => ({ type: 'json_invalid', loc, msg: 'JSON decode error', input: {}, ctx: { error } }),
};

/** `['a', 'b', 'c']` → `a, b or c` (pydantic's wording). */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
