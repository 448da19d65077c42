/**
 * Body and query DTOs: class-transformer builds the instance (no implicit conversion: JSON is never
 * coerced), class-validator checks it, and every failure becomes one FastAPI-shaped error with a full
 * `loc` (`["body","tags",0,"name"]`). Unknown properties are stripped, or rejected when asked.
 * Most DTOs run a validator compiled from the same metadata (`compiled-dto-validator.ts`), which gives
 * identical results several times faster; this file's class-validator path is its reference and fallback.
 */
import { plainToInstance } from '../metadata/class-transformer.js';
import { validate, validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import type { Class } from '../metadata/records.js';
import { dtoShape, type DtoShape } from '../schema/dto-shape.js';
import { INVALID } from './coerce.js';
import { issue } from './issues.js';
import { toErrorDetails } from './class-validator-errors.js';
import { compileFastDtoValidator } from './compiled-dto-validator.js';
import { dropConstructorKeys } from './drop-constructor-keys.js';
import { withIsoDates } from './iso-dates.js';
import { withSafeIntegers } from './safe-integers.js';
import { withStructuredProperties } from './structured-properties.js';
import type { TypeRef } from '../schema/type-spec.js';

export interface DtoValidationOptions {
  /** `forbid` answers 422 `extra_forbidden` for properties the DTO does not declare. */
  readonly unknownProperties: 'strip' | 'forbid';
  /** `lax` converts JSON values as pydantic's lax mode does (`"50.5"` for a number); `strict` (default) never. */
  readonly mode?: ValidationMode;
}

export type ValidationMode = 'strict' | 'lax';

export type DtoValidator = (input: unknown, loc: Loc, errors: ErrorDetail[]) => unknown;

export function compileDtoValidator(cls: Class, options: DtoValidationOptions): DtoValidator {
  const reference = compileClassValidatorDtoValidator(cls, options);
  const fast = compileFastDtoValidator(cls, options, reference) ?? reference;
  return withStructuredProperties(cls, options, withSafeIntegers(cls, withIsoDates(cls, fast)));
}

/** The DTO validator that runs class-transformer and class-validator on every call. */
export function compileClassValidatorDtoValidator(cls: Class, options: DtoValidationOptions): DtoValidator {
  const shape = dtoShape(cls);
  const validatorOptions: ValidatorOptions = {
    whitelist: true,
    forbidNonWhitelisted: options.unknownProperties === 'forbid',
    forbidUnknownValues: true,
    validationError: { target: false, value: true },
  };
  const toInstance = (input: object) => plainToInstance(
    cls as new () => object, dropConstructorKeys(input) as object, { enableImplicitConversion: false },
  );
  if (shape.async) {
    return async (input, loc, errors) => {
      if (!isPlainObject(input)) return rejectShape(input, loc, errors);
      const instance = toInstance(input);
      return report(await validate(instance, validatorOptions), instance, input, loc, shape, errors);
    };
  }
  return (input, loc, errors) => {
    if (!isPlainObject(input)) return rejectShape(input, loc, errors);
    const instance = toInstance(input);
    return report(validateSync(instance, validatorOptions), instance, input, loc, shape, errors);
  };
}

function rejectShape(input: unknown, loc: Loc, errors: ErrorDetail[]): typeof INVALID {
  errors.push(issue.modelType(loc, input));
  return INVALID;
}

function report(
  failures: ValidationError[], instance: object, input: object, loc: Loc, shape: DtoShape, errors: ErrorDetail[],
): unknown {
  const before = errors.length;
  collect(failures, input, loc, { dto: shape }, errors);
  reportMissingNested(shape, input, loc, errors, before);
  return errors.length === before ? instance : INVALID;
}

/**
 * class-validator lets an absent nested DTO through (`@ValidateNested()` skips undefined); pydantic calls
 * a required nested model `missing`. Walks the input's nested objects for required DTO properties it lacks.
 */
function reportMissingNested(shape: DtoShape, input: object, loc: Loc, errors: ErrorDetail[], from: number): void {
  for (const property of shape.properties) {
    const value = (input as Record<string, unknown>)[property.name];
    const here = [...loc, property.name];
    const nested = property.type.kind === 'dto' ? property.type.dto
      : property.type.kind === 'array' && property.type.items.kind === 'dto' ? property.type.items.dto : undefined;
    if (!nested) continue;
    if (value === undefined) {
      const reported = errors.slice(from).some((e) => e.loc.length === here.length && e.loc.every((k, i) => k === here[i]));
      if (!property.optional && !property.hasDefault && !reported) errors.push(issue.missing(here, input));
    } else if (isPlainObject(value)) {
      reportMissingNested(dtoShape(nested), value, here, errors, from);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => isPlainObject(item) && reportMissingNested(dtoShape(nested), item, [...here, i], errors, from));
    }
  }
}

/** Where the walk is in the DTO tree: a DTO's shape, or an array whose items have a shape. */
type Cursor = { readonly dto: DtoShape } | { readonly items: Cursor } | undefined;

function cursorOf(type: TypeRef): Cursor {
  if (type.kind === 'dto') return { dto: dtoShape(type.dto) };
  if (type.kind === 'array') return { items: cursorOf(type.items) };
  return undefined;
}

/** Walks class-validator's error tree beside the original input, so `loc` and `input` stay exact. */
function collect(failures: readonly ValidationError[], input: unknown, loc: Loc, cursor: Cursor, errors: ErrorDetail[]): void {
  for (const failure of failures) {
    const key: string | number = Array.isArray(input) && /^\d+$/.test(failure.property) ? Number(failure.property) : failure.property;
    const here = [...loc, key];
    const value = (input as Record<string | number, unknown> | null | undefined)?.[key];
    const property = cursor && 'dto' in cursor ? cursor.dto.properties.find((p) => p.name === failure.property) : undefined;
    if (property?.nullable && value === null) continue;
    if (failure.constraints) {
      if (value === undefined && property && !property.optional) errors.push(issue.missing(here, input));
      else errors.push(...toErrorDetails(failure.constraints, value, here, property?.rules));
    }
    if (failure.children?.length) {
      const next = property ? cursorOf(property.type) : cursor && 'items' in cursor ? cursor.items : undefined;
      collect(failure.children, value, here, next, errors);
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
