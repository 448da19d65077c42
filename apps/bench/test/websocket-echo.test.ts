// Keeps the WebSocket bench honest: every server it measures echoes text and bytes unchanged. No load, no timing.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer, StartServer } from '../src/servers/server.js';
import { checkEcho } from '../src/websocket/check-echo.js';
import { ECHO_PATH, WEBSOCKET_SERVERS } from '../src/websocket/echo-path.js';

const running: Array<RunningServer & { label: string }> = [];

beforeAll(async () => {
  for (const server of WEBSOCKET_SERVERS) {
    const { start } = (await import(`../src/servers/${server.id}.ts`)) as { start: StartServer };
    running.push({ ...(await start(0)), label: server.label });
  }
});

afterAll(() => Promise.all(running.map((s) => s.close())));

test('every benchmarked WebSocket server echoes text as text and bytes as bytes', async () => {
  expect(running.map((s) => s.label)).toEqual(WEBSOCKET_SERVERS.map((s) => s.label));
  for (const server of running) await expect(checkEcho(server.label, server.url.replace(/^http/, 'ws') + ECHO_PATH)).resolves.toBeUndefined();
});
