/** What routes send: status codes, headers and cookies, response models, and explicit responses. */
import { describe, expect, test } from 'vitest';
import type { RequestTarget } from '../serve.js';
import { statusAndJson } from './request.js';

export function responseCases(fetch: RequestTarget): void {
  describe('status codes', () => {
    test('@HttpCode(201)', async () => {
      expect(await statusAndJson(fetch('/responses/created', { method: 'POST' }))).toEqual({ status: 201, body: { created: true } });
    });

    test('@HttpCode(204) sends no body', async () => {
      const res = await fetch('/responses/gone', { method: 'DELETE' });
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
    });
  });

  describe('response headers and cookies', () => {
    test('@ResponseHeader is sent with the JSON content type', async () => {
      const res = await fetch('/responses/header');
      expect(res.headers.get('x-served-by')).toBe('decorum');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    });

    test('@Res() sets the status, a header and a cookie of the normal response', async () => {
      const res = await fetch('/responses/control');
      expect(res.status).toBe(202);
      expect(res.headers.get('x-custom')).toBe('yes');
      expect(res.headers.getSetCookie()).toEqual(['session=abc123; Path=/; HttpOnly; SameSite=Lax']);
      expect(await res.json()).toEqual({ accepted: true });
    });

    test('several cookies are several Set-Cookie headers', async () => {
      const cookies = (await fetch('/responses/cookies')).headers.getSetCookie();
      expect(cookies).toHaveLength(3);
      expect(cookies[0]).toBe('a=1; Path=/; HttpOnly; SameSite=Lax');
      expect(cookies[1]).toBe('b=2; Path=/; SameSite=Lax');
      expect(cookies[2]).toMatch(/^old=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    });
  });

  describe('response models', () => {
    test('fields the model does not declare are stripped', async () => {
      expect(await statusAndJson(fetch('/responses/model'))).toEqual({ status: 200, body: { name: 'Ada', email: 'ada@example.com' } });
    });

    test('a list model strips each item', async () => {
      expect(await statusAndJson(fetch('/responses/models'))).toEqual({
        status: 200,
        body: [{ name: 'Ada', email: 'ada@example.com' }, { name: 'Alan', email: 'alan@example.com' }],
      });
    });

    test('a return value that breaks the model is a 500 with the generic body', async () => {
      expect(await statusAndJson(fetch('/responses/model-mismatch'))).toEqual({ status: 500, body: { detail: 'Internal Server Error' } });
    });
  });

  test('a Set, a bigint, a Date and bytes are written as JSON can carry them', async () => {
    expect(await statusAndJson(fetch('/responses/encoded'))).toEqual({
      status: 200, body: { tags: ['a', 'b'], id: '18446744073709551616', at: '1970-01-01T00:00:00.000Z', bytes: 'AAEC/w==' },
    });
  });

  describe('explicit responses', () => {
    test('text with its own content type', async () => {
      const res = await fetch('/responses/text');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await res.text()).toBe('pong');
    });

    test('bytes', async () => {
      const res = await fetch('/responses/bytes');
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-length')).toBe('4');
      expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    });

    test('a streamed body arrives whole', async () => {
      const res = await fetch('/responses/stream');
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('one,two,three');
    });

    test('a generator handler streams JSON Lines through its response model', async () => {
      const res = await fetch('/responses/json-lines');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/jsonl');
      expect(await res.text()).toBe('{"name":"ada","email":"ada@example.com"}\n{"name":"bob","email":"bob@example.com"}\n');
    });

    test('a redirect', async () => {
      const res = await fetch('/responses/redirect', { redirect: 'manual' });
      expect(res.status).toBe(307);
      expect(res.headers.get('location')).toBe('/hello');
    });

    test('non-ASCII JSON gets a byte-exact Content-Length', async () => {
      const res = await fetch('/responses/unicode');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
      expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({ text: 'héllo wörld ✓' });
    });
  });
}
