import { describe, expect, test } from 'vitest';
import { Controller, Get, MemoryStore, Req, clientIp, rateLimit, type RateLimitPolicy, type RequestContext } from '@decorumjs/decorum';
import { serve } from './serve.js';

@Controller()
class Api {
  @Get('a') a() { return { ok: true }; }
  @Get('b') b(@Req() ctx: RequestContext) { return { ip: clientIp(ctx) ?? null }; }
}

const allowed = (store: MemoryStore, policy: RateLimitPolicy, times: number[], key = 'k') =>
  times.map((t) => store.consume(key, policy, t).allowed);

describe('the algorithms, on a clock we advance', () => {
  test('fixed window: limit per window, counts reset at the boundary', () => {
    const policy: RateLimitPolicy = { algorithm: 'fixed-window', limit: 3, windowMs: 1000 };
    const store = new MemoryStore();
    expect(allowed(store, policy, [0, 100, 200, 300, 999, 1000, 1001])).toEqual([true, true, true, false, false, true, true]);
    expect(store.consume('k', policy, 1002)).toMatchObject({ allowed: true, remaining: 0, resetMs: 998 });
    expect(store.consume('k', policy, 1500)).toMatchObject({ allowed: false, retryAfterMs: 500 });
    expect(store.consume('other', policy, 1500).allowed).toBe(true);
  });

  test('sliding window: the previous window still weighs in, so no double burst at the boundary', () => {
    const policy: RateLimitPolicy = { algorithm: 'sliding-window', limit: 4, windowMs: 1000 };
    const store = new MemoryStore();
    expect(allowed(store, policy, [900, 910, 920, 930])).toEqual([true, true, true, true]);
    // Just after the boundary a fixed window would allow 4 more; here the previous 4 still count ~fully.
    expect(store.consume('k', policy, 1000).allowed).toBe(false);
    const refused = store.consume('k', policy, 1100);
    expect(refused.allowed).toBe(false);
    // previous 4 × (1 − t/1000) ≤ 3 → t ≥ 250: allowed again from 1250.
    expect(refused.retryAfterMs).toBe(150);
    expect(store.consume('k', policy, 1249).allowed).toBe(false);
    expect(store.consume('k', policy, 1250).allowed).toBe(true);
  });

  test('token bucket: bursts up to the capacity, then one request per refilled token', () => {
    const policy: RateLimitPolicy = { algorithm: 'token-bucket', limit: 2, windowMs: 1000 }; // a token per 500 ms
    const store = new MemoryStore();
    expect(allowed(store, policy, [0, 1, 2])).toEqual([true, true, false]);
    expect(store.consume('k', policy, 250)).toMatchObject({ allowed: false, retryAfterMs: 250 });
    expect(allowed(store, policy, [500, 501, 1000, 5000, 5000, 5000])).toEqual([true, false, true, true, true, false]);
  });

  test('the memory store keeps at most maxKeys keys, dropping the least recently used', () => {
    const policy: RateLimitPolicy = { algorithm: 'fixed-window', limit: 1, windowMs: 60_000 };
    const store = new MemoryStore({ maxKeys: 2 });
    store.consume('a', policy, 0);
    store.consume('b', policy, 0);
    store.consume('a', policy, 1); // refused, and now the most recent
    store.consume('c', policy, 2); // evicts b
    expect(store.consume('a', policy, 3).allowed).toBe(false);
    expect(store.consume('b', policy, 3).allowed).toBe(true);
  });
});

describe('rateLimit() over HTTP', () => {
  test('429 with Retry-After once the client is over; RateLimit and RateLimit-Policy on every answer', async () => {
    const { fetch } = await serve({ controllers: [Api], middleware: [rateLimit({ limit: 2, window: '1h', name: 'api' })] });
    const first = await fetch('/a');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('"api";q=2;w=3600');
    // Windows start on the hour (a window boundary mid-test is then all but impossible), so the reset is what is left of it.
    const [, reset] = /^"api";r=1;t=(\d+)$/.exec(first.headers.get('ratelimit') ?? '') ?? [];
    expect(Number(reset)).toBeGreaterThanOrEqual(1);
    expect(Number(reset)).toBeLessThanOrEqual(3600);
    expect((await fetch('/b')).headers.get('ratelimit')).toMatch(/^"api";r=0;t=/);
    const refused = await fetch('/a');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ detail: 'Too Many Requests' });
    expect(Math.abs(Number(refused.headers.get('retry-after')) - Number(reset))).toBeLessThanOrEqual(1);
    expect(refused.headers.get('ratelimit')).toMatch(/^"api";r=0;t=/);
    // Unmatched paths count too: the middleware runs before routing decides.
    expect((await fetch('/nowhere')).status).toBe(429);
  });

  test('keyed by anything: per user header and route, or skipped when the key is undefined', async () => {
    const { fetch } = await serve({ controllers: [Api], middleware: [rateLimit({
      limit: 1, window: 3_600_000, key: (ctx) => (ctx.headers['x-internal'] ? undefined : `${String(ctx.headers['x-user'])} ${ctx.route?.id ?? ctx.path}`),
    })] });
    const as = (user: string, path: string, extra: Record<string, string> = {}) => fetch(path, { headers: { 'x-user': user, ...extra } });
    expect((await as('ann', '/a')).status).toBe(200);
    expect((await as('ann', '/a')).status).toBe(429);
    expect((await as('ann', '/b')).status).toBe(200);
    expect((await as('bob', '/a')).status).toBe(200);
    expect((await as('ann', '/a', { 'x-internal': '1' })).status).toBe(200);
  });

  test('bad options are refused when the middleware is made', () => {
    expect(() => rateLimit({ limit: 0, window: '1m' })).toThrow(/DECORUM_ERR_MIDDLEWARE_OPTIONS: rateLimit: limit 0 is not a whole number/);
    expect(() => rateLimit({ limit: 5, window: 'soon' })).toThrow(/window "soon" is not a duration/);
    expect(() => rateLimit({ limit: 5, window: '1m', name: 'a "b"' })).toThrow(/cannot appear in the RateLimit headers/);
  });
});
