/**
 * The only module that reads reflection metadata: TypeScript's `design:*` keys, class-validator's and
 * class-transformer's stores. Called at bootstrap only; nothing on the request path imports it.
 */
import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { defaultMetadataStorage } from './class-transformer.js';
import type { Class } from './records.js';

/** Parameter types of a method, or of the constructor when `method` is undefined. */
export function readParamTypes(target: Class, method: string | undefined): readonly unknown[] | undefined {
  const types: unknown = method === undefined
    ? Reflect.getMetadata('design:paramtypes', target)
    : Reflect.getMetadata('design:paramtypes', target.prototype as object, method);
  return Array.isArray(types) ? types : undefined;
}

export function readPropertyType(target: Class, property: string): unknown {
  return Reflect.getMetadata('design:type', target.prototype as object, property);
}

export function readReturnType(target: Class, method: string): unknown {
  return Reflect.getMetadata('design:returntype', target.prototype as object, method);
}

/** class-validator's rules for a class, inherited ones included, in declaration order. */
export function readValidationRules(target: Class): Array<ValidationMetadata & { readonly async: boolean }> {
  const storage = getMetadataStorage();
  return storage.getTargetValidationMetadatas(target, '', true, false).map((meta) => Object.assign(meta, {
    async: meta.constraintCls ? storage.getTargetValidatorConstraints(meta.constraintCls).some((c) => c.async) : false,
  }));
}

/** The class named by class-transformer's `@Type(() => X)` on a property, if any. */
export function readTransformType(target: Class, property: string): unknown {
  const meta = defaultMetadataStorage.findTypeMetadata(target, property);
  return meta?.typeFunction ? meta.typeFunction({ newObject: undefined, object: {}, property }) : undefined;
}
