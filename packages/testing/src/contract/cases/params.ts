/** Parameters from every source, and the 422s they produce (all problems of a request in one answer). */
import { describe, expect, test } from 'vitest';
import type { RequestTarget } from '../serve.js';
import { sendJson, statusAndJson } from './request.js';

export function paramCases(fetch: RequestTarget): void {
  describe('parameters', () => {
    test('path parameters are percent-decoded and coerced', async () => {
      expect(await statusAndJson(fetch('/params/path/hello%20w%C3%B6rld/3'))).toEqual({ status: 200, body: { name: 'hello wörld', count: 3 } });
    });

    test('query parameters: scalars, defaults, booleans and repeated keys', async () => {
      expect(await statusAndJson(fetch('/params/query?q=x&n=5&tag=a&tag=b&flag=yes')))
        .toEqual({ status: 200, body: { q: 'x', n: 5, tags: ['a', 'b'], flag: true } });
      expect(await statusAndJson(fetch('/params/query?q=only')))
        .toEqual({ status: 200, body: { q: 'only', n: 1, tags: [], flag: false } });
    });

    test('a repeated key for a single value keeps the last one', async () => {
      expect(await statusAndJson(fetch('/params/query?q=first&q=last'))).toMatchObject({ body: { q: 'last' } });
    });

    test('query keys named like Object.prototype members are absent unless sent, with or without a query string', async () => {
      const absent = { status: 200, body: { toString: 'absent', ctor: 'absent' } };
      expect(await statusAndJson(fetch('/params/prototype-names'))).toEqual(absent);
      expect(await statusAndJson(fetch('/params/prototype-names?other=1'))).toEqual(absent);
      expect(await statusAndJson(fetch('/params/prototype-names?toString=a&constructor=b'))).toEqual({ status: 200, body: { toString: 'a', ctor: 'b' } });
    });

    test('query values are percent-decoded', async () => {
      expect(await statusAndJson(fetch('/params/query?q=a%26b%20c'))).toMatchObject({ body: { q: 'a&b c' } });
    });

    test('a query DTO coerces its properties', async () => {
      expect(await statusAndJson(fetch('/params/page?limit=10&sort=name'))).toEqual({ status: 200, body: { limit: 10, sort: 'name' } });
      expect(await statusAndJson(fetch('/params/page'))).toEqual({ status: 200, body: { limit: null, sort: null } });
    });

    test('headers are matched case-insensitively', async () => {
      expect(await statusAndJson(fetch('/params/header', { headers: { 'X-Token': 'secret', 'X-TRACE': 't-1' } })))
        .toEqual({ status: 200, body: { token: 'secret', trace: 't-1' } });
    });

    test('header and cookie models read, coerce and validate only what they declare', async () => {
      const headers = { 'X-Token': 'secret', 'x-retries': '2', 'x-other': 'dropped', cookie: 'session=s1; theme=dark' };
      expect(await statusAndJson(fetch('/params/header-model', { headers })))
        .toEqual({ status: 200, body: { headers: { x_token: 'secret', x_retries: 2 }, cookies: { session: 's1' } } });
      const { status, body } = await statusAndJson(fetch('/params/header-model', { headers: { 'x-retries': 'two' } }));
      expect(status).toBe(422);
      expect(body).toEqual({
        detail: [
          expect.objectContaining({ type: 'int_parsing', loc: ['header', 'x-retries'], input: 'two' }),
          expect.objectContaining({ type: 'missing', loc: ['header', 'x-token'] }),
          expect.objectContaining({ type: 'missing', loc: ['cookie', 'session'] }),
        ],
      });
    });

    test('cookies are read from the Cookie header', async () => {
      expect(await statusAndJson(fetch('/params/cookie', { headers: { cookie: 'session=s%20id; theme=dark' } })))
        .toEqual({ status: 200, body: { session: 's id', theme: 'dark' } });
    });

    test('an array body of DTOs', async () => {
      expect(await statusAndJson(sendJson(fetch, '/params/tags', [{ name: 'a' }, { name: 'b' }])))
        .toEqual({ status: 200, body: { count: 2, names: ['a', 'b'] } });
    });

    test('embedded body keys (@Body("key")) next to a path parameter', async () => {
      expect(await statusAndJson(sendJson(fetch, '/params/embedded/9', { item: { name: 'Foo', price: 2 }, importance: 3 }, 'PUT')))
        .toEqual({ status: 200, body: { id: 9, item: { name: 'Foo', price: 2 }, importance: 3 } });
    });

    test('the request context sees method, path and query', async () => {
      expect(await statusAndJson(fetch('/params/request?a=1'))).toEqual({ status: 200, body: { method: 'GET', path: '/params/request', query: { a: '1' } } });
    });
  });

  describe('validation errors', () => {
    test('every problem of a request is reported in one 422', async () => {
      const { status, body } = await statusAndJson(fetch('/params/query?n=abc&flag=maybe'));
      expect(status).toBe(422);
      expect(body).toEqual({
        detail: [
          expect.objectContaining({ type: 'missing', loc: ['query', 'q'], msg: 'Field required' }),
          expect.objectContaining({ type: 'int_parsing', loc: ['query', 'n'], input: 'abc' }),
          expect.objectContaining({ type: 'bool_parsing', loc: ['query', 'flag'], input: 'maybe' }),
        ],
      });
    });

    test('a missing required header and cookie', async () => {
      expect(await statusAndJson(fetch('/params/header'))).toEqual({
        status: 422, body: { detail: [expect.objectContaining({ type: 'missing', loc: ['header', 'x-token'] })] },
      });
      expect(await statusAndJson(fetch('/params/cookie'))).toEqual({
        status: 422, body: { detail: [expect.objectContaining({ type: 'missing', loc: ['cookie', 'session'] })] },
      });
    });

    test('a query DTO reports its property', async () => {
      const { status, body } = await statusAndJson(fetch('/params/page?limit=0'));
      expect(status).toBe(422);
      expect(body).toEqual({ detail: [expect.objectContaining({ loc: ['query', 'limit'] })] });
    });

    test('errors inside an array body carry the item index', async () => {
      const { status, body } = await statusAndJson(sendJson(fetch, '/params/tags', [{ name: 'a' }, { name: 5 }]));
      expect(status).toBe(422);
      expect(body).toEqual({ detail: [expect.objectContaining({ type: 'string_type', loc: ['body', 1, 'name'] })] });
    });

    test('an object where the array body belongs is a 422', async () => {
      const { status, body } = await statusAndJson(sendJson(fetch, '/params/tags', { name: 'a' }));
      expect(status).toBe(422);
      expect(body).toEqual({ detail: [expect.objectContaining({ type: 'list_type', loc: ['body'] })] });
    });

    test('embedded body keys report their own locations', async () => {
      const { status, body } = await statusAndJson(sendJson(fetch, '/params/embedded/x', { item: { name: 'Foo' }, importance: 'high' }, 'PUT'));
      expect(status).toBe(422);
      expect(body).toEqual({
        detail: expect.arrayContaining([
          expect.objectContaining({ loc: ['path', 'id'] }),
          expect.objectContaining({ type: 'missing', loc: ['body', 'item', 'price'] }),
          expect.objectContaining({ loc: ['body', 'importance'], input: 'high' }),
        ]),
      });
    });

    test('a lax route converts "50.5" for a number, and answers float_parsing for "abc"', async () => {
      expect(await statusAndJson(sendJson(fetch, '/params/lax', { name: 'Foo', price: '50.5' })))
        .toEqual({ status: 200, body: { name: 'Foo', price: 50.5 } });
      const { status, body } = await statusAndJson(sendJson(fetch, '/params/lax', { name: 7, price: 'abc' }));
      expect(status).toBe(422);
      expect(body).toEqual({
        detail: [
          expect.objectContaining({ type: 'string_type', loc: ['body', 'name'], input: 7 }),
          expect.objectContaining({ type: 'float_parsing', loc: ['body', 'price'], input: 'abc' }),
        ],
      });
    });

    test('a JSON array sent to embedded body keys reports each key missing once', async () => {
      const { status, body } = await statusAndJson(sendJson(fetch, '/params/embedded/9', [1, 2], 'PUT'));
      expect(status).toBe(422);
      expect(body).toEqual({
        detail: [
          { type: 'missing', loc: ['body', 'item'], msg: 'Field required', input: null },
          { type: 'missing', loc: ['body', 'importance'], msg: 'Field required', input: null },
        ],
      });
    });

    test('a missing body is a 422 missing at ["body"]', async () => {
      const res = await fetch('/items', { method: 'POST', headers: { 'content-type': 'application/json' } });
      expect(await statusAndJson(Promise.resolve(res))).toEqual({
        status: 422, body: { detail: [expect.objectContaining({ type: 'missing', loc: ['body'] })] },
      });
    });
  });
}
