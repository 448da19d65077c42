/**
 * Validation of a dictionary (`Dict(Number)`, `Dict(Number, { keys: Int })`), as pydantic validates
 * `dict[str, float]` and `dict[int, float]`: a non-object is `dict_type`; each value is validated at
 * `[…, key]`; a key that is not of the key type is reported at `[…, key, "[key]"]`, pydantic's place
 * for it. Keys stay strings (JSON's), so the handler gets the object as sent.
 */
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import type { TypeRef } from '../schema/type-spec.js';
import { INVALID } from './coerce.js';
import { issue } from './issues.js';
import { isPromise } from './validate-json.js';

type Validator = (value: unknown, loc: Loc, errors: ErrorDetail[]) => unknown;
type RecordRef = Extract<TypeRef, { kind: 'record' }>;

const INTEGER_KEY = /^[+-]?\d+$/;
const NUMBER_KEY = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function compileRecordValidator(type: RecordRef, value: Validator): Validator {
  const checkKey = type.keys === 'integer'
    ? (key: string, loc: Loc) => (INTEGER_KEY.test(key) && Number.isSafeInteger(Number(key)) ? undefined : issue.intParsing(loc, key))
    : type.keys === 'number'
      ? (key: string, loc: Loc) => (NUMBER_KEY.test(key) ? undefined : issue.floatParsing(loc, key))
      : undefined;
  return (input, loc, errors) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      errors.push({ type: 'dict_type', loc, msg: 'Input should be a valid dictionary', input });
      return INVALID;
    }
    const before = errors.length;
    const out: Record<string, unknown> = {};
    let pending: Promise<unknown>[] | undefined;
    for (const key of Object.keys(input)) {
      const here = [...loc, key];
      const keyError = checkKey?.(key, [...here, '[key]']);
      if (keyError) errors.push(keyError);
      const valid = value((input as Record<string, unknown>)[key], here, errors);
      if (isPromise(valid)) (pending ??= []).push(valid.then((v) => define(out, key, v)));
      else define(out, key, valid);
    }
    const finish = () => (errors.length > before ? INVALID : out);
    return pending ? Promise.all(pending).then(finish) : finish();
  };
}

/** An own property even for `__proto__`, which plain assignment would take as the prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
