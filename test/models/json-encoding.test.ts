/**
 * What a handler returns is written as a client expects, also for the values `JSON.stringify` mangles:
 * a Set is an array (not `{}`), a Map an object, a bigint a string (not a bare 500), bytes base64.
 */
import { Allow, IsString } from 'class-validator';
import { Controller, Get, ResponseModel, type Logger } from '@decorumjs/decorum';
import { describe, expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class Tagged {
  @IsString() name!: string;
  @Allow() tags!: Set<string>;
  @Allow() counts!: Map<string, number>;
}

@Controller('enc')
class EncodingController {
  @Get('set') set() { return new Set(['a', 'b', 'a']); }
  @Get('nested-set') nestedSet() { return { tags: new Set(['x', 'y']), empty: {} }; }
  @Get('map') map() { return { counts: new Map<unknown, unknown>([['a', 1], [2, new Set([3])], [new Date(0), 'epoch']]) }; }
  @Get('bigint') bigint() { return { id: 9007199254740993n, list: [1n, 2n] }; }
  @Get('bytes') bytes() { return { buffer: Buffer.from('hello'), array: new Uint8Array([0, 255, 1]), empty: new Uint8Array(0) }; }
  @Get('floats') floats() { return { values: new Float64Array([0.5, 1]) }; }
  @Get('dates') dates() { return { at: new Date('2024-05-06T07:08:09Z'), bad: new Date('nope'), inSet: new Set([new Date(0)]) }; }
  @Get('plain-with-marks') plainWithMarks() { return { note: 'looks like {} and {"0":', '0': 'zero', like: { type: 'Buffer', data: [1] }, nested: {} }; }
  @Get('model') @ResponseModel(Tagged) model() {
    return { name: 'n', tags: new Set(['t']), counts: new Map([['c', 2]]), secret: 'dropped' };
  }
  @Get('cycle') cycle() {
    const node: Record<string, unknown> = { name: 'root', children: [] };
    (node.children as unknown[]).push({ parent: node });
    return node;
  }
}

const logged: unknown[] = [];
const logger: Logger = { error: (obj) => logged.push(obj), warn() {}, info() {}, debug() {} };
const api = serve({ controllers: [EncodingController], logger });
const json = async (path: string) => {
  const res = await api.get(path);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('values JSON.stringify mangles', () => {
  test('a returned Set is an array, duplicates gone', async () => {
    expect(await json('/enc/set')).toEqual({ status: 200, body: ['a', 'b'] });
  });

  test('a nested Set is an array, and a real empty object stays one', async () => {
    expect(await json('/enc/nested-set')).toEqual({ status: 200, body: { tags: ['x', 'y'], empty: {} } });
  });

  test('a Map is an object with string keys (a Date key in ISO 8601), its values encoded too', async () => {
    expect(await json('/enc/map')).toEqual({ status: 200, body: { counts: { a: 1, 2: [3], '1970-01-01T00:00:00.000Z': 'epoch' } } });
  });

  test('a bigint is a decimal string that keeps every digit', async () => {
    const res = await api.get('/enc/bigint');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"id":"9007199254740993","list":["1","2"]}');
  });

  test('Buffer and Uint8Array are base64; other typed arrays are arrays', async () => {
    expect(await json('/enc/bytes')).toEqual({ status: 200, body: { buffer: 'aGVsbG8=', array: 'AP8B', empty: '' } });
    expect(await json('/enc/floats')).toEqual({ status: 200, body: { values: [0.5, 1] } });
  });

  test('a Date is ISO 8601, an invalid one null, in a Set too', async () => {
    expect(await json('/enc/dates')).toEqual({
      status: 200, body: { at: '2024-05-06T07:08:09.000Z', bad: null, inSet: ['1970-01-01T00:00:00.000Z'] },
    });
  });

  test('plain data that looks like a mangled value is written unchanged', async () => {
    expect(await json('/enc/plain-with-marks')).toEqual({
      status: 200, body: { 0: 'zero', note: 'looks like {} and {"0":', like: { type: 'Buffer', data: [1] }, nested: {} },
    });
  });

  test('under a response model, Set and Map properties are encoded and undeclared fields dropped', async () => {
    expect(await json('/enc/model')).toEqual({ status: 200, body: { name: 'n', tags: ['t'], counts: { c: 2 } } });
  });

  test('a cycle is a logged 500 naming where it loops, with the generic body', async () => {
    logged.length = 0;
    expect(await json('/enc/cycle')).toEqual({ status: 500, body: { detail: 'Internal Server Error' } });
    const err = (logged[0] as { err?: Error } | undefined)?.err;
    expect(err?.name).toBe('ResponseEncodingError');
    expect(err?.message).toBe('the response cannot be written as JSON: a circular reference at children[0].parent');
  });
});
