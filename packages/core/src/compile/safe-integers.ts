/**
 * An integer past 2^53 in JSON has already lost digits when it is parsed (`9007199254740993` arrives
 * as `…992`), and class-validator's `@IsInt()` accepts the rounded number. Accepting it would store a
 * value the client never sent, so an integer property refuses it with `int_parsing_size`, naming the
 * safe range and the fix (send it as a string). Responses write bigints as strings for the same reason.
 */
import type { ErrorDetail } from '../http/validation-error.js';
import type { Class } from '../metadata/records.js';
import { dtoShape } from '../schema/dto-shape.js';
import { INVALID } from './coerce.js';
import type { DtoValidator } from './validate-dto.js';
import { isPromise } from './validate-json.js';

/** `validate`, refusing integers JSON cannot carry exactly in the DTO's integer properties. */
export function withSafeIntegers(cls: Class, validate: DtoValidator): DtoValidator {
  const integers = dtoShape(cls).properties.filter((p) => p.type.kind === 'integer').map((p) => p.name);
  if (integers.length === 0) return validate;
  return (input, loc, errors) => {
    const before = errors.length;
    const result = validate(input, loc, errors);
    if (typeof input !== 'object' || input === null) return result;
    let unsafe: string[] | undefined;
    for (const name of integers) {
      const value = (input as Record<string, unknown>)[name];
      if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) (unsafe ??= []).push(name);
    }
    if (!unsafe) return result;
    const report = () => {
      for (const name of unsafe as string[]) {
        // Said once per field: a rule that failed on the rounded number already named it.
        const said = errors.slice(before).some((e) => e.loc.length === loc.length + 1 && e.loc[loc.length] === name);
        if (!said) errors.push(intParsingSize([...loc, name], (input as Record<string, unknown>)[name]));
      }
      return INVALID;
    };
    return isPromise(result) ? result.then(report) : report();
  };
}

/** pydantic's `int_parsing_size`, with why and what to do instead. */
export function intParsingSize(loc: readonly (string | number)[], input: unknown): ErrorDetail {
  return {
    type: 'int_parsing_size', loc, input,
    msg: 'Input should be an integer between -(2^53 - 1) and 2^53 - 1: a larger JSON number loses digits; send it as a string',
    ctx: { max: Number.MAX_SAFE_INTEGER, min: Number.MIN_SAFE_INTEGER },
  };
}
