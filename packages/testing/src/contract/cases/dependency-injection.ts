/**
 * Dependency injection across adapters: scopes, a dependency's validated parameter, a side-effect auth
 * dependency, and cleanup after the response (also when the handler fails).
 */
import { describe, expect, test } from 'vitest';
import type { RequestTarget } from '../serve.js';
import { statusAndJson } from './request.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

export function dependencyInjectionCases(fetch: RequestTarget): void {
  describe('dependency injection', () => {
    test('a singleton is shared by every request; a request-scoped provider by one request only', async () => {
      type Scopes = { singleton: number; request: number; sharedInRequest: boolean };
      const first = (await (await fetch('/di/scopes')).json()) as Scopes;
      const second = (await (await fetch('/di/scopes')).json()) as Scopes;
      expect(first.sharedInRequest).toBe(true);
      expect(second.singleton).toBe(first.singleton);
      expect(second.request).not.toBe(first.request);
    });

    test('a parameter a dependency reads is coerced and validated as the route’s own', async () => {
      expect(await statusAndJson(fetch('/di/page?size=20'))).toEqual({ status: 200, body: { size: 20 } });
      const { status, body } = await statusAndJson(fetch('/di/page?size=99'));
      expect(status).toBe(422);
      expect((body as { detail: unknown[] }).detail[0]).toMatchObject({ loc: ['query', 'size'], type: 'less_than_equal' });
    });

    test('a side-effect dependency can refuse the request with 401', async () => {
      const denied = await fetch('/di/guarded');
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toBe('Key');
      expect(await statusAndJson(fetch('/di/guarded', { headers: { 'x-key': 'let-me-in' } }))).toEqual({ status: 200, body: { ok: true } });
    });

    test('cleanup runs after the response, and learns of a failure', async () => {
      expect(await statusAndJson(fetch('/di/resource?tag=ok'))).toEqual({ status: 200, body: { value: 'resource:ok' } });
      expect((await fetch('/di/resource?tag=bad&fail=true')).status).toBe(500);
      await settle();
      const log = await (await fetch('/di/cleanup-log')).json();
      expect(log).toEqual(expect.arrayContaining(['closed ok', 'rolled back bad']));
    });

    test('a dependency that turns the handler’s error into a BadRequest answers that 400', async () => {
      expect(await statusAndJson(fetch('/di/owner'))).toEqual({ status: 400, body: { detail: 'Owner error: Rick' } });
    });
  });
}
