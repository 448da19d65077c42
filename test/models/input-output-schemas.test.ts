/**
 * A model with defaults has two schemas, as pydantic's separate input and output schemas: a client may
 * leave a defaulted field out (`Item`), but a response model always writes it (`Item-Output`).
 */
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { Body, Controller, Get, Post, ResponseModel, openApiDocument } from '@decorumjs/decorum';
import { expect, test } from 'vitest';
import { expectValidOpenApi } from '../openapi/expect-valid-openapi.js';
import { serve } from '../core/serve.js';

class Item {
  @IsString() name!: string;
  @IsString() tier = 'basic';
  @IsOptional() @IsString() note?: string;
}

class Order {
  @IsString() id!: string;
  @ValidateNested() @Type(() => Item) item!: Item;
}

class User {
  @IsString() name!: string;
}

@Controller('io')
class SchemasController {
  @Post('items') create(@Body() item: Item) { return item; }
  @Get('items') @ResponseModel(Item) read() { return { name: 'Lamp' }; }
  @Get('orders') @ResponseModel(Order) order() { return { id: 'o1', item: { name: 'Lamp' } }; }
  @Get('users') @ResponseModel(User) user() { return { name: 'ann' }; }
  @Get('sparse') @ResponseModel(Item, { excludeUnset: true }) sparse() { return { name: 'Lamp' }; }
}

const api = serve({ controllers: [SchemasController] });
const document = openApiDocument(api.app);
const schemas = document.components?.schemas as Record<string, { required?: string[]; properties: Record<string, unknown> }>;
const responseSchema = (path: string) =>
  (document.paths[path]?.get?.responses['200'] as { content: Record<string, { schema: unknown }> }).content['application/json']?.schema;

test('the input schema lets a defaulted field be left out; the output schema requires it', () => {
  expect(schemas.Item?.required).toEqual(['name']);
  expect(schemas['Item-Output']?.required).toEqual(['name', 'tier']);
  expect(schemas['Item-Output']?.properties.tier).toEqual({ type: 'string', default: 'basic' });
  const body = document.paths['/io/items']?.post?.requestBody as { content: Record<string, { schema: unknown }> };
  expect(body.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Item' });
  expect(responseSchema('/io/items')).toEqual({ $ref: '#/components/schemas/Item-Output' });
});

test('what the output schema promises is what the response holds', async () => {
  expect(await (await api.get('/io/items')).json()).toEqual({ name: 'Lamp', tier: 'basic' });
  expect(await (await api.get('/io/orders')).json()).toEqual({ id: 'o1', item: { name: 'Lamp', tier: 'basic' } });
});

test('a model nesting one with defaults has an output schema pointing at the nested output', () => {
  expect(responseSchema('/io/orders')).toEqual({ $ref: '#/components/schemas/Order-Output' });
  expect(schemas['Order-Output']?.properties.item).toEqual({ $ref: '#/components/schemas/Item-Output' });
});

test('a model without defaults has one schema; a route leaving unset fields out uses the input one', () => {
  expect(Object.keys(schemas).sort()).toEqual(['HTTPValidationError', 'Item', 'Item-Output', 'Order-Output', 'User', 'ValidationError']);
  expect(responseSchema('/io/users')).toEqual({ $ref: '#/components/schemas/User' });
  expect(responseSchema('/io/sparse')).toEqual({ $ref: '#/components/schemas/Item' });
});

test('the document is valid OpenAPI 3.1', async () => {
  await expectValidOpenApi(document);
});
