// Path, query, header and cookie strings become their declared types, or a 422 naming the input.
import { describe, expect, test } from 'vitest';
import { Controller, Cookie, Get, Header, Int, Param, Query } from '@decorumjs/decorum';
import { details, serve } from './serve.js';

enum Color { Red = 'red', Green = 'green' }
enum Level { Low = 1, High = 2 }

@Controller('c')
class CoercionController {
  @Get('number/:v') number(@Param('v') v: number) { return { v }; }
  @Get('int/:v') int(@Param('v', { type: Int }) v: number) { return { v }; }
  @Get('bool') bool(@Query('v') v: boolean) { return { v }; }
  @Get('string/:v') string(@Param('v') v: string) { return { v }; }
  @Get('date') date(@Query('v') v: Date) { return { iso: v.toISOString(), isDate: v instanceof Date }; }
  @Get('color') color(@Query('v', { type: Color }) v: Color) { return { v }; }
  @Get('level') level(@Query('v', { type: Level }) v: Level) { return { v }; }
  @Get('ints') ints(@Query('v', { type: [Int] }) v: number[]) { return { v }; }
  @Get('strings') strings(@Query('v', { type: [String] }) v: string[]) { return { v }; }
  @Get('bools') bools(@Query('v', { type: [Boolean] }) v: boolean[]) { return { v }; }
  @Get('colors') colors(@Query('v', { type: [Color] }) v: Color[]) { return { v }; }
  @Get('text') text(@Query('q') q: string) { return { q }; }
  @Get('header-list') headerList(@Header('x-ids', { type: [Int] }) ids: number[]) { return { ids }; }
  @Get('header') header(@Header('X-Token') token: string, @Header('x-count', { type: Int }) count: number) { return { token, count }; }
  @Get('cookie') cookie(@Cookie('session') session: string, @Cookie('n', { type: Int, default: 0 }) n: number) { return { session, n }; }
}

const api = serve({ controllers: [CoercionController] });
const json = async (path: string, init?: RequestInit) => {
  const res = await api.get(path, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('number and integer', () => {
  test.each([['42', 42], ['-3.5', -3.5], ['1e3', 1000], ['.5', 0.5]])('number %s → %s', async (raw, value) => {
    expect(await json(`/c/number/${raw}`)).toEqual({ status: 200, body: { v: value } });
  });

  test('a non-number is float_parsing with its input', async () => {
    const res = await api.get('/c/number/abc');
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([
      { type: 'float_parsing', loc: ['path', 'v'], msg: 'Input should be a valid number, unable to parse string as a number', input: 'abc' },
    ]);
  });

  test('integer parses, fractions and words are int_parsing', async () => {
    expect(await json('/c/int/42')).toEqual({ status: 200, body: { v: 42 } });
    expect(await json('/c/int/-7')).toEqual({ status: 200, body: { v: -7 } });
    for (const bad of ['4.5', 'x', '1e3']) {
      const res = await api.get(`/c/int/${bad}`);
      expect(res.status).toBe(422);
      expect(await details(res)).toMatchObject([{ type: 'int_parsing', loc: ['path', 'v'], input: bad }]);
    }
  });
});

describe('boolean', () => {
  const truthy = ['true', 'True', 'TRUE', '1', 'yes', 'YES', 'on', 'On'];
  const falsy = ['false', 'False', 'FALSE', '0', 'no', 'NO', 'off', 'OFF'];
  test.each(truthy)('%s → true', async (raw) => {
    expect(await json(`/c/bool?v=${raw}`)).toEqual({ status: 200, body: { v: true } });
  });
  test.each(falsy)('%s → false', async (raw) => {
    expect(await json(`/c/bool?v=${raw}`)).toEqual({ status: 200, body: { v: false } });
  });
  test.each(['maybe', '2', 'tru', ''])('%j is bool_parsing', async (raw) => {
    const res = await api.get(`/c/bool?v=${raw}`);
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([{ type: 'bool_parsing', loc: ['query', 'v'], input: raw }]);
  });
});

describe('string and date', () => {
  test('a string stays a string, digits included', async () => {
    expect(await json('/c/string/007')).toEqual({ status: 200, body: { v: '007' } });
    expect(await json('/c/string/caf%C3%A9')).toEqual({ status: 200, body: { v: 'café' } });
  });

  test.each([
    ['2024-05-06', '2024-05-06T00:00:00.000Z'],
    ['2024-05-06T07:08:09Z', '2024-05-06T07:08:09.000Z'],
    ['2024-05-06T07:08:09.5%2B02:00', '2024-05-06T05:08:09.500Z'],
  ])('ISO date %s → a Date', async (raw, iso) => {
    expect(await json(`/c/date?v=${raw}`)).toEqual({ status: 200, body: { iso, isDate: true } });
  });

  test('a leap day is a date', async () => {
    expect(await json('/c/date?v=2024-02-29')).toEqual({ status: 200, body: { iso: '2024-02-29T00:00:00.000Z', isDate: true } });
  });

  test.each(['yesterday', '2024-13-01', '06/05/2024', '1714953600', '2024-02-30', '2023-02-29', '2024-04-31', '2024-05-06T24:30'])('%s is datetime_parsing', async (raw) => {
    const res = await api.get(`/c/date?v=${encodeURIComponent(raw)}`);
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([{ type: 'datetime_parsing', loc: ['query', 'v'], input: raw }]);
  });
});

describe('enums', () => {
  test('string enum accepts its values and names the expected ones on rejection', async () => {
    expect(await json('/c/color?v=green')).toEqual({ status: 200, body: { v: 'green' } });
    const res = await api.get('/c/color?v=Red');
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([
      { type: 'enum', loc: ['query', 'v'], msg: "Input should be 'red' or 'green'", input: 'Red', ctx: { expected: "'red' or 'green'" } },
    ]);
  });

  test('numeric enum arrives as a number', async () => {
    expect(await json('/c/level?v=2')).toEqual({ status: 200, body: { v: 2 } });
    const res = await api.get('/c/level?v=3');
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([{ type: 'enum', loc: ['query', 'v'], input: '3', ctx: { expected: '1 or 2' } }]);
  });

  test('a numeric enum member name is not a value', async () => {
    expect((await api.get('/c/level?v=High')).status).toBe(422);
  });
});

describe('arrays from repeated query keys', () => {
  test('repeated keys and a single value both give a list', async () => {
    expect(await json('/c/ints?v=1&v=2&v=3')).toEqual({ status: 200, body: { v: [1, 2, 3] } });
    expect(await json('/c/ints?v=5')).toEqual({ status: 200, body: { v: [5] } });
    expect(await json('/c/strings?v=a&v=b')).toEqual({ status: 200, body: { v: ['a', 'b'] } });
    expect(await json('/c/strings?v=a,b')).toEqual({ status: 200, body: { v: ['a,b'] } });
    expect(await json('/c/bools?v=on&v=0')).toEqual({ status: 200, body: { v: [true, false] } });
    expect(await json('/c/colors?v=red&v=green')).toEqual({ status: 200, body: { v: ['red', 'green'] } });
  });

  test('each bad item is reported at its index', async () => {
    const res = await api.get('/c/ints?v=1&v=x&v=3&v=y');
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([
      { type: 'int_parsing', loc: ['query', 'v', 1], input: 'x' },
      { type: 'int_parsing', loc: ['query', 'v', 3], input: 'y' },
    ]);
  });

  test('a missing list is required', async () => {
    const res = await api.get('/c/ints');
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([{ type: 'missing', loc: ['query', 'v'] }]);
  });
});

describe('query strings', () => {
  test('+ and percent escapes decode, in values and keys', async () => {
    expect(await json('/c/text?q=a+b%20c%26d')).toEqual({ status: 200, body: { q: 'a b c&d' } });
    expect(await json('/c/text?%71=key')).toEqual({ status: 200, body: { q: 'key' } });
  });

  test('a repeated key for a single value: the last one wins', async () => {
    expect(await json('/c/text?q=1&q=2')).toEqual({ status: 200, body: { q: '2' } });
  });
});

describe('headers and cookies', () => {
  test('a list header splits on commas', async () => {
    expect(await json('/c/header-list', { headers: { 'X-Ids': '1, 2,3' } })).toEqual({ status: 200, body: { ids: [1, 2, 3] } });
  });


  test('header names match in any case, and coerce', async () => {
    expect(await json('/c/header', { headers: { 'x-token': 'abc', 'X-COUNT': '3' } })).toEqual({ status: 200, body: { token: 'abc', count: 3 } });
    expect(await json('/c/header', { headers: { 'X-Token': 'def', 'x-count': '4' } })).toEqual({ status: 200, body: { token: 'def', count: 4 } });
  });

  test('a missing or bad header is reported with its lower-case name', async () => {
    const res = await api.get('/c/header', { headers: { 'x-count': 'many' } });
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([
      { type: 'missing', loc: ['header', 'x-token'] },
      { type: 'int_parsing', loc: ['header', 'x-count'], input: 'many' },
    ]);
  });

  test('cookies are read by name and coerced', async () => {
    expect(await json('/c/cookie', { headers: { cookie: 'session=s1; n=7' } })).toEqual({ status: 200, body: { session: 's1', n: 7 } });
    expect(await json('/c/cookie', { headers: { cookie: 'session=s2' } })).toEqual({ status: 200, body: { session: 's2', n: 0 } });
    const res = await api.get('/c/cookie', { headers: { cookie: 'other=1' } });
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([{ type: 'missing', loc: ['cookie', 'session'] }]);
  });
});
