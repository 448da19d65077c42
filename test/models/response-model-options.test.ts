/**
 * FastAPI's `response_model_exclude_unset`, `_exclude_none`, `_exclude_defaults`, `_include` and
 * `_exclude`, as options of `@ResponseModel`, at the top level, in nested models and through arrays.
 */
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Controller, DecorumError, Get, ResponseModel, createApp } from '@decorumjs/decorum';
import { describe, expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class Owner {
  @IsString() name!: string;
  @IsString() email!: string;
  @IsString() password!: string;
}

class Item {
  @IsString() name!: string;
  @IsOptional() @IsString() description?: string | null;
  @IsNumber() price!: number;
  @IsNumber() tax = 10.5;
  @IsString({ each: true }) tags: string[] = [];
  @IsOptional() @ValidateNested() @Type(() => Owner) owner?: Owner;
}

class Page {
  @IsInt() total!: number;
  @ValidateNested({ each: true }) @Type(() => Item) items!: Item[];
}

const owner = { name: 'ann', email: 'ann@example.com', password: 'hunter2' };
const foo = { name: 'Foo', price: 50.2 };
const bar = { name: 'Bar', description: null, price: 62, tax: 10.5, owner };

@Controller('opt')
class OptionsController {
  @Get('plain') @ResponseModel(Item) plain() { return foo; }
  @Get('unset') @ResponseModel(Item, { excludeUnset: true }) unset() { return foo; }
  @Get('unset-explicit') @ResponseModel(Item, { excludeUnset: true }) unsetExplicit() { return bar; }
  @Get('none') @ResponseModel(Item, { excludeNone: true }) none() { return bar; }
  @Get('defaults') @ResponseModel(Item, { excludeDefaults: true }) defaults() { return { ...bar, tags: [] }; }
  @Get('include') @ResponseModel(Item, { include: ['name', 'owner.email'] }) include() { return bar; }
  @Get('exclude') @ResponseModel(Item, { exclude: ['tax', 'owner.password'] }) exclude() { return bar; }
  @Get('page') @ResponseModel(Page, { exclude: ['items.owner'], excludeNone: true }) page() { return { total: 2, items: [bar, foo] }; }
  @Get('list') @ResponseModel([Item], { include: ['name'] }) list() { return [foo, bar]; }
}

const api = serve({ controllers: [OptionsController] });
const json = async (path: string) => {
  const res = await api.get(path);
  expect(res.status).toBe(200);
  return (await res.text());
};

describe('@ResponseModel options', () => {
  test('without options, defaults are filled in model order', async () => {
    expect(await json('/opt/plain')).toBe('{"name":"Foo","price":50.2,"tax":10.5,"tags":[]}');
  });

  test('excludeUnset: only what the handler set, even when it set a default value itself', async () => {
    expect(await json('/opt/unset')).toBe('{"name":"Foo","price":50.2}');
    expect(JSON.parse(await json('/opt/unset-explicit'))).toEqual(
      { name: 'Bar', description: null, price: 62, tax: 10.5, owner: { name: 'ann', email: 'ann@example.com', password: 'hunter2' } });
  });

  test('excludeNone: null fields are left out', async () => {
    expect(JSON.parse(await json('/opt/none'))).toEqual({ name: 'Bar', price: 62, tax: 10.5, tags: [], owner });
  });

  test('excludeDefaults: fields equal to their declared default are left out', async () => {
    expect(JSON.parse(await json('/opt/defaults'))).toEqual({ name: 'Bar', description: null, price: 62, owner });
  });

  test('include and exclude, with dotted paths into nested models', async () => {
    expect(JSON.parse(await json('/opt/include'))).toEqual({ name: 'Bar', owner: { email: 'ann@example.com' } });
    expect(JSON.parse(await json('/opt/exclude'))).toEqual(
      { name: 'Bar', description: null, price: 62, tags: [], owner: { name: 'ann', email: 'ann@example.com' } });
  });

  test('paths and flags apply to every item of an array', async () => {
    expect(JSON.parse(await json('/opt/page'))).toEqual({ total: 2, items: [
      { name: 'Bar', price: 62, tax: 10.5, tags: [] },
      { name: 'Foo', price: 50.2, tax: 10.5, tags: [] },
    ] });
    expect(JSON.parse(await json('/opt/list'))).toEqual([{ name: 'Foo' }, { name: 'Bar' }]);
  });
});

test('a path that names no field is refused at bootstrap, naming the route and the fields', async () => {
  @Controller('bad') class BadController { @Get() @ResponseModel(Item, { exclude: ['owner.secret'] }) read() { return foo; } }
  const app = createApp({ controllers: [BadController], logger: false });
  const error = await app.init().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DecorumError);
  expect((error as Error).message).toBe('DECORUM_ERR_RESPONSE_MODEL: GET /bad (BadController.read): @ResponseModel exclude names ' +
    '"owner.secret", which Owner does not declare (its fields: name, email, password). Fix the spelling, or take the path out of exclude.');
});
