/**
 * DTO properties declared as dictionaries (`@IsObject() @Property({ type: Dict(Number) }) scores`):
 * class-validator checks the property is an object, this checks its keys and values as a `Dict` body
 * is checked (`validate-record.ts`), with locations under the property (`["body","scores","a"]`).
 */
import type { ErrorDetail } from '../http/validation-error.js';
import type { Class } from '../metadata/records.js';
import { dtoShape } from '../schema/dto-shape.js';
import { INVALID } from './coerce.js';
import type { DtoValidationOptions, DtoValidator } from './validate-dto.js';
import { compileJsonValidator, isPromise } from './validate-json.js';

/** `validate`, then the DTO's dictionary properties checked key by key; unchanged if it has none. */
export function withDictProperties(cls: Class, options: DtoValidationOptions, validate: DtoValidator): DtoValidator {
  const dicts = dtoShape(cls).properties.filter((p) => p.type.kind === 'record')
    .map((p) => ({ name: p.name, validate: compileJsonValidator(p.type, options) }));
  if (dicts.length === 0) return validate;
  return (input, loc, errors) => {
    const before = errors.length;
    const check = (result: unknown): unknown => {
      if (typeof input !== 'object' || input === null) return result;
      let failed = result === INVALID;
      for (const dict of dicts) {
        const value = (input as Record<string, unknown>)[dict.name];
        if (value === undefined || value === null) continue;
        // A property whose own rules failed (not an object, say) is reported once.
        if (errors.slice(before).some((e) => e.loc.length > loc.length && e.loc[loc.length] === dict.name)) continue;
        const scratch: ErrorDetail[] = [];
        const valid = dict.validate(value, [...loc, dict.name], scratch);
        if (scratch.length > 0 || valid === INVALID || isPromise(valid)) {
          errors.push(...scratch);
          failed = failed || scratch.length > 0 || valid === INVALID;
        } else if (!failed && typeof result === 'object' && result !== null) {
          (result as Record<string, unknown>)[dict.name] = valid;
        }
      }
      return failed ? INVALID : result;
    };
    const result = validate(input, loc, errors);
    return isPromise(result) ? result.then(check) : check(result);
  };
}
