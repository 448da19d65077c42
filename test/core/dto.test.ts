// DTO bodies and query DTOs: nested locs, unknown properties, the validation status switch.
import { Type } from 'class-transformer';
import {
  IsArray, IsBoolean, IsInt, IsNumber, IsOptional, IsString, Min, MinLength, Validate, ValidateNested, ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { describe, expect, test } from 'vitest';
import { Body, Controller, Post, Get, Query } from '@decorumjs/decorum';
import { details, serve } from './serve.js';

class Tag {
  @IsString() @MinLength(1) name!: string;
}

class Address {
  @IsString() city!: string;
  @IsOptional() @IsString() zip?: string;
}

class Item {
  @IsString() name!: string;
  @IsNumber() @Min(0) price!: number;
  @IsOptional() @IsBoolean() available?: boolean;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Tag) tags!: Tag[];
  @ValidateNested() @Type(() => Address) address!: Address;
}

class Filters {
  @IsInt() @Min(1) page!: number;
  @IsOptional() @IsString() q?: string;
  @IsOptional() @IsBoolean() active?: boolean;
  @IsOptional() @IsString({ each: true }) tags?: string[];
}

@ValidatorConstraint({ name: 'not_taken', async: true })
class NotTaken implements ValidatorConstraintInterface {
  async validate(value: unknown) {
    await new Promise((r) => setTimeout(r, 1));
    return value !== 'taken';
  }
  defaultMessage() { return 'Name is taken'; }
}

class Account {
  @IsString() @Validate(NotTaken) login!: string;
}

class Signup {
  @ValidateNested() @Type(() => Account) account!: Account;
}

class TreeNode {
  @IsString() label!: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => TreeNode) children?: TreeNode[];
}

@Controller('dto')
class DtoController {
  @Post('items')
  create(@Body() item: Item) {
    return {
      item,
      isItem: item instanceof Item,
      isTag: item.tags.every((t) => t instanceof Tag),
      isAddress: item.address instanceof Address,
    };
  }

  @Post('signup') signup(@Body() signup: Signup) { return signup; }
  @Post('tree') tree(@Body() tree: TreeNode) { return tree; }

  @Get('search')
  search(@Query() filters: Filters) {
    return { filters, isFilters: filters instanceof Filters };
  }
}

const valid = { name: 'Foo', price: 3.5, tags: [{ name: 'a' }, { name: 'b' }], address: { city: 'Paris' } };

const api = serve({ controllers: [DtoController] });
const strict = serve({ controllers: [DtoController], validation: { unknownProperties: 'forbid' } });
const status400 = serve({ controllers: [DtoController], validation: { status: 400 } });

describe('DTO bodies', () => {
  test('a valid body becomes DTO instances, nested ones included', async () => {
    const res = await api.post('/dto/items', valid);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ item: valid, isItem: true, isTag: true, isAddress: true });
  });

  test('nested and array errors carry their full loc', async () => {
    const res = await api.post('/dto/items', { ...valid, tags: [{ name: 'ok' }, { name: '' }, { name: 5 }], address: { zip: 75 } });
    expect(res.status).toBe(422);
    const found = await details(res);
    expect(found).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'string_too_short', loc: ['body', 'tags', 1, 'name'], input: '' }),
      expect.objectContaining({ type: 'string_type', loc: ['body', 'tags', 2, 'name'], input: 5 }),
      expect.objectContaining({ type: 'missing', loc: ['body', 'address', 'city'] }),
      expect.objectContaining({ type: 'string_type', loc: ['body', 'address', 'zip'], input: 75 }),
    ]));
    expect(found).toHaveLength(4);
  });

  test('every missing field is reported at once', async () => {
    const res = await api.post('/dto/items', { address: {} });
    expect(res.status).toBe(422);
    const locs = (await details(res)).map((d) => [d.type, d.loc]);
    expect(locs).toEqual(expect.arrayContaining([
      ['missing', ['body', 'name']], ['missing', ['body', 'price']], ['missing', ['body', 'tags']], ['missing', ['body', 'address', 'city']],
    ]));
    expect(locs).toHaveLength(4);
  });

  test('a constraint failure names the constraint', async () => {
    const res = await api.post('/dto/items', { ...valid, price: -1 });
    expect(await details(res)).toEqual([
      expect.objectContaining({ type: 'greater_than_equal', loc: ['body', 'price'], input: -1, ctx: { ge: 0 } }),
    ]);
  });

  test('an own "constructor" key is data, never a class: a 422 like any object, not a crash', async () => {
    // class-transformer takes `value.constructor` for the class of an untyped nested object.
    for (const price of [{ constructor: 'text' }, { constructor: { x: 1 } }, { constructor: [1] }]) {
      const res = await api.post('/dto/items', { ...valid, price });
      expect(res.status).toBe(422);
      expect(await details(res)).toEqual([expect.objectContaining({ type: 'float_type', loc: ['body', 'price'], input: price })]);
    }
    const nested = await api.post('/dto/items', { ...valid, tags: [{ name: 'a', constructor: 'text' }], address: { city: 'Paris', constructor: 1 } });
    expect(nested.status).toBe(200);
    expect(await nested.json()).toEqual({ item: { ...valid, tags: [{ name: 'a' }] }, isItem: true, isTag: true, isAddress: true });
  });

  test('a body that is not an object is model_attributes_type', async () => {
    const res = await api.post('/dto/items', [valid]);
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([{ type: 'model_attributes_type', loc: ['body'] }]);
  });

  test('a missing body is missing at ["body"]', async () => {
    const res = await fetch(`${api.url}/dto/items`, { method: 'POST' });
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([{ type: 'missing', loc: ['body'] }]);
  });
});

describe('deep DTOs', () => {
  test('an async rule in a nested DTO is awaited', async () => {
    expect((await api.post('/dto/signup', { account: { login: 'free' } })).status).toBe(200);
    const res = await api.post('/dto/signup', { account: { login: 'taken' } });
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([{ type: 'not_taken', loc: ['body', 'account', 'login'], msg: 'Name is taken', input: 'taken' }]);
  });

  test('a recursive DTO validates at any depth', async () => {
    const tree = { label: 'root', children: [{ label: 'a', children: [{ label: 'a1' }] }, { label: 'b' }] };
    expect(await (await api.post('/dto/tree', tree)).json()).toEqual(tree);
    const res = await api.post('/dto/tree', { label: 'root', children: [{ label: 'a', children: [{ label: 7 }] }] });
    expect(await details(res)).toMatchObject([{ type: 'string_type', loc: ['body', 'children', 0, 'children', 0, 'label'], input: 7 }]);
  });
});

describe('unknown properties', () => {
  test('are stripped by default, at every level', async () => {
    const res = await api.post('/dto/items', {
      ...valid, role: 'admin', tags: [{ name: 'a', secret: 1 }], address: { city: 'Paris', extra: true },
    });
    expect(res.status).toBe(200);
    const { item } = (await res.json()) as { item: Record<string, unknown> };
    expect(item).toEqual({ ...valid, tags: [{ name: 'a' }] });
  });

  test('are rejected with extra_forbidden when the app forbids them', async () => {
    const res = await strict.post('/dto/items', { ...valid, role: 'admin', address: { city: 'Paris', extra: true } });
    expect(res.status).toBe(422);
    const found = await details(res);
    expect(found).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'extra_forbidden', loc: ['body', 'role'], input: 'admin', msg: 'Extra inputs are not permitted' }),
      expect.objectContaining({ type: 'extra_forbidden', loc: ['body', 'address', 'extra'], input: true }),
    ]));
    expect(found).toHaveLength(2);
  });

  test('a valid body without extras still passes when forbidden', async () => {
    expect((await strict.post('/dto/items', valid)).status).toBe(200);
  });

  test('unknown query keys are rejected for a query DTO when forbidden', async () => {
    const res = await strict.get('/dto/search?page=1&sort=asc');
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([{ type: 'extra_forbidden', loc: ['query', 'sort'], input: 'asc' }]);
  });
});

describe('whole-query DTO', () => {
  test('each property is coerced from its string', async () => {
    const res = await api.get('/dto/search?page=2&q=x&active=false&tags=a&tags=b&other=1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ filters: { page: 2, q: 'x', active: false, tags: ['a', 'b'] }, isFilters: true });
  });

  test('a single value of a list property is a list', async () => {
    expect(await (await api.get('/dto/search?page=1&tags=a')).json()).toMatchObject({ filters: { tags: ['a'] } });
  });

  test('errors are located in the query', async () => {
    const res = await api.get('/dto/search?page=0&active=perhaps');
    expect(res.status).toBe(422);
    const found = await details(res);
    expect(found).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'bool_parsing', loc: ['query', 'active'], input: 'perhaps' }),
    ]));
    const missing = await api.get('/dto/search');
    expect(await details(missing)).toMatchObject([{ type: 'missing', loc: ['query', 'page'] }]);
  });

  test('__proto__ in the query string is an ordinary unknown key', async () => {
    const res = await api.get('/dto/search?page=1&__proto__=x&constructor[prototype][polluted]=1');
    expect(await res.json()).toEqual({ filters: { page: 1 }, isFilters: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const forbidden = await strict.get('/dto/search?page=1&__proto__=x');
    expect(await details(forbidden)).toMatchObject([{ type: 'extra_forbidden', loc: ['query', '__proto__'], input: 'x' }]);
  });

  test('a bound fails after coercion', async () => {
    const res = await api.get('/dto/search?page=0');
    expect(await details(res)).toMatchObject([{ type: 'greater_than_equal', loc: ['query', 'page'], input: 0 }]);
  });
});

describe('validation status', () => {
  test('can be 400 instead of 422, with the same body', async () => {
    const res = await status400.post('/dto/items', { ...valid, name: 1 });
    expect(res.status).toBe(400);
    expect(await details(res)).toMatchObject([{ type: 'string_type', loc: ['body', 'name'] }]);
    const query = await status400.get('/dto/search');
    expect(query.status).toBe(400);
  });
});
