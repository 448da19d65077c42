/**
 * A DTO validator compiled at bootstrap from class-validator's own metadata. Per request it does what
 * `plainToInstance` + `validateSync` + our error mapping do for the same DTO, minus their per-call
 * metadata lookups, grouping and error-tree building: copy the input's keys onto `new cls()`, strip or
 * forbid undeclared keys, run each rule's own constraint `validate`, and map failures as
 * `validate-dto.ts` does. Identity with that path is checked by `compiled-dto-validator.test.ts`.
 *
 * Only what is provably identical is compiled. A DTO falls back to class-validator entirely when it
 * has nested or async rules, user-defined constraints, class-transformer decorators, or initialised
 * properties without rules; a request falls back when a declared value is an object (class-transformer
 * deep-copies those) other than a Date or an array of primitives (which it copies shallowly, as done here).
 */
import type { ValidationArguments } from 'class-validator';
import type { Class } from '../metadata/records.js';
import { readValidationRules } from '../metadata/read.js';
import { dtoShape, type PropertyShape } from '../schema/dto-shape.js';
import { toErrorDetails } from './class-validator-errors.js';
import { INVALID } from './coerce.js';
import { issue } from './issues.js';
import type { DtoValidationOptions, DtoValidator } from './validate-dto.js';
import { isPlainCopyForTransformer, readConstraints, type ConstraintCheck, type RuleMeta } from '../metadata/read-validators.js';

type Condition = (object: object, value: unknown) => boolean;

interface Check extends ConstraintCheck {
  readonly each: boolean;
  readonly constraints: unknown[];
  readonly validateIf: Condition | undefined;
}

interface PropertyPlan {
  readonly name: string;
  readonly shape: PropertyShape;
  readonly conditions: readonly Condition[];
  /** `isDefined` checks first, then the others, each in declaration order (class-validator's order). */
  readonly checks: readonly Check[];
}

type Bag = Record<string, unknown>;

/** Returns undefined when the DTO needs class-validator itself (see the file comment). */
export function compileFastDtoValidator(cls: Class, options: DtoValidationOptions, fallback: DtoValidator): DtoValidator | undefined {
  const shape = dtoShape(cls);
  if (shape.async || !isPlainCopyForTransformer(cls)) return undefined;
  const probe = construct(cls);
  if (!probe) return undefined;
  // Grouped into a plain object, as class-validator does, so properties run in its key order.
  const grouped: Record<string, RuleMeta[]> = {};
  for (const meta of readValidationRules(cls)) (grouped[meta.propertyName] ??= []).push(meta);
  const declared = new Set(Object.keys(grouped));
  if (Object.keys(probe).some((key) => !declared.has(key))) return undefined;

  const plan: PropertyPlan[] = [];
  for (const name of Object.keys(grouped)) {
    const property = planProperty(name, grouped[name] as RuleMeta[], shape.properties.find((p) => p.name === name));
    if (!property) return undefined;
    plan.push(property);
  }
  const proto = cls.prototype as object;
  const targetName = (probe.constructor as { name?: string } | undefined)?.name;
  const forbid = options.unknownProperties === 'forbid';
  // class-transformer skips these keys: it never overwrites methods or getter-only accessors.
  const skipped = (instance: Bag, key: string) => {
    if (key === '__proto__' || key === 'constructor') return true;
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    return (descriptor !== undefined && !descriptor.set) || instance[key] instanceof Function;
  };
  const skippedDeclared = new Set([...declared].filter((key) => skipped(probe, key)));
  const Dto = cls as new () => Bag;

  return (input, loc, errors) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      errors.push(issue.modelType(loc, input));
      return INVALID;
    }
    const source = input as Bag;
    const instance = new Dto();
    let extras: string[] | undefined;
    for (const key of Object.keys(source)) {
      if (!declared.has(key)) {
        if (forbid && !skipped(instance, key)) (extras ??= []).push(key);
        continue;
      }
      if (skippedDeclared.has(key)) continue;
      let value = source[key];
      if (typeof value === 'object' && value !== null) {
        // class-transformer copies a Date into an equal one (and shallow-copies arrays of primitives).
        if (value instanceof Date) value = new Date(value.getTime());
        else if (isPrimitiveArray(value)) value = value.slice();
        else return fallback(input, loc, errors);
      }
      instance[key] = value;
    }

    const before = errors.length;
    if (extras) for (const key of extras) errors.push(issue.extraForbidden([...loc, key], source[key]));
    for (const property of plan) {
      const value = instance[property.name];
      if (!allHold(property.conditions, instance, value)) continue;
      let failed: Record<string, string> | undefined;
      for (const check of property.checks) {
        if (check.validateIf && !check.validateIf(instance, value)) continue;
        const args: ValidationArguments = {
          targetName: targetName as string, property: property.name, object: instance, value, constraints: check.constraints,
        };
        if (!passes(check, value, args)) (failed ??= {})[check.name] = check.message(args);
      }
      if (!failed) continue;
      // Reported against the client's input, not the instance (which may hold a default).
      const sent = source[property.name];
      if (property.shape.nullable && sent === null) continue;
      const here = [...loc, property.name];
      if (sent === undefined && !property.shape.optional) errors.push(issue.missing(here, input));
      else errors.push(...toErrorDetails(failed, sent, here, property.shape.rules));
    }
    return errors.length === before ? instance : INVALID;
  };
}

function planProperty(name: string, metas: readonly RuleMeta[], shape: PropertyShape | undefined): PropertyPlan | undefined {
  if (!shape) return undefined;
  const conditions: Condition[] = [];
  const defined: Check[] = [];
  const others: Check[] = [];
  for (const meta of metas) {
    switch (meta.type) {
      case 'conditionalValidation':
        conditions.push(meta.constraints[0] as Condition);
        break;
      case 'whitelistValidation': // @Allow(): only declares the property
        break;
      case 'isDefined':
      case 'customValidation': {
        if (isUserConstraint(meta)) return undefined;
        const checks = readConstraints(meta).map((c): Check => ({
          ...c, each: meta.each === true, constraints: meta.constraints, validateIf: meta.validateIf as Condition | undefined,
        }));
        (meta.type === 'isDefined' ? defined : others).push(...checks);
        break;
      }
      default: // nested and promise validation
        return undefined;
    }
  }
  return { name, shape, conditions, checks: [...defined, ...others] };
}

/** Built-ins register through `ValidateBy`, which generates a class named `CustomConstraint`. */
function isUserConstraint(meta: RuleMeta): boolean {
  return meta.type === 'customValidation' && (meta.name === undefined || meta.constraintCls?.name !== 'CustomConstraint');
}

function passes(check: Check, value: unknown, args: ValidationArguments): boolean {
  // `each` applies to the items when the value is an array, and to the value itself otherwise.
  if (check.each && Array.isArray(value)) return value.every((item) => Boolean(check.validate(item, args)));
  return Boolean(check.validate(value, args));
}

function allHold(conditions: readonly Condition[], object: object, value: unknown): boolean {
  for (const condition of conditions) if (!condition(object, value)) return false;
  return true;
}

function isPrimitiveArray(value: object): value is unknown[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item === 'object' && item !== null) return false;
  return true;
}

function construct(cls: Class): Bag | undefined {
  try {
    return new (cls as new () => Bag)();
  } catch {
    return undefined;
  }
}
