/**
 * class-validator constraint names → pydantic error types. Where a type check failed, only that error
 * is reported for the field (as pydantic does); otherwise every failed constraint is. String formats
 * with a pydantic type (`isEmail` → `value_error`, `isUrl` → `url_parsing`, `isUuid` → `uuid_parsing`,
 * `isDateString` → `datetime_parsing`, …) take it. Constraints without a pydantic equivalent keep
 * their own name as `type` and class-validator's message.
 */
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import type { ValidationRule } from '../schema/dto-shape.js';
import { enumValues } from '../schema/type-spec.js';
import * as validators from 'class-validator';
import { issue } from './issues.js';

const TYPE_CHECKS: Record<string, (loc: Loc, value: unknown) => ErrorDetail> = {
  isString: (loc, v) => issue.stringType(loc, v),
  isInt: (loc, v) => issue.intType(loc, v),
  isNumber: (loc, v) => issue.floatType(loc, v),
  isBoolean: (loc, v) => issue.boolType(loc, v),
  // A string that did not become a valid Date (`@Type(() => Date)`) failed to parse; anything else is no datetime.
  isDate: (loc, v) => (typeof v === 'string' ? issue.datetimeParsing(loc, v) : issue.datetimeType(loc, v)),
  isArray: (loc, v) => issue.listType(loc, v),
  isObject: (loc, v) => issue.modelType(loc, v),
  nestedValidation: (loc, v) => issue.modelType(loc, v),
  unknownValue: (loc, v) => issue.modelType(loc, v),
};

export function toErrorDetails(
  constraints: Readonly<Record<string, string>>, value: unknown, loc: Loc, rules: readonly ValidationRule[] = [],
): ErrorDetail[] {
  if (Array.isArray(value)) {
    const perItem = eachItemDetails(constraints, value, loc, rules);
    if (perItem) return perItem;
  }
  for (const name of Object.keys(constraints)) {
    const typeCheck = TYPE_CHECKS[name];
    if (typeCheck) return [typeCheck(loc, value)];
  }
  return Object.entries(constraints).map(([name, message]) => {
    const args = rules.find((r) => r.name === name)?.constraints ?? [];
    return constraintDetail(name, message, value, loc, args);
  });
}

/**
 * String formats with a pydantic type: a value that is no string at all is pydantic's type error
 * (`string_type`, `uuid_type`), a string that does not parse its parsing error.
 */
const STRING_FORMATS: Record<string, (loc: Loc, value: string, args: readonly unknown[]) => ErrorDetail> = {
  isEmail: (loc, v) => issue.email(loc, v),
  isUrl: (loc, v) => issue.urlParsing(loc, v),
  isUuid: (loc, v) => issue.uuidParsing(loc, v),
  isDateString: (loc, v) => issue.datetimeParsing(loc, v),
  isIso8601: (loc, v) => issue.datetimeParsing(loc, v),
  isIp: (loc, v, args) => issue.ipAddress(loc, v, ipVersion(args[0])),
  isDecimal: (loc, v) => issue.decimalParsing(loc, v),
  isJson: (loc, v) => issue.jsonString(loc, v),
};

function ipVersion(version: unknown): 4 | 6 | undefined {
  const v = Number(version);
  return v === 4 || v === 6 ? v : undefined;
}

function constraintDetail(name: string, message: string, value: unknown, loc: Loc, args: readonly unknown[]): ErrorDetail {
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
  const n = (i: number) => Number(args[i]);
  const format = STRING_FORMATS[name];
  if (format) {
    if (typeof value !== 'string') return name === 'isUuid' ? issue.uuidType(loc, value) : issue.stringType(loc, value);
    return format(loc, value, args);
  }
  switch (name) {
    case 'isDefined':
      return issue.missing(loc, value ?? null);
    case 'whitelistValidation':
      return issue.extraForbidden(loc, value);
    case 'min':
      return issue.greaterThanEqual(loc, value, n(0));
    case 'max':
      return issue.lessThanEqual(loc, value, n(0));
    case 'isPositive':
      return issue.greaterThan(loc, value, 0);
    case 'isNegative':
      return issue.lessThan(loc, value, 0);
    case 'minLength':
      return issue.stringTooShort(loc, value, n(0));
    case 'maxLength':
      return issue.stringTooLong(loc, value, n(0));
    case 'isLength':
      return length < n(0) ? issue.stringTooShort(loc, value, n(0)) : issue.stringTooLong(loc, value, n(1));
    case 'isNotEmpty':
      // pydantic's `min_length=1` on a string; null and the like keep class-validator's own name.
      return value === '' ? issue.stringTooShort(loc, value, 1) : { type: name, loc, msg: message, input: value };
    case 'arrayNotEmpty':
      return issue.tooShort(loc, value, 1, length);
    case 'isDivisibleBy':
      return issue.multipleOf(loc, value, n(0));
    case 'equals':
      return issue.literal(loc, value, args[0]);
    case 'arrayMinSize':
      return issue.tooShort(loc, value, n(0), length);
    case 'arrayMaxSize':
      return issue.tooLong(loc, value, n(0), length);
    case 'isEnum':
      return issue.enum(loc, value, enumValues((args[0] ?? {}) as Record<string, unknown>));
    case 'isIn':
      return issue.enum(loc, value, (args[0] as (string | number)[] | undefined) ?? []);
    case 'matches': {
      const pattern = args[0] instanceof RegExp ? args[0].source : String(args[0]);
      return issue.patternMismatch(loc, value, pattern);
    }
    default:
      return { type: name, loc, msg: message, input: value };
  }
}

/**
 * `@IsInt({ each: true })` fails as one error on the whole list; pydantic reports each bad item at its
 * own index (`["body","ids",1]`). When every failed constraint is an `each` rule of a built-in whose
 * predicate class-validator exports, the items are checked again one by one to find which failed.
 */
function eachItemDetails(
  constraints: Readonly<Record<string, string>>, items: readonly unknown[], loc: Loc, rules: readonly ValidationRule[],
): ErrorDetail[] | undefined {
  const checks: Array<{ name: string; message: string; args: readonly unknown[]; holds: (item: unknown) => boolean }> = [];
  for (const [name, message] of Object.entries(constraints)) {
    const rule = rules.find((r) => r.name === name && r.each);
    const predicate = rule && predicateOf(name);
    if (!rule || !predicate) return undefined;
    checks.push({ name, message, args: rule.constraints, holds: (item) => predicate(item, ...rule.constraints) });
  }
  const details: ErrorDetail[] = [];
  items.forEach((item, index) => {
    const failed = checks.filter((check) => !check.holds(item));
    if (failed.length === 0) return;
    const here = [...loc, index];
    const typeFailure = failed.find((check) => TYPE_CHECKS[check.name]);
    if (typeFailure) details.push((TYPE_CHECKS[typeFailure.name] as (l: Loc, v: unknown) => ErrorDetail)(here, item));
    else for (const check of failed) details.push(constraintDetail(check.name, check.message, item, here, check.args));
  });
  return details.length > 0 ? details : undefined;
}

type Predicate = (value: unknown, ...constraints: readonly unknown[]) => boolean;
// Rule names whose exported predicate is spelled differently.
const PREDICATE_NAMES: Readonly<Record<string, string>> = {
  isLength: 'length', isUrl: 'isURL', isUuid: 'isUUID', isIp: 'isIP', isIso8601: 'isISO8601', isJson: 'isJSON',
};
const predicates = validators as unknown as Record<string, Predicate | undefined>;

function predicateOf(name: string): Predicate | undefined {
  const predicate = predicates[PREDICATE_NAMES[name] ?? name];
  return typeof predicate === 'function' ? predicate : undefined;
}
