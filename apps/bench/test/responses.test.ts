// Keeps the bench honest: every server it measures gives the same answers. No load, no timing.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkResponses, type ServerUnderCheck } from '../src/check-responses.js';
import { loadFastifyAdapter } from '../src/servers/decorum-fastify.js';
import { SERVERS } from '../src/servers/registry.js';
import type { RunningServer, StartServer } from '../src/servers/server.js';

const running: Array<RunningServer & { label: string }> = [];

async function fastifyAdapterExists(): Promise<boolean> {
  try {
    await loadFastifyAdapter();
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  const withFastify = await fastifyAdapterExists();
  for (const server of SERVERS) {
    if (server.id === 'decorum-fastify' && !withFastify) continue;
    const { start } = (await import(`../src/servers/${server.id}.ts`)) as { start: StartServer };
    running.push({ ...(await start(0)), label: server.label });
  }
});

afterAll(() => Promise.all(running.map((s) => s.close())));

test('every benchmarked server gives the expected answer to every endpoint', async () => {
  const servers: ServerUnderCheck[] = running.map((s) => ({ label: s.label, url: s.url }));
  expect(servers.length).toBeGreaterThanOrEqual(4);
  expect(await checkResponses(servers)).toEqual([]);
});

test('the CORS variant answers cross-origin requests (--origin) with the CORS headers, and others without', async () => {
  const { ALLOWED_ORIGIN } = await import('../src/servers/decorum-node-cors.js');
  const cors = running.find((s) => s.label.includes('cors()'));
  if (!cors) throw new Error('the CORS variant is not in the registry');
  const crossOrigin = await fetch(`${cors.url}/hello`, { headers: { origin: ALLOWED_ORIGIN } });
  expect(crossOrigin.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  expect(await crossOrigin.json()).toEqual({ message: 'Hello, world!' });
  expect((await fetch(`${cors.url}/hello`)).headers.get('access-control-allow-origin')).toBeNull();
});
