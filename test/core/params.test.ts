// Required, optional and default parameters; FastAPI's constraints; every error in one response.
import { describe, expect, test } from 'vitest';
import { Controller, Get, Header, Int, Param, Query } from '@decorumjs/decorum';
import { details, serve } from './serve.js';

@Controller('p')
class ParamsController {
  @Get('presence')
  presence(
    @Query('required') required: string,
    @Query('optional', { optional: true }) optional: string,
    @Query('limit', { type: Int, default: 10 }) limit: number,
    @Query('nullable', { type: String, default: null }) nullable: string | null,
    @Query('tags', { type: [String], default: ['a'] }) tags: string[],
  ) {
    return { required, optional: optional ?? 'absent', limit, nullable, tags };
  }

  @Get('mutate-default')
  mutateDefault(@Query('tags', { type: [String], default: ['a'] }) tags: string[]) {
    tags.push('pushed');
    return { tags };
  }

  @Get('bounds')
  bounds(
    @Query('gt', { type: Int, gt: 0, optional: true }) gt: number,
    @Query('ge', { type: Int, ge: 0, optional: true }) ge: number,
    @Query('lt', { type: Number, lt: 10, optional: true }) lt: number,
    @Query('le', { type: Number, le: 10, optional: true }) le: number,
  ) {
    return { gt, ge, lt, le };
  }

  @Get('strings')
  strings(
    @Query('short', { minLength: 3, optional: true }) short: string,
    @Query('long', { maxLength: 5, optional: true }) long: string,
    @Query('code', { pattern: /^[A-Z]{3}$/, optional: true }) code: string,
    @Query('slug', { pattern: '^[a-z-]+$', optional: true }) slug: string,
  ) {
    return { short, long, code, slug };
  }

  @Get('list-size')
  listSize(@Query('v', { type: [Int], minLength: 2, maxLength: 3 }) v: number[]) {
    return { v };
  }

  @Get('list-items')
  listItems(
    @Query('ids', { type: [Int], ge: 1, optional: true }) ids: number[],
    @Query('codes', { type: [String], pattern: '^[a-z]+$', maxLength: 3, optional: true }) codes: string[],
  ) {
    return { ids, codes };
  }

  @Get('many/:id')
  many(
    @Param('id', { type: Int, ge: 1 }) id: number,
    @Query('page', { type: Int }) page: number,
    @Query('q', { minLength: 2 }) q: string,
    @Header('x-tenant') tenant: string,
  ) {
    return { id, page, q, tenant };
  }
}

const api = serve({ controllers: [ParamsController] });

describe('required, optional, default', () => {
  test('optional is undefined and defaults apply when absent', async () => {
    const res = await api.get('/p/presence?required=x');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ required: 'x', optional: 'absent', limit: 10, nullable: null, tags: ['a'] });
  });

  test('sent values win over defaults', async () => {
    const res = await api.get('/p/presence?required=x&optional=o&limit=3&nullable=n&tags=b&tags=c');
    expect(await res.json()).toEqual({ required: 'x', optional: 'o', limit: 3, nullable: 'n', tags: ['b', 'c'] });
  });

  test('a missing required parameter is 422 missing with its loc', async () => {
    const res = await api.get('/p/presence');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ detail: [{ type: 'missing', loc: ['query', 'required'], msg: 'Field required', input: null }] });
  });

  test('a default is not shared between requests', async () => {
    await api.get('/p/mutate-default');
    expect(await (await api.get('/p/mutate-default')).json()).toEqual({ tags: ['a', 'pushed'] });
  });

  test('a bad value of a defaulted parameter is still an error', async () => {
    const res = await api.get('/p/presence?required=x&limit=ten');
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([{ type: 'int_parsing', loc: ['query', 'limit'], input: 'ten' }]);
  });
});

describe('numeric bounds', () => {
  test('values inside the bounds pass', async () => {
    const res = await api.get('/p/bounds?gt=1&ge=0&lt=9.5&le=10');
    expect(await res.json()).toEqual({ gt: 1, ge: 0, lt: 9.5, le: 10 });
  });

  test.each([
    ['gt=0', { type: 'greater_than', loc: ['query', 'gt'], msg: 'Input should be greater than 0', input: 0, ctx: { gt: 0 } }],
    ['ge=-1', { type: 'greater_than_equal', loc: ['query', 'ge'], msg: 'Input should be greater than or equal to 0', input: -1, ctx: { ge: 0 } }],
    ['lt=10', { type: 'less_than', loc: ['query', 'lt'], msg: 'Input should be less than 10', input: 10, ctx: { lt: 10 } }],
    ['le=10.5', { type: 'less_than_equal', loc: ['query', 'le'], msg: 'Input should be less than or equal to 10', input: 10.5, ctx: { le: 10 } }],
  ])('%s is rejected', async (query, detail) => {
    const res = await api.get(`/p/bounds?${query}`);
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([detail]);
  });
});

describe('string constraints', () => {
  test('values that fit pass', async () => {
    const res = await api.get('/p/strings?short=abc&long=abcde&code=ABC&slug=a-b');
    expect(await res.json()).toEqual({ short: 'abc', long: 'abcde', code: 'ABC', slug: 'a-b' });
  });

  test.each([
    ['short=ab', { type: 'string_too_short', loc: ['query', 'short'], msg: 'String should have at least 3 characters', input: 'ab', ctx: { min_length: 3 } }],
    ['long=abcdef', { type: 'string_too_long', loc: ['query', 'long'], msg: 'String should have at most 5 characters', input: 'abcdef', ctx: { max_length: 5 } }],
    ['code=AB1', { type: 'string_pattern_mismatch', loc: ['query', 'code'], msg: "String should match pattern '^[A-Z]{3}$'", input: 'AB1', ctx: { pattern: '^[A-Z]{3}$' } }],
    ['slug=A_B', { type: 'string_pattern_mismatch', loc: ['query', 'slug'], msg: "String should match pattern '^[a-z-]+$'", input: 'A_B', ctx: { pattern: '^[a-z-]+$' } }],
  ])('%s is rejected', async (query, detail) => {
    const res = await api.get(`/p/strings?${query}`);
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([detail]);
  });

  test('minLength and maxLength bound the item count of a list', async () => {
    expect(await (await api.get('/p/list-size?v=1&v=2')).json()).toEqual({ v: [1, 2] });
    const few = await api.get('/p/list-size?v=1');
    expect(few.status).toBe(422);
    expect(await details(few)).toMatchObject([{ type: 'too_short', loc: ['query', 'v'], ctx: { min_length: 2, actual_length: 1 } }]);
    const many = await api.get('/p/list-size?v=1&v=2&v=3&v=4');
    expect(await details(many)).toMatchObject([{ type: 'too_long', loc: ['query', 'v'], ctx: { max_length: 3, actual_length: 4 } }]);
  });
});

describe('constraints on lists', () => {
  test('bounds and patterns apply to each item', async () => {
    expect(await (await api.get('/p/list-items?ids=5&ids=6&codes=ab&codes=cd')).json()).toEqual({ ids: [5, 6], codes: ['ab', 'cd'] });
  });

  test('each failing item is reported at its index', async () => {
    const res = await api.get('/p/list-items?ids=1&ids=0&ids=-2&codes=ab&codes=C1');
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([
      expect.objectContaining({ type: 'greater_than_equal', loc: ['query', 'ids', 1], input: 0 }),
      expect.objectContaining({ type: 'greater_than_equal', loc: ['query', 'ids', 2], input: -2 }),
      expect.objectContaining({ type: 'string_pattern_mismatch', loc: ['query', 'codes', 1], input: 'C1' }),
    ]);
  });

  test('maxLength still bounds the item count', async () => {
    const res = await api.get('/p/list-items?codes=a&codes=b&codes=c&codes=d');
    expect(await details(res)).toMatchObject([{ type: 'too_long', loc: ['query', 'codes'] }]);
  });
});

describe('several errors at once', () => {
  test('every parameter is checked before answering, in argument order', async () => {
    const res = await api.get('/p/many/0?page=first&q=a');
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([
      expect.objectContaining({ type: 'greater_than_equal', loc: ['path', 'id'], input: 0 }),
      expect.objectContaining({ type: 'int_parsing', loc: ['query', 'page'], input: 'first' }),
      expect.objectContaining({ type: 'string_too_short', loc: ['query', 'q'], input: 'a' }),
      expect.objectContaining({ type: 'missing', loc: ['header', 'x-tenant'] }),
    ]);
  });

  test('the same route answers 200 once everything is right', async () => {
    const res = await api.get('/p/many/5?page=2&q=ab', { headers: { 'X-Tenant': 't1' } });
    expect(await res.json()).toEqual({ id: 5, page: 2, q: 'ab', tenant: 't1' });
  });
});
