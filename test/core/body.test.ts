// Request bodies on the wire: shapes other than a DTO, strict JSON, content type, size limits and
// prototype pollution.
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { describe, expect, test } from 'vitest';
import { Body, Controller, DecorumError, Int, Post, ResponseModel, createApp } from '@decorumjs/decorum';
import { details, rawRequest, serve, start } from './serve.js';

class Point {
  @IsInt() x!: number;
  @IsInt() y!: number;
}

class Profile {
  @IsString() name!: string;
  @IsNumber() score!: number;
  @IsOptional() @IsBoolean() admin?: boolean;
  @IsOptional() @ValidateNested() @Type(() => Point) home?: Point;
}

/** A careless deep merge, the kind prototype pollution exploits. */
function merge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const key in source) {
    const value = source[key];
    if (typeof value === 'object' && value !== null) merge((target[key] ??= {}) as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = value;
  }
  return target;
}

@Controller('body')
class BodyController {
  @Post('points') points(@Body({ type: [Point] }) points: Point[]) {
    return { count: points.length, allPoints: points.every((p) => p instanceof Point) };
  }

  @Post('ints') ints(@Body({ type: [Int] }) values: number[]) { return { sum: values.reduce((a, b) => a + b, 0) }; }
  @Post('positive-ints') positiveInts(@Body({ type: [Int], ge: 1, maxLength: 3 }) values: number[]) { return { values }; }
  @Post('number') number(@Body() value: number) { return { value }; }
  @Post('string') string(@Body() value: string) { return { value }; }
  @Post('boolean') boolean(@Body() value: boolean) { return { value }; }
  @Post('optional') optional(@Body({ optional: true }) value: number) { return { value: value ?? 'none' }; }

  @Post('embedded')
  embedded(@Body('point') point: Point, @Body('label', { type: String, default: 'none' }) label: string, @Body('weight', { type: Int }) weight: number) {
    return { point, label, weight, isPoint: point instanceof Point };
  }

  @Post('profile') profile(@Body() profile: Profile) {
    return { profile, protoIntact: Object.getPrototypeOf(profile) === Profile.prototype, isProfile: profile instanceof Profile };
  }

  @Post('raw') raw(@Body() body: Record<string, unknown>) {
    merge({}, body);
    return { keys: Object.keys(body), proto: Object.getPrototypeOf(body) === Object.prototype };
  }
}

class TreeNode {
  @IsString() name!: string;
  @IsOptional() @ValidateNested() @Type(() => TreeNode) child?: TreeNode;
}

@Controller('tree')
class TreeController {
  @Post() @ResponseModel(TreeNode) tree(@Body() node: TreeNode) { return node; }
}

const api = serve({ controllers: [BodyController] });

describe('array, primitive and embedded bodies', () => {
  test('an array of DTOs is validated item by item', async () => {
    expect(await (await api.post('/body/points', [{ x: 1, y: 2 }, { x: 3, y: 4 }])).json()).toEqual({ count: 2, allPoints: true });
    const res = await api.post('/body/points', [{ x: 1, y: 2 }, { x: 'a', y: 4 }, { y: 1 }]);
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([
      expect.objectContaining({ type: 'int_type', loc: ['body', 1, 'x'], input: 'a' }),
      expect.objectContaining({ type: 'missing', loc: ['body', 2, 'x'] }),
    ]);
    const notList = await api.post('/body/points', { x: 1, y: 2 });
    expect(await details(notList)).toMatchObject([{ type: 'list_type', loc: ['body'] }]);
  });

  test('an array of integers', async () => {
    expect(await (await api.post('/body/ints', [1, 2, 3])).json()).toEqual({ sum: 6 });
    const res = await api.post('/body/ints', [1, 2.5, '3']);
    expect(await details(res)).toMatchObject([
      { type: 'int_from_float', loc: ['body', 1], input: 2.5 },
      { type: 'int_type', loc: ['body', 2], input: '3' },
    ]);
  });

  test('bounds on a list body apply to each item', async () => {
    expect(await (await api.post('/body/positive-ints', [5, 6])).json()).toEqual({ values: [5, 6] });
    const res = await api.post('/body/positive-ints', [1, 0]);
    expect(await details(res)).toMatchObject([{ type: 'greater_than_equal', loc: ['body', 1], input: 0 }]);
    expect(await details(await api.post('/body/positive-ints', [1, 2, 3, 4]))).toMatchObject([{ type: 'too_long', loc: ['body'] }]);
  });

  test('primitive bodies', async () => {
    expect(await (await api.post('/body/number', '4.5')).json()).toEqual({ value: 4.5 });
    expect(await (await api.post('/body/string', '"hi"')).json()).toEqual({ value: 'hi' });
    expect(await (await api.post('/body/boolean', 'false')).json()).toEqual({ value: false });
    expect(await (await fetch(`${api.url}/body/optional`, { method: 'POST' })).json()).toEqual({ value: 'none' });
  });

  test('embedded keys are read from one object', async () => {
    const res = await api.post('/body/embedded', { point: { x: 1, y: 2 }, weight: 3 });
    expect(await res.json()).toEqual({ point: { x: 1, y: 2 }, label: 'none', weight: 3, isPoint: true });
  });

  test('embedded errors are located under their key', async () => {
    const res = await api.post('/body/embedded', { point: { x: 'one', y: 2 }, label: 5 });
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([
      expect.objectContaining({ type: 'int_type', loc: ['body', 'point', 'x'], input: 'one' }),
      expect.objectContaining({ type: 'string_type', loc: ['body', 'label'], input: 5 }),
      expect.objectContaining({ type: 'missing', loc: ['body', 'weight'] }),
    ]);
  });

  test('a body that is no object reports each embedded key missing once (FastAPI)', async () => {
    for (const body of [[1, 2, 3], '"text"']) {
      const res = await api.post('/body/embedded', body);
      expect(res.status).toBe(422);
      expect(await details(res)).toEqual([
        { type: 'missing', loc: ['body', 'point'], msg: 'Field required', input: null },
        { type: 'missing', loc: ['body', 'label'], msg: 'Field required', input: null },
        { type: 'missing', loc: ['body', 'weight'], msg: 'Field required', input: null },
      ]);
    }
  });
});

describe('JSON is never coerced', () => {
  test.each([
    ['/body/number', '"42"', 'float_type'],
    ['/body/string', '42', 'string_type'],
    ['/body/boolean', '"true"', 'bool_type'],
    ['/body/boolean', '1', 'bool_type'],
  ])('%s with %s is %s', async (path, body, type) => {
    const res = await api.post(path, body);
    expect(res.status).toBe(422);
    expect(await details(res)).toMatchObject([{ type, loc: ['body'], input: JSON.parse(body) }]);
  });

  test('DTO properties are not coerced either', async () => {
    const res = await api.post('/body/profile', { name: 1, score: '9', admin: 'yes' });
    expect(await details(res)).toEqual([
      expect.objectContaining({ type: 'string_type', loc: ['body', 'name'], input: 1 }),
      expect.objectContaining({ type: 'float_type', loc: ['body', 'score'], input: '9' }),
      expect.objectContaining({ type: 'bool_type', loc: ['body', 'admin'], input: 'yes' }),
    ]);
  });
});

describe('malformed and unsupported bodies', () => {
  test('malformed JSON is 422 json_invalid', async () => {
    const res = await api.post('/body/profile', '{"name": "x",');
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([{
      type: 'json_invalid', loc: ['body', 13], msg: 'JSON decode error', input: {}, ctx: { error: expect.stringContaining('position 13') },
    }]);
  });

  test('a body that is not UTF-8 is json_invalid', async () => {
    const res = await rawRequest(api.url, {
      method: 'POST', path: '/body/number', headers: { 'content-type': 'application/json' }, body: Buffer.from([0x31, 0xff]),
    });
    expect(res.status).toBe(422);
    expect(JSON.parse(res.body)).toMatchObject({ detail: [{ type: 'json_invalid', loc: ['body', 0], ctx: { error: 'Body is not valid UTF-8' } }] });
  });

  test.each([['text/plain'], ['application/x-www-form-urlencoded'], [undefined]])('content type %s is 415', async (type) => {
    const res = await rawRequest(api.url, {
      method: 'POST', path: '/body/profile', body: '{"name":"x","score":1}', headers: type ? { 'content-type': type } : {},
    });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toEqual({ detail: expect.stringContaining('Unsupported Media Type') });
  });

  test('JSON with parameters and +json types are accepted', async () => {
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json']) {
      const res = await api.post('/body/number', '1', { headers: { 'content-type': type } });
      expect(res.status).toBe(200);
    }
  });
});

describe('body size limit', () => {
  test('the default limit is 1 MiB, and the server keeps serving', async () => {
    const atLimit = JSON.stringify('a'.repeat(1024 * 1024 - 2));
    expect((await api.post('/body/string', atLimit)).status).toBe(200);
    const res = await api.post('/body/string', JSON.stringify('a'.repeat(1024 * 1024)));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ detail: expect.stringContaining('1048576') });
    expect((await api.post('/body/number', '1')).status).toBe(200);
  });

  test('a custom limit applies to declared and streamed bodies', async () => {
    const { app, url } = await start({ controllers: [BodyController], bodyLimit: 100 });
    try {
      const post = (body: RequestInit['body']) => fetch(`${url}/body/string`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect((await post(JSON.stringify('a'.repeat(90)))).status).toBe(200);
      expect((await post(JSON.stringify('a'.repeat(200)))).status).toBe(413);
      const chunks = [`"${'a'.repeat(80)}`, `${'a'.repeat(80)}"`];
      const stream = new ReadableStream({ pull(c) { const next = chunks.shift(); if (next) c.enqueue(new TextEncoder().encode(next)); else c.close(); } });
      const streamed = await fetch(`${url}/body/string`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      expect((await post('"ok"')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('JSON nesting depth', () => {
  test('jsonDepthLimit bounds nesting: a nested DTO at the limit passes, one level more is json_invalid', async () => {
    const { app, url } = await start({ controllers: [BodyController], jsonDepthLimit: 2 });
    try {
      const post = (path: string, body: string) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const ok = await post('/body/profile', '{"name":"Ada","score":1,"home":{"x":1,"y":2}}');
      expect(ok.status).toBe(200);
      const deep = await post('/body/profile', '{"name":"Ada","score":1,"home":{"x":1,"y":[2]}}');
      expect(deep.status).toBe(422);
      expect(await details(deep)).toEqual([{
        type: 'json_invalid', loc: ['body', 42], msg: 'JSON decode error', input: {},
        ctx: { error: 'JSON is nested deeper than the limit of 2 levels' },
      }]);
    } finally {
      await app.close();
    }
  });

  test('at the largest limit, a recursive DTO nested that deep is validated, answered and refused without a 500', async () => {
    const { app, url } = await start({ controllers: [TreeController], jsonDepthLimit: 500 });
    try {
      const post = (body: string) => fetch(`${url}/tree`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const tree = (leaf: string) => {
        let text = `{"name":${leaf}}`;
        for (let i = 1; i < 500; i++) text = `{"name":"n","child":${text}}`;
        return text;
      };
      const ok = await post(tree('"leaf"'));
      expect(ok.status).toBe(200);
      expect((await ok.text()).length).toBeGreaterThan(500 * 20);
      const invalid = await post(tree('5'));
      expect(invalid.status).toBe(422);
      expect((await details(invalid))[0]?.loc).toHaveLength(501);
    } finally {
      await app.close();
    }
  });

  test('a limit outside 1–500 is a bootstrap error that says why', () => {
    for (const jsonDepthLimit of [0, 1.5, 1_000]) {
      expect(() => createApp({ jsonDepthLimit, logger: false })).toThrow(DecorumError);
      expect(() => createApp({ jsonDepthLimit, logger: false })).toThrow(/DECORUM_ERR_LIMIT_INVALID: jsonDepthLimit must be a whole number from 1 to 500/);
    }
    expect(() => createApp({ bodyLimit: -1, logger: false })).toThrow(/DECORUM_ERR_LIMIT_INVALID: bodyLimit/);
  });
});

describe('prototype pollution', () => {
  const payload = '{"name":"x","score":1,"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},' +
    '"home":{"x":1,"y":2,"__proto__":{"polluted":"yes"}}}';

  test('__proto__ and constructor.prototype never reach a DTO or Object.prototype', async () => {
    const res = await api.post('/body/profile', payload);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ profile: { name: 'x', score: 1, home: { x: 1, y: 2 } }, protoIntact: true, isProfile: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('an untyped body has the keys removed before a handler can merge it', async () => {
    const res = await api.post('/body/raw', payload);
    expect(await res.json()).toEqual({ keys: ['name', 'score', 'home'], proto: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
