/**
 * Validation of a value against a `OneOf` union, as pydantic does: with a discriminator the tag picks
 * the variant (`union_tag_not_found` / `union_tag_invalid` when it cannot) and errors sit under the tag
 * (`["body", "cat", "meows"]`); without one, the first variant that validates wins and, when none does,
 * each variant's errors are reported under its class name (`["body", "Cat", "meows"]`).
 */
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import type { Class } from '../metadata/records.js';
import { decorumErrors } from '../errors.js';
import { dtoShape } from '../schema/dto-shape.js';
import { readUnionTags } from '../schema/one-of.js';
import type { TypeRef } from '../schema/type-spec.js';
import { INVALID } from './coerce.js';
import { issue } from './issues.js';

type Validator = (value: unknown, loc: Loc, errors: ErrorDetail[]) => unknown;
type UnionRef = Extract<TypeRef, { kind: 'union' }>;

export function compileUnionValidator(type: UnionRef, variantValidator: (cls: Class) => Validator): Validator {
  const { discriminator } = type;
  if (discriminator !== undefined) {
    const byTag = new Map([...readUnionTags(type.variants, discriminator)].map(([tag, cls]) => [tag, variantValidator(cls)]));
    const expected = [...byTag.keys()].map((t) => `'${t}'`).join(', ');
    return (value, loc, errors) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(errors, issue.modelType(loc, value));
      const tag = (value as Record<string, unknown>)[discriminator];
      const validate = byTag.get(tag as string | number);
      if (validate) return validate(value, [...loc, tag as string | number], errors);
      if (tag === undefined) {
        return fail(errors, { type: 'union_tag_not_found', loc, msg: `Unable to extract tag using discriminator '${discriminator}'`,
          input: value, ctx: { discriminator: `'${discriminator}'` } });
      }
      return fail(errors, { type: 'union_tag_invalid', loc,
        msg: `Input tag '${String(tag)}' found using '${discriminator}' does not match any of the expected tags: ${expected}`,
        input: value, ctx: { discriminator: `'${discriminator}'`, tag: String(tag), expected_tags: expected } });
    };
  }
  const asyncVariant = type.variants.find((cls) => dtoShape(cls).async);
  if (asyncVariant) {
    // Trying variants in turn needs each answer at once; a tag says which one to wait for.
    throw decorumErrors.unionAsyncVariant(asyncVariant.name);
  }
  const variants = type.variants.map((cls) => ({ name: cls.name, validate: variantValidator(cls) }));
  return (value, loc, errors) => {
    const failures: ErrorDetail[] = [];
    for (const variant of variants) {
      const scratch: ErrorDetail[] = [];
      const result = variant.validate(value, [...loc, variant.name], scratch);
      if (result !== INVALID && scratch.length === 0) return result;
      failures.push(...scratch);
    }
    errors.push(...failures);
    return INVALID;
  };
}

function fail(errors: ErrorDetail[], detail: ErrorDetail): typeof INVALID {
  errors.push(detail);
  return INVALID;
}
