/**
 * One rate limit across real worker processes: `decorum start --workers 2` (node:cluster) with a
 * RedisStore, against Debian's redis-server. Each worker has its own Redis connection; only the shared
 * store can make their counts one.
 */
import { realpathSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { buildPackages, BUILD_PACKAGES_MS } from '../cli/built-packages.js';
import { CliProcess, createTempApp, killAll, removeTempApp, waitForBody } from '../cli/cli-process.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

const app = `
import { Redis } from 'ioredis';
import { Controller, Get, RedisStore, createApp, rateLimit } from '@decorumjs/decorum';

@Controller()
export class PidController {
  @Get('pid') pid() { return { pid: process.pid }; }
  @Get('health') health() { return { ok: true }; }
}

const tagPid = async (_ctx, next) => {
  const response = await next();
  response.headers['x-pid'] = String(process.pid);
  return response;
};
const store = new RedisStore({ client: new Redis(process.env.REDIS_URL) });
export const app = createApp({ controllers: [PidController], middleware: [
  tagPid,
  rateLimit({ limit: 6, window: '1h', store, key: (ctx) => (ctx.path === '/health' ? undefined : 'everyone') }),
] });
`;

let redis: RedisServer;
let dir = '';

beforeAll(async () => {
  // decorum start runs compiled code, as in production: Decorum's packages and then the app are built first.
  buildPackages();
  redis = await startRedisServer();
}, BUILD_PACKAGES_MS);

afterEach(() => {
  killAll();
  if (dir) removeTempApp(dir);
});

afterAll(async () => {
  await redis?.stop();
});

test('two worker processes enforce one limit between them', async () => {
  dir = createTempApp({ 'src/main.ts': app });
  symlinkSync(realpathSync(resolve('test/node_modules/ioredis')), join(dir, 'node_modules/ioredis'), 'dir');
  const build = new CliProcess(['build'], { cwd: dir });
  const built = await build.waitForExit(60_000);
  if (built.code !== 0) throw new Error(`decorum build failed:\n${build.output}`);
  const cli = new CliProcess(['start', '--port', '0', '--workers', '2'], { cwd: dir, env: { REDIS_URL: redis.url } });
  const [, url] = await cli.waitForOutput(/"url":"(http:\/\/[^"]+)"/, 30_000);
  await cli.waitForOutput(/with 2 workers/, 30_000);
  await waitForBody(`${url}/health`, /ok/, 10_000);
  const answers: Array<{ status: number; pid: string | null }> = [];
  for (let i = 0; i < 12; i++) {
    // A new connection each time, so the cluster primary hands requests to the workers in turn.
    const response = await fetch(`${url}/pid`, { headers: { connection: 'close' } });
    answers.push({ status: response.status, pid: response.headers.get('x-pid') });
    await response.arrayBuffer();
  }
  expect(answers.filter((a) => a.status === 200)).toHaveLength(6);
  expect(answers.filter((a) => a.status === 429)).toHaveLength(6);
  expect(new Set(answers.map((a) => a.pid)).size).toBe(2);
}, 90_000);
