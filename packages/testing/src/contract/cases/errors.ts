/** Errors a handler throws: HttpErrors answer with their status and detail, handlers map the rest, 500s stay isolated. */
import { describe, expect, test } from 'vitest';
import type { RequestTarget } from '../serve.js';
import { statusAndJson } from './request.js';

export function errorCases(fetch: RequestTarget): void {
  describe('errors and exception handlers', () => {
    test('an HttpError answers with its status and detail', async () => {
      expect(await statusAndJson(fetch('/errors/not-found'))).toEqual({ status: 404, body: { detail: 'Item not found' } });
    });

    test('an HttpError sends its headers', async () => {
      const res = await fetch('/errors/unauthorized');
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toEqual({ detail: 'Not authenticated' });
    });

    test('detail may be any JSON value', async () => {
      expect(await statusAndJson(fetch('/errors/conflict'))).toEqual({ status: 409, body: { detail: { code: 'duplicate', id: 7 } } });
    });

    test('a registered exception handler answers its error class', async () => {
      expect(await statusAndJson(fetch('/errors/teapot'))).toEqual({ status: 418, body: { detail: "I'm a teapot", tea: 'earl grey' } });
    });

    test('an async failure is a 500 that leaks nothing', async () => {
      const res = await fetch('/errors/async-boom');
      expect(res.status).toBe(500);
      expect(await res.text()).toBe('{"detail":"Internal Server Error"}');
    });

    test('failures do not affect concurrent requests', async () => {
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(i % 2 === 0 ? '/boom' : `/items/${i}`)));
      expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 500 : 200)));
      const bodies = await Promise.all(responses.map((r) => r.json()));
      expect(bodies[1]).toEqual({ item_id: 1, q: null });
    });
  });
}
