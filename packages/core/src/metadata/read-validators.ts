/**
 * The raw class-validator and class-transformer metadata the compiled DTO validator needs beyond
 * `dtoShape`: each rule's constraint instance (the very `validate` function class-validator calls),
 * its conditions, and whether class-transformer would do anything but copy the input. Bootstrap only.
 */
import { getMetadataStorage, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { defaultMetadataStorage } from './class-transformer.js';
import { ValidationUtils } from 'class-validator/cjs/validation/ValidationUtils.js';
import type { Class } from './records.js';
import { readValidationRules } from './read.js';

/** One class-validator rule, as class-validator's executor would run it. */
export type RuleMeta = ReturnType<typeof readValidationRules>[number];

export interface ConstraintCheck {
  /** The constraint's name: the key class-validator gives its failure (`isString`, `min`…). */
  readonly name: string;
  readonly validate: (value: unknown, args: ValidationArguments) => boolean | Promise<boolean>;
  /** class-validator's message for a failure (the rule's own message, else the constraint's default). */
  readonly message: (args: ValidationArguments) => string;
}

/** The constraints behind a `customValidation` or `isDefined` rule (one for every built-in). */
export function readConstraints(meta: RuleMeta): ConstraintCheck[] {
  if (!meta.constraintCls) return [];
  return getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls).map((constraint) => {
    // `instance` resolves through class-validator's container on every read; resolve it once.
    const instance: ValidatorConstraintInterface = constraint.instance;
    return {
      name: constraint.name || meta.type,
      validate: (value, args) => instance.validate(value, args),
      message: (args) => {
        let message: unknown = meta.message || '';
        if (!meta.message && typeof instance.defaultMessage === 'function') message = instance.defaultMessage(args);
        return ValidationUtils.replaceMessageSpecialTokens(message as string, args);
      },
    };
  });
}

interface TransformerStorage {
  getStrategy(target: object): string;
  getExposedMetadatas(target: object): readonly unknown[];
  getExcludedMetadatas(target: object): readonly unknown[];
  getAncestors(target: object): readonly object[];
  readonly _typeMetadatas: ReadonlyMap<object, unknown>;
  readonly _transformMetadatas: ReadonlyMap<object, unknown>;
}

/**
 * True when `plainToInstance` would only copy the input's keys onto `new cls()`: no `@Type`,
 * `@Transform`, `@Expose` or `@Exclude` on the class or its ancestors. (The type and transform maps
 * are read directly: class-transformer 0.5.1 has no public "any metadata for this class" query.)
 */
export function isPlainCopyForTransformer(cls: Class): boolean {
  const storage = defaultMetadataStorage as unknown as TransformerStorage;
  if (storage.getStrategy(cls) !== 'none') return false;
  if (storage.getExposedMetadatas(cls).length > 0 || storage.getExcludedMetadatas(cls).length > 0) return false;
  for (const target of [cls, ...storage.getAncestors(cls)]) {
    if (storage._typeMetadatas.has(target) || storage._transformMetadatas.has(target)) return false;
  }
  return true;
}
