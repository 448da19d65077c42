/** HTTP behaviour the adapter itself owns: unmatched routes, HEAD, trailing slashes, body limits and types. */
import { describe, expect, test } from 'vitest';
import type { RequestTarget } from '../serve.js';
import { statusAndJson } from './request.js';

const LIMIT = 1024 * 1024;

export function protocolCases(fetch: RequestTarget): void {
  describe('404 and 405', () => {
    test('an unknown path is a JSON 404, whatever the method and body', async () => {
      expect(await statusAndJson(fetch('/no/such/path'))).toEqual({ status: 404, body: { detail: 'Not Found' } });
      const post = fetch('/nope', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
      expect(await statusAndJson(post)).toEqual({ status: 404, body: { detail: 'Not Found' } });
    });

    test('a known path with another method is a 405 listing the allowed ones', async () => {
      const res = await fetch('/items/42', { method: 'PUT' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      const onlyPost = await fetch('/items');
      expect(onlyPost.status).toBe(405);
      expect(onlyPost.headers.get('allow')).toBe('POST');
    });

    test('OPTIONS on a path without an OPTIONS route is a 405', async () => {
      const res = await fetch('/hello', { method: 'OPTIONS' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    });

    test('paths are case-sensitive', async () => {
      expect((await fetch('/HELLO')).status).toBe(404);
    });
  });

  describe('HEAD', () => {
    test('HEAD answers like GET, without a body', async () => {
      const get = await fetch('/hello');
      const getLength = get.headers.get('content-length');
      await get.arrayBuffer();
      const head = await fetch('/hello', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toMatch(/^application\/json/);
      expect(head.headers.get('content-length')).toBe(getLength);
      expect(await head.text()).toBe('');
    });

    test('HEAD reports validation errors by status', async () => {
      expect((await fetch('/items/abc', { method: 'HEAD' })).status).toBe(422);
    });
  });

  describe('trailing slash', () => {
    test('a trailing slash reaches the same route', async () => {
      expect(await statusAndJson(fetch('/hello/'))).toEqual({ status: 200, body: { message: 'Hello, world!' } });
      expect(await statusAndJson(fetch('/items/7/?q=x'))).toEqual({ status: 200, body: { item_id: 7, q: 'x' } });
    });
  });

  describe('body limits (413)', () => {
    const item = (size: number) => {
      const frame = '{"name":"","price":1}';
      return `{"name":"${'x'.repeat(size - frame.length)}","price":1}`;
    };

    test('a body of exactly the limit is accepted', async () => {
      const res = await fetch('/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: item(LIMIT) });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ price: 1 });
    });

    test('a declared Content-Length over the limit is a 413', async () => {
      const res = await fetch('/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: item(LIMIT + 1) });
      expect(await statusAndJson(Promise.resolve(res))).toEqual({ status: 413, body: { detail: `Request body is larger than the limit of ${LIMIT} bytes` } });
    });

    test('a streamed (chunked) body over the limit is a 413, and the server keeps serving', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent > LIMIT + chunk.byteLength) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const res = await fetch('/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
      expect(res.status).toBe(413);
      expect((await fetch('/hello')).status).toBe(200);
    });

    test('a route that reads no body is not limited by one', async () => {
      const res = await fetch('/responses/created', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(201);
    });
  });

  describe('content types (415)', () => {
    test('a body without a Content-Type is a 415', async () => {
      const res = await fetch('/items', { method: 'POST', body: new TextEncoder().encode('{"name":"Foo","price":1}') });
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({ detail: expect.stringContaining('Unsupported Media Type') });
    });

    test('a form body is a 415', async () => {
      const res = await fetch('/items', { method: 'POST', body: new URLSearchParams({ name: 'Foo', price: '1' }) });
      expect(res.status).toBe(415);
    });

    test('JSON media types with parameters and +json suffixes are accepted', async () => {
      const body = JSON.stringify({ name: 'Foo', price: 1 });
      for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json']) {
        const res = await fetch('/items', { method: 'POST', headers: { 'content-type': type }, body });
        expect([type, res.status]).toEqual([type, 200]);
      }
    });
  });
}
