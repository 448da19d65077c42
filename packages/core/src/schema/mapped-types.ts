/**
 * NestJS's mapped types, carrying validation rules, class-transformer metadata, `@Property` docs and
 * defaults, so one model makes its create, update and summary variants:
 * @example
 * class CreateItem { @IsString() name!: string; @IsNumber() price!: number; @IsString() tier = 'basic'; }
 * class UpdateItem extends PartialType(CreateItem) {}         // every field optional, no defaults
 * class ItemName extends PickType(CreateItem, ['name']) {}
 * class ItemNoTier extends OmitType(CreateItem, ['tier']) {}
 * class ItemWithOwner extends IntersectionType(CreateItem, Owner) {}
 *
 * Name the result with `class X extends …(…) {}`: the class name is the OpenAPI component name.
 * `PartialType` leaves defaults out, unlike NestJS's: a PATCH body must tell a field the client left
 * out from one it sent, and a default would overwrite stored data with it.
 */
import { IsOptional } from 'class-validator';
import { copyPropertyMetadata, readValidatedProperties } from '../metadata/copy-metadata.js';

/** A class made with `new` and no arguments, as DTOs are. */
export type DtoType<T> = new () => T;

/** Every property of `cls`, optional (`@IsOptional()`), without defaults. */
export function PartialType<T>(cls: DtoType<T>): DtoType<Partial<T>> {
  const keys = readValidatedProperties(cls);
  const mapped = named(`Partial${cls.name}`, class {});
  copyPropertyMetadata(cls, mapped, keys);
  for (const key of keys) IsOptional()(mapped.prototype as object, key);
  return mapped as DtoType<Partial<T>>;
}

/** Only `keys` of `cls`, with their rules and defaults. */
export function PickType<T extends object, K extends keyof T & string>(cls: DtoType<T>, keys: readonly K[]): DtoType<Pick<T, K>> {
  return project(`Pick${cls.name}`, cls, keys) as DtoType<Pick<T, K>>;
}

/** Every property of `cls` but `keys`, with their rules and defaults. */
export function OmitType<T extends object, K extends keyof T & string>(cls: DtoType<T>, keys: readonly K[]): DtoType<Omit<T, K>> {
  const omitted = new Set<string>(keys);
  return project(`Omit${cls.name}`, cls, readValidatedProperties(cls).filter((k) => !omitted.has(k))) as DtoType<Omit<T, K>>;
}

/**
 * The properties of both classes with their rules and defaults; where both declare one, both sets of
 * rules apply and the second's default wins.
 */
export function IntersectionType<A, B>(a: DtoType<A>, b: DtoType<B>): DtoType<A & B>;
export function IntersectionType<A, B, C>(a: DtoType<A>, b: DtoType<B>, c: DtoType<C>): DtoType<A & B & C>;
export function IntersectionType(...classes: DtoType<object>[]): DtoType<object> {
  const sources = classes.map((cls) => ({ cls, keys: readValidatedProperties(cls) }));
  const mapped = named(classes.map((c) => c.name).join(''), class {
    constructor() {
      for (const { cls, keys } of sources) copyDefaults(this, cls, keys);
    }
  });
  for (const { cls, keys } of sources) copyPropertyMetadata(cls, mapped, keys);
  return mapped;
}

function project(name: string, cls: DtoType<object>, keys: readonly string[]): DtoType<object> {
  const mapped = named(name, class {
    constructor() {
      copyDefaults(this, cls, keys);
    }
  });
  copyPropertyMetadata(cls, mapped, keys);
  return mapped;
}

/** Property initialisers of `cls` for `keys`, as a fresh instance of it has them (mutable defaults stay unshared). */
function copyDefaults(target: object, cls: DtoType<object>, keys: readonly string[]): void {
  let source: Record<string, unknown>;
  try {
    source = new cls() as Record<string, unknown>;
  } catch {
    return;
  }
  for (const key of keys) if (source[key] !== undefined) (target as Record<string, unknown>)[key] = source[key];
}

function named<C extends DtoType<object>>(name: string, cls: C): C {
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}
