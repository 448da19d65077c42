/** The quickstart's behaviour table (issue 2), on every adapter. */
import { describe, expect, test } from 'vitest';
import type { RequestTarget } from '../serve.js';
import { sendJson, statusAndJson } from './request.js';

export function quickstartCases(fetch: RequestTarget): void {
  describe('quickstart table', () => {
    test('GET /hello greets the world', async () => {
      const res = await fetch('/hello');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ message: 'Hello, world!' });
    });

    test('GET /hello?name=Ada greets Ada', async () => {
      expect(await statusAndJson(fetch('/hello?name=Ada'))).toEqual({ status: 200, body: { message: 'Hello, Ada!' } });
    });

    test('GET /items/42?q=hello coerces the path and reads the query', async () => {
      expect(await statusAndJson(fetch('/items/42?q=hello'))).toEqual({ status: 200, body: { item_id: 42, q: 'hello' } });
    });

    test('GET /items/42 defaults q to null', async () => {
      expect(await statusAndJson(fetch('/items/42'))).toEqual({ status: 200, body: { item_id: 42, q: null } });
    });

    test('GET /items/abc is a 422 at ["path","item_id"]', async () => {
      const { status, body } = await statusAndJson(fetch('/items/abc'));
      expect(status).toBe(422);
      expect(body).toEqual({ detail: [expect.objectContaining({ type: 'int_parsing', loc: ['path', 'item_id'], input: 'abc' })] });
    });

    test('GET /items/4.5 is a 422', async () => {
      const { status, body } = await statusAndJson(fetch('/items/4.5'));
      expect(status).toBe(422);
      expect(body).toEqual({ detail: [expect.objectContaining({ loc: ['path', 'item_id'] })] });
    });

    test('POST /items validates the body DTO', async () => {
      expect(await statusAndJson(sendJson(fetch, '/items', { name: 'Foo', price: 9.5 })))
        .toEqual({ status: 200, body: { created: 'Foo', price: 9.5 } });
    });

    test('POST /items with price "abc" is a 422 at ["body","price"]', async () => {
      const { status, body } = await statusAndJson(sendJson(fetch, '/items', { name: 'Foo', price: 'abc' }));
      expect(status).toBe(422);
      expect(body).toEqual({ detail: [expect.objectContaining({ loc: ['body', 'price'] })] });
    });

    test('POST /items without name is a 422 missing at ["body","name"]', async () => {
      const { status, body } = await statusAndJson(sendJson(fetch, '/items', { price: 1 }));
      expect(status).toBe(422);
      expect(body).toEqual({ detail: [expect.objectContaining({ type: 'missing', loc: ['body', 'name'] })] });
    });

    test('POST /greet without excited is a plain greeting', async () => {
      expect(await statusAndJson(sendJson(fetch, '/greet', { name: 'Ada' }))).toEqual({ status: 200, body: { message: 'Hello, Ada' } });
    });

    test('POST /greet with excited adds !!!', async () => {
      expect(await statusAndJson(sendJson(fetch, '/greet', { name: 'Ada', excited: true })))
        .toEqual({ status: 200, body: { message: 'Hello, Ada!!!' } });
    });

    test('POST /greet with a number for name is a 422 string_type', async () => {
      const { status, body } = await statusAndJson(sendJson(fetch, '/greet', { name: 42 }));
      expect(status).toBe(422);
      expect(body).toEqual({ detail: [expect.objectContaining({ type: 'string_type', loc: ['body', 'name'], input: 42 })] });
    });

    test('malformed JSON is a 422 json_invalid', async () => {
      const res = await fetch('/greet', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({ detail: [expect.objectContaining({ type: 'json_invalid', msg: 'JSON decode error' })] });
    });

    test('GET /nope is a 404', async () => {
      expect(await statusAndJson(fetch('/nope'))).toEqual({ status: 404, body: { detail: 'Not Found' } });
    });

    test('DELETE /hello is a 405 with Allow', async () => {
      const res = await fetch('/hello', { method: 'DELETE' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(await res.json()).toEqual({ detail: 'Method Not Allowed' });
    });

    test('a throwing handler is a 500, and the server keeps serving', async () => {
      expect(await statusAndJson(fetch('/boom'))).toEqual({ status: 500, body: { detail: 'Internal Server Error' } });
      expect((await fetch('/hello')).status).toBe(200);
    });

    test('a body with a non-JSON content type is a 415', async () => {
      const res = await fetch('/items', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"name":"Foo","price":1}' });
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({ detail: expect.stringContaining('Unsupported Media Type') });
    });

    test('a body over 1 MiB is a 413', async () => {
      const res = await fetch('/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1024 * 1024 + 1) });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ detail: 'Request body is larger than the limit of 1048576 bytes' });
    });
  });
}
