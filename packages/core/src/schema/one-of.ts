/**
 * Unions of models, as pydantic's `Cat | Dog` and `Annotated[Cat | Dog, Field(discriminator='kind')]`:
 * a body or a response that is one of several DTOs. With a discriminator, the variant is the one whose
 * tag the value carries (`{"kind": "cat", …}`), and errors name it (`["body", "cat", "meows"]`);
 * without one, the first variant that validates wins, and errors name every variant by class.
 * A variant's tag is its discriminator property's single allowed value (`@IsIn(['cat'])`,
 * `@Equals('cat')`, a one-member enum) or, failing that, its initialiser (`kind = 'cat' as const`).
 * @example
 * @Post('pets') create(@Body({ type: OneOf([Cat, Dog], { discriminator: 'kind' }) }) pet: Cat | Dog) {}
 * @Get('pets/:id') @ResponseModel(OneOf([Cat, Dog], { discriminator: 'kind' })) read() {}
 */
import { decorumErrors } from '../errors.js';
import type { Class } from '../metadata/records.js';
import { dtoShape } from './dto-shape.js';
import { OneOfSpec } from './type-spec.js';

export interface OneOfOptions {
  /** The property whose value says which variant a value is. */
  readonly discriminator?: string;
}

export function OneOf(variants: readonly Class[], options: OneOfOptions = {}): OneOfSpec {
  if (variants.length < 2 || variants.some((v) => typeof v !== 'function')) {
    throw decorumErrors.oneOfVariants(variants.length < 2 ? `${variants.length}` : 'a variant that is not a class');
  }
  return new OneOfSpec([...variants], options.discriminator);
}

/** Each variant's tag → the variant, read once; a variant without exactly one tag is a bootstrap error. */
export function readUnionTags(variants: readonly Class[], discriminator: string): ReadonlyMap<string | number, Class> {
  const tags = new Map<string | number, Class>();
  for (const variant of variants) {
    const property = dtoShape(variant).properties.find((p) => p.name === discriminator);
    const equals = property?.rules.find((r) => r.name === 'equals')?.constraints[0];
    const tag = typeof equals === 'string' || typeof equals === 'number' ? equals
      : property?.type.kind === 'enum' && property.type.values.length === 1 ? property.type.values[0]
        : typeof property?.default === 'string' || typeof property?.default === 'number' ? property.default : undefined;
    if (tag === undefined) {
      throw decorumErrors.unionTagMissing(variant.name, discriminator, variant.name.toLowerCase());
    }
    const taken = tags.get(tag);
    if (taken) {
      throw decorumErrors.unionTagTaken(taken.name, variant.name, discriminator, JSON.stringify(tag));
    }
    tags.set(tag, variant);
  }
  return tags;
}
