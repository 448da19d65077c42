/**
 * A generic model (`Page<Item>`) is a function that makes one named class per type argument: the
 * document gets `ItemPage` beside `UserPage`, and responses are validated and filtered through it.
 */
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, ValidateNested } from 'class-validator';
import { Controller, Get, ResponseModel, genericModel, openApiDocument, type DtoType } from '@decorumjs/decorum';
import { expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class Item {
  @IsString() name!: string;
}

class User {
  @IsEmail() email!: string;
}

const Page = genericModel((name) => `${name}Page`, <T>(item: DtoType<T>) => {
  class Page {
    @IsInt() total!: number;
    @ValidateNested({ each: true }) @Type(() => item) items!: T[];
  }
  return Page;
});

@Controller('pages')
class PagesController {
  @Get('items') @ResponseModel(Page(Item)) items() { return { total: 1, items: [{ name: 'Lamp', cost: 3 }] }; }
  @Get('users') @ResponseModel(Page(User)) users() { return { total: 1, items: [{ email: 'ann@example.com', password: 'x' }] }; }
  @Get('items-again') @ResponseModel(Page(Item)) again() { return { total: 0, items: [] }; }
  @Get('broken') @ResponseModel(Page(Item)) broken() { return { total: 1, items: [{ name: 7 }] }; }
}

const api = serve({ controllers: [PagesController] });

test('one class per type argument, made once', () => {
  expect(Page(Item)).toBe(Page(Item));
  expect(Page(Item)).not.toBe(Page(User));
  expect(Page(Item).name).toBe('ItemPage');
});

test('responses are filtered and validated through the item type', async () => {
  expect(await (await api.get('/pages/items')).json()).toEqual({ total: 1, items: [{ name: 'Lamp' }] });
  expect(await (await api.get('/pages/users')).json()).toEqual({ total: 1, items: [{ email: 'ann@example.com' }] });
  expect((await api.get('/pages/broken')).status).toBe(500);
});

test('the document has one component per type argument, each with its own item schema', () => {
  const document = openApiDocument(api.app);
  const schemas = document.components?.schemas as Record<string, { properties?: Record<string, unknown> }>;
  expect(Object.keys(schemas).filter((name) => name.endsWith('Page')).sort()).toEqual(['ItemPage', 'UserPage']);
  expect(schemas.ItemPage?.properties?.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Item' } });
  expect(schemas.UserPage?.properties?.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/User' } });
  const ok = (path: string) => (document.paths[path]?.get?.responses['200'] as { content: Record<string, { schema: unknown }> }).content['application/json']?.schema;
  expect(ok('/pages/items')).toEqual({ $ref: '#/components/schemas/ItemPage' });
  expect(ok('/pages/items-again')).toEqual({ $ref: '#/components/schemas/ItemPage' });
});
