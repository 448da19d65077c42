import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Controller, Get, RedisStore, createApp, rateLimit, type App, type RateLimitAlgorithm } from '@decorumjs/decorum';
import { startRedisServer, type RedisServer } from './redis-server.js';

@Controller()
class Api {
  @Get('a') a() { return { ok: true }; }
}

let redis: RedisServer;
const clients: Redis[] = [];
const apps: App[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
}, 20_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  for (const client of clients) client.disconnect();
  await redis?.stop();
});

/** One "worker": its own app on its own port, with its own Redis connection. */
async function worker(algorithm: RateLimitAlgorithm, limit: number, window: string, prefix: string) {
  const client = new Redis(redis.url);
  clients.push(client);
  const store = new RedisStore({ client, prefix });
  const app = createApp({ logger: false, shutdownSignals: false, openapi: false, controllers: [Api], middleware: [rateLimit({ limit, window, algorithm, store })] });
  apps.push(app);
  const { url } = await app.listen(0, '127.0.0.1');
  return (path: string) => fetch(url + path);
}

describe('rateLimit with a RedisStore: one limit across workers', () => {
  for (const algorithm of ['fixed-window', 'sliding-window', 'token-bucket'] as const) {
    test(`${algorithm}: two workers share the count; the refusal says when to retry`, async () => {
      const one = await worker(algorithm, 4, '1h', `t:${algorithm}:`);
      const two = await worker(algorithm, 4, '1h', `t:${algorithm}:`);
      const statuses: number[] = [];
      for (const call of [one, two, one, two, one, two]) statuses.push((await call('/a')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      const refused = await two('/a');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('ratelimit')).toMatch(/^"default";r=0;t=\d+$/);
      // Another worker with its own memory store would have let these through: the sharing is Redis's.
    });
  }

  test('the scripts load themselves after SCRIPT FLUSH', async () => {
    const call = await worker('fixed-window', 1, '1h', 't:flush:');
    expect((await call('/a')).status).toBe(200);
    await clients.at(-1)?.script('FLUSH');
    expect((await call('/a')).status).toBe(429);
  });

  test('a token bucket refills over its window, on the server clock', async () => {
    const call = await worker('token-bucket', 2, '400ms', 't:refill:');
    expect([(await call('/a')).status, (await call('/a')).status, (await call('/a')).status]).toEqual([200, 200, 429]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await call('/a')).status).toBe(200);
  });
});
