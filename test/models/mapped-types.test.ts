/**
 * NestJS's mapped types make a model's create, update and summary variants with its validation rules,
 * nested types, docs and defaults; the PATCH recipe tells a field left out from one sent as `null`.
 */
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Min, MinLength, ValidateNested } from 'class-validator';
import {
  Body, Controller, IntersectionType, OmitType, Param, PartialType, Patch, PickType, Post, Property, openApiDocument,
} from '@decorumjs/decorum';
import { describe, expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class Dimensions {
  @IsNumber() width!: number;
  @IsNumber() height!: number;
}

class CreateItem {
  @IsString() @MinLength(2) @Property({ description: 'Display name' }) name!: string;
  @IsNumber() @Min(0) price!: number;
  @IsString() tier = 'basic';
  @IsOptional() @ValidateNested() @Type(() => Dimensions) size?: Dimensions;
}

class Audit {
  @IsString() by!: string;
}

class UpdateItem extends PartialType(CreateItem) {}
class ItemName extends PickType(CreateItem, ['name']) {}
class ItemWithoutTier extends OmitType(CreateItem, ['tier']) {}
class AuditedItem extends IntersectionType(CreateItem, Audit) {}

const stored = { name: 'Lamp', price: 30, tier: 'pro', size: { width: 1, height: 2 } };

@Controller('items')
class ItemsController {
  @Post('create') create(@Body() item: CreateItem) { return item; }
  @Post('name') name(@Body() item: ItemName) { return item; }
  @Post('without-tier') withoutTier(@Body() item: ItemWithoutTier) { return { ...item, hasTier: 'tier' in item }; }
  @Post('audited') audited(@Body() item: AuditedItem) { return item; }
  /** The PATCH recipe: apply exactly the fields the client sent; `null` is a value it sent. */
  @Patch(':id') update(@Param('id') _id: string, @Body() patch: UpdateItem) {
    return { sent: Object.keys(patch), item: { ...stored, ...patch } };
  }
}

const api = serve({ controllers: [ItemsController] });
const send = async (method: string, path: string, body: unknown) => {
  const res = await api.post(path, body, { method });
  return { status: res.status, body: (await res.json()) as unknown };
};
const errors = async (method: string, path: string, body: unknown) => {
  const res = await send(method, path, body);
  expect(res.status).toBe(422);
  return (res.body as { detail: Array<{ loc: unknown[]; type: string }> }).detail.map((d) => `${d.loc.join('.')}:${d.type}`);
};

describe('PartialType and the PATCH recipe', () => {
  test('nothing is required and no default is filled in', async () => {
    expect(await send('PATCH', '/items/1', {})).toEqual({ status: 200, body: { sent: [], item: stored } });
  });

  test('a field sent is applied, a field left out is kept', async () => {
    expect(await send('PATCH', '/items/1', { price: 25 })).toEqual({ status: 200, body: { sent: ['price'], item: { ...stored, price: 25 } } });
  });

  test('null is a value the client sent, unlike a field left out', async () => {
    expect(await send('PATCH', '/items/1', { size: null })).toEqual({ status: 200, body: { sent: ['size'], item: { ...stored, size: null } } });
  });

  test('the rules still hold for what is sent, nested models included', async () => {
    expect(await errors('PATCH', '/items/1', { name: 'x', price: -1, size: { width: 'wide' } })).toEqual(
      ['body.name:string_too_short', 'body.price:greater_than_equal', 'body.size.width:float_type', 'body.size.height:missing']);
  });
});

describe('PickType, OmitType and IntersectionType', () => {
  test('PickType keeps only the picked fields, with their rules', async () => {
    expect(await send('POST', '/items/name', { name: 'Lamp', price: 3 })).toEqual({ status: 200, body: { name: 'Lamp' } });
    expect(await errors('POST', '/items/name', {})).toEqual(['body.name:missing']);
  });

  test('OmitType drops the omitted field and its default', async () => {
    expect(await send('POST', '/items/without-tier', { name: 'Lamp', price: 3, tier: 'pro' })).toEqual(
      { status: 200, body: { name: 'Lamp', price: 3, hasTier: false } });
    expect(await errors('POST', '/items/without-tier', { name: 'Lamp' })).toEqual(['body.price:missing']);
  });

  test('IntersectionType requires the fields of both, with the defaults of both', async () => {
    expect(await send('POST', '/items/audited', { name: 'Lamp', price: 3, by: 'ann' })).toEqual(
      { status: 200, body: { tier: 'basic', name: 'Lamp', price: 3, by: 'ann' } });
    expect(await errors('POST', '/items/audited', { name: 'Lamp', price: 3 })).toEqual(['body.by:missing']);
  });

  test('the original model is untouched', async () => {
    expect(await send('POST', '/items/create', { name: 'Lamp', price: 3 })).toEqual({ status: 200, body: { tier: 'basic', name: 'Lamp', price: 3 } });
    expect(await errors('POST', '/items/create', {})).toEqual(['body.name:missing', 'body.price:missing']);
  });
});

test('the document names each variant and says what each requires', () => {
  const schemas = openApiDocument(api.app).components?.schemas as Record<string, { required?: string[]; properties: Record<string, { description?: string }> }>;
  expect(schemas.UpdateItem?.required).toBeUndefined();
  expect(Object.keys(schemas.UpdateItem?.properties ?? {})).toEqual(['name', 'price', 'tier', 'size']);
  expect(schemas.UpdateItem?.properties.name?.description).toBe('Display name');
  expect(schemas.ItemName?.required).toEqual(['name']);
  expect(Object.keys(schemas.ItemName?.properties ?? {})).toEqual(['name']);
  expect(schemas.ItemWithoutTier?.required).toEqual(['name', 'price']);
  expect(schemas.AuditedItem?.required).toEqual(['name', 'price', 'by']);
});
