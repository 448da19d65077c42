/**
 * A DTO class's shape, read once from class-validator's rules, `design:type`, `@Type` and `@Property`.
 * Validation, response filtering and the OpenAPI builder all read this one shape, so they cannot drift.
 */
import { DecorumError, decorumErrors } from '../errors.js';
import { readPropertyType, readTransformType, readValidationRules } from '../metadata/read.js';
import type { Class } from '../metadata/records.js';
import { readPropertyOptions, type PropertyOptions } from './property.js';
import {
  BOOLEAN, DATE, INTEGER, NUMBER, STRING, UNKNOWN, enumValues, toTypeRef, type TypeRef,
} from './type-spec.js';

/** One class-validator rule as declared: `{ name: 'min', constraints: [3] }`. */
export interface ValidationRule {
  readonly name: string;
  readonly constraints: readonly unknown[];
  /** Applies to each item of an array property. */
  readonly each: boolean;
  /** A user-defined validator, not one of class-validator's built-ins. */
  readonly custom: boolean;
}

export interface PropertyShape {
  readonly name: string;
  readonly type: TypeRef;
  /** `@IsOptional()`: undefined (and null, as class-validator defines it) skip validation. */
  readonly optional: boolean;
  readonly nullable: boolean;
  readonly hasDefault: boolean;
  readonly default: unknown;
  readonly rules: readonly ValidationRule[];
  readonly options: PropertyOptions;
}

export interface DtoShape {
  readonly cls: Class;
  readonly name: string;
  readonly properties: readonly PropertyShape[];
  /** Some rule is asynchronous, so validation must be awaited. */
  readonly async: boolean;
}

const shapes = new WeakMap<Class, DtoShape>();
const TYPE_RULES: Record<string, TypeRef> = {
  isInt: INTEGER, isNumber: NUMBER, isString: STRING, isBoolean: BOOLEAN, isDate: DATE,
};

export function dtoShape(cls: Class): DtoShape {
  const cached = shapes.get(cls);
  if (cached) return cached;
  const rules = readValidationRules(cls);
  if (rules.length === 0) {
    throw decorumErrors.dtoWithoutValidators(cls.name);
  }
  const byProperty = new Map<string, typeof rules>();
  for (const rule of rules) {
    const list = byProperty.get(rule.propertyName) ?? [];
    list.push(rule);
    byProperty.set(rule.propertyName, list);
  }
  const defaults = readDefaults(cls);
  let async = false;
  const properties: PropertyShape[] = [];
  for (const [name, propertyRules] of byProperty) {
    if (propertyRules.some((r) => r.async)) async = true;
    const options = readPropertyOptions(cls, name) ?? {};
    const normalised = propertyRules.map(toRule);
    properties.push({
      name,
      type: propertyType(cls, name, normalised, options),
      optional: normalised.some((r) => r.name === 'isOptional'),
      nullable: options.nullable === true,
      hasDefault: defaults !== undefined && defaults[name] !== undefined,
      default: defaults?.[name],
      rules: normalised.filter((r) => r.name !== 'isOptional'),
      options,
    });
  }
  const shape: { -readonly [K in keyof DtoShape]: DtoShape[K] } = { cls, name: cls.name, properties, async };
  // Cached before nested DTOs are read, so recursive DTOs (a tree of nodes) terminate.
  shapes.set(cls, shape);
  try {
    for (const property of properties) {
      const nested = nestedDto(property.type);
      // class-validator's validateSync skips async rules at any depth: one nested async rule makes
      // the whole DTO async.
      if (nested && withContext(cls, property.name, () => dtoShape(nested)).async) shape.async = true;
    }
  } catch (error) {
    shapes.delete(cls);
    throw error;
  }
  return shape;
}

/** The DTO class a property holds, directly or as array items. */
function nestedDto(type: TypeRef): Class | undefined {
  if (type.kind === 'dto') return type.dto;
  if (type.kind === 'array') return nestedDto(type.items);
  if (type.kind === 'record') return nestedDto(type.values);
  return undefined;
}

/** Prefixes a nested DTO's bootstrap error with the property that uses it: `Order.items: …`. */
function withContext<T>(cls: Class, property: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof DecorumError)) throw error;
    throw error.within(`${cls.name}.${property}`);
  }
}

function toRule(meta: ReturnType<typeof readValidationRules>[number]): ValidationRule {
  const name = meta.name ?? meta.type;
  // Built-ins register through ValidateBy: a generated `CustomConstraint` class plus a `name`.
  // `@Validate(MyConstraint)` carries the user's own class instead.
  const custom = meta.type === 'customValidation' && (meta.name === undefined || meta.constraintCls?.name !== 'CustomConstraint');
  return { name, constraints: meta.constraints ?? [], each: meta.each === true, custom };
}

function propertyType(cls: Class, name: string, rules: readonly ValidationRule[], options: PropertyOptions): TypeRef {
  const declared = options.type !== undefined ? toTypeRef(options.type) : undefined;
  if (declared) return declared;
  const designType = readPropertyType(cls, name);
  const nested = readTransformType(cls, name);
  const hasNestedRule = rules.some((r) => r.name === 'nestedValidation');
  const itemType = (): TypeRef | undefined => {
    if (typeof nested === 'function') return transformType(nested);
    return ruleType(rules.filter((r) => r.each));
  };
  // A union (`Image[] | null`) is recorded as Object: `@IsArray()` or an `each` nested rule says it is a list.
  const listByRules = rules.some((r) => r.name === 'isArray' || (r.name === 'nestedValidation' && r.each));
  if (designType === Array || listByRules) {
    const items = itemType();
    if (!items && hasNestedRule) throw nestedWithoutType(cls, name, true);
    return { kind: 'array', items: items ?? UNKNOWN };
  }
  if (typeof nested === 'function') return transformType(nested);
  // `design:type` may name the class, but without @Type class-transformer leaves the value a plain
  // object, which class-validator then rejects on every request.
  if (hasNestedRule) throw nestedWithoutType(cls, name, false);
  const fromRules = ruleType(rules.filter((r) => !r.each));
  if (fromRules) return fromRules;
  const fromDesign = designType === undefined ? undefined : toTypeRef(designType);
  if (fromDesign) return fromDesign;
  return UNKNOWN;
}

/** `@Type(() => Item)` names a nested DTO; `@Type(() => Date)` a date, not a model with properties. */
// class-transformer's `@Type` thunk returns its own `Function` type.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function transformType(nested: Function): TypeRef {
  return nested === Date ? DATE : { kind: 'dto', dto: nested as Class };
}

function ruleType(rules: readonly ValidationRule[]): TypeRef | undefined {
  for (const rule of rules) {
    const type = TYPE_RULES[rule.name];
    if (type) return type;
    if (rule.name === 'isEnum') return { kind: 'enum', values: enumValues(rule.constraints[0] as Record<string, unknown>) };
    if (rule.name === 'isIn') return { kind: 'enum', values: rule.constraints[0] as (string | number)[] };
  }
  return undefined;
}

function nestedWithoutType(cls: Class, name: string, array: boolean): DecorumError {
  return decorumErrors.dtoNestedUnknown(`${cls.name}.${name}`, array);
}

/** Property initialisers become defaults; a class whose constructor needs arguments has none. */
function readDefaults(cls: Class): Record<string, unknown> | undefined {
  try {
    return { ...(new (cls as new () => object)() as Record<string, unknown>) };
  } catch {
    return undefined;
  }
}
