/**
 * `OneOf` unions of models for bodies and responses, as pydantic's: a discriminator picks the variant by
 * its tag and errors sit under the tag; without one, the first variant that fits wins and errors name
 * every variant. The document says `oneOf` with OpenAPI's `discriminator`.
 */
import { Equals, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Min } from 'class-validator';
import { Body, Controller, DecorumError, Get, OneOf, Param, Post, Property, ResponseModel, createApp, openApiDocument } from '@decorumjs/decorum';
import { describe, expect, test } from 'vitest';
import { expectValidOpenApi } from '../openapi/expect-valid-openapi.js';
import { serve } from '../core/serve.js';

class Cat {
  @IsIn(['cat']) kind!: 'cat';
  @IsBoolean() meows!: boolean;
  @IsInt() @Min(0) lives = 9;
}

class Dog {
  @Equals('dog') kind!: 'dog';
  @IsString() bark!: string;
}

class Card { @IsString() number!: string; }
class Transfer { @IsString() iban!: string; }

const Pet = OneOf([Cat, Dog], { discriminator: 'kind' });
const Payment = OneOf([Card, Transfer]);

class Owner {
  @IsString() name!: string;
  @IsObject() @Property({ type: Pet }) pet!: Cat | Dog;
  @IsOptional() @IsArray() @Property({ type: [Pet] }) others?: (Cat | Dog)[];
}

@Controller('unions')
class UnionsController {
  @Post('pets') pet(@Body({ type: Pet }) pet: Cat | Dog) { return { variant: pet.constructor.name, pet }; }
  @Post('pets/many') pets(@Body({ type: [Pet] }) pets: (Cat | Dog)[]) { return pets.map((p) => p.constructor.name); }
  @Post('payments') pay(@Body({ type: Payment }) payment: Card | Transfer) { return { variant: payment.constructor.name }; }
  @Get('pets/:name') @ResponseModel(Pet) read(@Param('name') name: string) {
    if (name === 'tom') return { kind: 'cat', meows: true, secret: 'x' };
    if (name === 'rex') return { kind: 'dog', bark: 'woof' };
    return { kind: 'cow', moos: true };
  }
  @Post('owners') owner(@Body() owner: Owner) { return { variant: owner.pet.constructor.name, owner }; }
  @Get('owners') @ResponseModel(Owner) readOwner() {
    return { name: 'ann', pet: { kind: 'cat', meows: true, secret: 'x' }, others: [{ kind: 'dog', bark: 'woof', chip: 1 }], extra: 1 };
  }
  @Get('pets') @ResponseModel([Pet]) list() { return [{ kind: 'dog', bark: 'woof' }, { kind: 'cat', meows: false, lives: 3 }]; }
}

const api = serve({ controllers: [UnionsController] });
const post = async (path: string, body: unknown) => {
  const res = await api.post(path, body);
  return { status: res.status, body: (await res.json()) as unknown };
};
const errors = async (path: string, body: unknown) => {
  const res = await post(path, body);
  expect(res.status).toBe(422);
  return (res.body as { detail: Array<{ loc: unknown[]; type: string; msg: string }> }).detail;
};
const where = (detail: Array<{ loc: unknown[]; type: string }>) => detail.map((d) => `${d.loc.join('.')}:${d.type}`);

describe('a discriminated union', () => {
  test('the tag picks the variant, which the handler receives as its class', async () => {
    expect(await post('/unions/pets', { kind: 'cat', meows: true })).toEqual({
      status: 200, body: { variant: 'Cat', pet: { kind: 'cat', meows: true, lives: 9 } },
    });
    expect(await post('/unions/pets', { kind: 'dog', bark: 'woof' })).toEqual({ status: 200, body: { variant: 'Dog', pet: { kind: 'dog', bark: 'woof' } } });
  });

  test("errors sit under the variant's tag", async () => {
    expect(where(await errors('/unions/pets', { kind: 'cat', meows: 'yes', lives: -1 }))).toEqual(
      ['body.cat.meows:bool_type', 'body.cat.lives:greater_than_equal']);
    expect(where(await errors('/unions/pets/many', [{ kind: 'dog', bark: 'woof' }, { kind: 'dog' }]))).toEqual(['body.1.dog.bark:missing']);
  });

  test('a missing or unknown tag is one clear error', async () => {
    const [missing] = await errors('/unions/pets', { meows: true });
    expect(missing).toMatchObject({ type: 'union_tag_not_found', loc: ['body'], msg: "Unable to extract tag using discriminator 'kind'" });
    const [unknown] = await errors('/unions/pets', { kind: 'cow' });
    expect(unknown).toMatchObject({
      type: 'union_tag_invalid', loc: ['body'],
      msg: "Input tag 'cow' found using 'kind' does not match any of the expected tags: 'cat', 'dog'",
    });
    expect(where(await errors('/unions/pets', '"a cat"'))).toEqual(['body:model_attributes_type']);
  });
});

describe('a union as a DTO property', () => {
  test('the handler receives the variant instance', async () => {
    expect(await post('/unions/owners', { name: 'ann', pet: { kind: 'dog', bark: 'woof' } })).toEqual({
      status: 200, body: { variant: 'Dog', owner: { name: 'ann', pet: { kind: 'dog', bark: 'woof' } } },
    });
  });

  test('errors name the property, then the tag: ["body","pet","cat","meows"]', async () => {
    expect(where(await errors('/unions/owners', { name: 'ann', pet: { kind: 'cat', meows: 'yes' } }))).toEqual(['body.pet.cat.meows:bool_type']);
    expect(where(await errors('/unions/owners', { name: 'ann', pet: { kind: 'cat', meows: true }, others: [{ kind: 'dog', bark: 'w' }, { kind: 'hen' }] })))
      .toEqual(['body.others.1:union_tag_invalid']);
  });

  test('in a response model, each value is filtered by its variant', async () => {
    expect(await (await api.get('/unions/owners')).json()).toEqual({
      name: 'ann', pet: { kind: 'cat', meows: true }, others: [{ kind: 'dog', bark: 'woof' }],
    });
  });
});

describe('a union without a discriminator', () => {
  test('the first variant that fits wins', async () => {
    expect(await post('/unions/payments', { iban: 'DE00' })).toEqual({ status: 200, body: { variant: 'Transfer' } });
    expect(await post('/unions/payments', { number: '4242' })).toEqual({ status: 200, body: { variant: 'Card' } });
  });

  test('when none fits, each variant says why, under its class name', async () => {
    expect(where(await errors('/unions/payments', {}))).toEqual(['body.Card.number:missing', 'body.Transfer.iban:missing']);
  });
});

describe('a union as a response model', () => {
  test('each value is filtered and completed by its own variant', async () => {
    expect(await (await api.get('/unions/pets/tom')).json()).toEqual({ kind: 'cat', meows: true, lives: 9 });
    expect(await (await api.get('/unions/pets/rex')).json()).toEqual({ kind: 'dog', bark: 'woof' });
    expect(await (await api.get('/unions/pets')).json()).toEqual([{ kind: 'dog', bark: 'woof' }, { kind: 'cat', meows: false, lives: 3 }]);
  });

  test('a value no variant takes is the generic 500', async () => {
    const res = await api.get('/unions/pets/daisy');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ detail: 'Internal Server Error' });
  });
});

describe('the document', () => {
  const document = openApiDocument(api.app);
  const body = (path: string) =>
    (document.paths[path]?.post?.requestBody as { content: Record<string, { schema: unknown }> }).content['application/json']?.schema;

  test('says oneOf, with the discriminator and its mapping', () => {
    expect(body('/unions/pets')).toEqual({
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
    });
    expect(body('/unions/payments')).toEqual({ oneOf: [{ $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Transfer' }] });
  });

  test('responses point at the output schemas, and the document is valid OpenAPI 3.1', async () => {
    const schema = (document.paths['/unions/pets/{name}']?.get?.responses['200'] as unknown as { content: Record<string, { schema: { oneOf: unknown[] } }> })
      .content['application/json']?.schema;
    expect(schema?.oneOf).toEqual([{ $ref: '#/components/schemas/Cat-Output' }, { $ref: '#/components/schemas/Dog' }]);
    await expectValidOpenApi(document);
  });
});

test('a variant without a tag stops the app at bootstrap', async () => {
  class Bird { @IsString() kind!: string; }
  @Controller('bad') class BadController { @Post() create(@Body({ type: OneOf([Cat, Bird], { discriminator: 'kind' }) }) _pet: unknown) {} }
  const error = await createApp({ controllers: [BadController], logger: false }).init().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DecorumError);
  expect((error as DecorumError).code).toBe('DECORUM_ERR_DTO_INVALID');
  expect((error as Error).message).toContain('Bird.kind must name its tag, so OneOf can tell the variants apart.');
  expect((error as DecorumError).fix).toBe("Declare it with @IsIn(['bird']) (or @Equals('bird'), or an initialiser: kind = 'bird' as const).");
});

test('two variants with one tag stop the app at bootstrap, naming the handler and both', async () => {
  class Kitten { @IsIn(['cat']) kind!: 'cat'; @IsBoolean() purrs!: boolean; }
  @Controller('bad') class BadController { @Post() create(@Body({ type: OneOf([Cat, Kitten], { discriminator: 'kind' }) }) _pet: unknown) {} }
  const error = await createApp({ controllers: [BadController], logger: false }).init().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DecorumError);
  expect((error as Error).message).toBe('DECORUM_ERR_DTO_INVALID: BadController.create(#1 from body): Cat and Kitten both have kind "cat". Give each variant of a OneOf its own tag.');
});

test('OneOf of fewer than two classes is refused where it is written', () => {
  expect(() => OneOf([Cat])).toThrow('DECORUM_ERR_PARAM_TYPE: OneOf takes two or more DTO classes, got 1. List the variants as classes');
});
