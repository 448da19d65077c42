/**
 * JSON has no dates, so a DTO property declared as a `Date` (`@IsDate()`, `@Type(() => Date)` or its
 * `design:type`) takes an ISO 8601 string, as pydantic's `datetime` does and as the OpenAPI document
 * says (`format: date-time`). The string is parsed with the query string's strict ISO rule before the
 * DTO is validated; one that does not parse is pydantic's `datetime_parsing`, not `datetime_type`.
 * A `Date` written back goes out as ISO 8601 (RFC 3339) through the JSON encoder.
 */
import type { Class } from '../metadata/records.js';
import { dtoShape } from '../schema/dto-shape.js';
import { INVALID, parseIsoDate } from './coerce.js';
import { issue } from './issues.js';
import type { DtoValidator } from './validate-dto.js';
import { isPromise } from './validate-json.js';

/** `validate`, with the DTO's date properties parsed from ISO strings first; unchanged if it has none. */
export function withIsoDates(cls: Class, validate: DtoValidator): DtoValidator {
  const dates = dtoShape(cls).properties.filter((p) => p.type.kind === 'date').map((p) => p.name);
  if (dates.length === 0) return validate;
  return (input, loc, errors) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return validate(input, loc, errors);
    const source = input as Record<string, unknown>;
    let parsed: Record<string, unknown> | undefined;
    let unparsable: string[] | undefined;
    for (const name of dates) {
      const value = source[name];
      if (typeof value !== 'string') continue;
      const date = parseIsoDate(value);
      if (date) (parsed ??= { ...source })[name] = date;
      else (unparsable ??= []).push(name);
    }
    if (!unparsable) return validate(parsed ?? input, loc, errors);
    const before = errors.length;
    const replace = () => {
      // The validator calls the string a wrong type; say what is wrong with it instead.
      const bad = new Set(unparsable);
      const kept = errors.splice(before).filter((e) => !(e.loc.length === loc.length + 1 && bad.has(String(e.loc[loc.length]))));
      errors.push(...kept, ...(unparsable as string[]).map((name) => issue.datetimeParsing([...loc, name], source[name])));
      return INVALID;
    };
    const result = validate(parsed ?? input, loc, errors);
    return isPromise(result) ? result.then(replace) : replace();
  };
}
