/**
 * Copies what decorators recorded about some properties of one class onto another: class-validator
 * rules, class-transformer's `@Type`/`@Transform`/`@Expose`/`@Exclude`, `design:type` and Decorum's
 * `@Property` options. The mapped types (`PickType`, `PartialType`…) are built on it, as NestJS's are.
 * Bootstrap only (mapped types are made at import time).
 */
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
// class-transformer has no exports map; its CommonJS storage module is the documented way to reach it.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { Property, readPropertyOptions } from '../schema/property.js';
import type { Class } from './records.js';

type PerProperty<T> = ReadonlyMap<object, ReadonlyMap<string, T>>;

/** class-transformer 0.5.1 keeps per-property metadata in private maps with no public "list" query. */
interface TransformerStorage {
  readonly _typeMetadatas: PerProperty<{ target: object }>;
  readonly _transformMetadatas: PerProperty<ReadonlyArray<{ target: object }>>;
  readonly _exposeMetadatas: PerProperty<{ target: object }>;
  readonly _excludeMetadatas: PerProperty<{ target: object }>;
  addTypeMetadata(meta: object): void;
  addTransformMetadata(meta: object): void;
  addExposeMetadata(meta: object): void;
  addExcludeMetadata(meta: object): void;
}

/** The names of the properties class-validator knows on `cls`, inherited ones included, in declaration order. */
export function readValidatedProperties(cls: Class): string[] {
  const names = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false).map((m) => m.propertyName);
  return [...new Set(names)];
}

export function copyPropertyMetadata(from: Class, to: Class, keys: readonly string[]): void {
  const wanted = new Set(keys);
  const validators = getMetadataStorage();
  for (const meta of validators.getTargetValidationMetadatas(from, '', true, false)) {
    if (wanted.has(meta.propertyName)) validators.addValidationMetadata({ ...meta, target: to } as ValidationMetadata);
  }
  const transformer = defaultMetadataStorage as unknown as TransformerStorage;
  // Nearest class first, so a subclass's `@Type` wins over its parent's.
  for (const key of keys) {
    let typeDone = false;
    let exposeDone = false;
    let excludeDone = false;
    for (const source of lineage(from)) {
      const type = transformer._typeMetadatas.get(source)?.get(key);
      if (type && !typeDone) {
        transformer.addTypeMetadata({ ...type, target: to });
        typeDone = true;
      }
      const expose = transformer._exposeMetadatas.get(source)?.get(key);
      if (expose && !exposeDone) {
        transformer.addExposeMetadata({ ...expose, target: to });
        exposeDone = true;
      }
      const exclude = transformer._excludeMetadatas.get(source)?.get(key);
      if (exclude && !excludeDone) {
        transformer.addExcludeMetadata({ ...exclude, target: to });
        excludeDone = true;
      }
      for (const transform of transformer._transformMetadatas.get(source)?.get(key) ?? []) {
        transformer.addTransformMetadata({ ...transform, target: to });
      }
    }
    const designType: unknown = Reflect.getMetadata('design:type', from.prototype as object, key);
    if (designType !== undefined) Reflect.defineMetadata('design:type', designType, to.prototype as object, key);
    const options = readPropertyOptions(from, key);
    if (options) Property(options)(to.prototype as object, key);
  }
}

/** `cls` and its ancestors, nearest first. */
function lineage(cls: Class): object[] {
  const out: object[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) out.push(c);
  return out;
}
