/**
 * DTO properties whose type class-validator cannot check, declared with `@Property({ type })`: a
 * dictionary (`Dict(Number)`) or a union (`OneOf([Cat, Dog], { discriminator: 'kind' })`), or arrays of
 * them. class-validator runs the property's own rules (`@IsObject()`, `@Allow()`), then this checks the
 * value as a body of that type is checked, with locations under the property (`["body","pet","cat",
 * "meows"]`, pydantic's), and puts the checked value (a union's variant instance) on the DTO.
 */
import type { ErrorDetail } from '../http/validation-error.js';
import type { Class } from '../metadata/records.js';
import { dtoShape } from '../schema/dto-shape.js';
import type { TypeRef } from '../schema/type-spec.js';
import { INVALID } from './coerce.js';
import type { DtoValidationOptions, DtoValidator } from './validate-dto.js';
import { compileJsonValidator, isPromise } from './validate-json.js';

/** `validate`, then the DTO's dictionary and union properties checked; unchanged if it has none. */
export function withStructuredProperties(cls: Class, options: DtoValidationOptions, validate: DtoValidator): DtoValidator {
  const dicts = dtoShape(cls).properties.filter((p) => isStructured(p.type))
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

function isStructured(type: TypeRef): boolean {
  return type.kind === 'record' || type.kind === 'union' || type.kind === 'set' || type.kind === 'duration' || type.kind === 'dateOnly' || type.kind === 'timeOnly' ||
    type.kind === 'decimal' || type.kind === 'bytes' || (type.kind === 'array' && isStructured(type.items));
}
