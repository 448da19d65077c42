import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp } from '@decorumjs/core';
import { FetchAdapter } from '@decorumjs/platform-fetch';
import { WebSocketController } from './contract/websocket-controller.js';
import { WebSocketRefused, createTestClient, type TestClient } from './index.js';

let client: TestClient;
beforeAll(async () => {
  // The app's own adapter cannot serve WebSockets; the client serves sessions on node:http itself.
  client = await createTestClient(createApp({ adapter: new FetchAdapter(), controllers: [WebSocketController], logger: false }), {
    headers: { authorization: 'Bearer contract-token' },
  });
});
afterAll(() => client.close());

test('client.websocket() opens a session over a real socket', async () => {
  const ws = await client.websocket('/ws/echo');
  await ws.sendText('hello');
  expect(await ws.receiveText()).toBe('hello');
  await ws.sendJson({ n: 1 });
  expect(await ws.receiveJson()).toEqual({ n: 1 });
  expect(await ws.close()).toEqual({ code: 1000, reason: '' });
});

test('query, headers and subprotocols reach the route; the client\'s own headers are sent too', async () => {
  const item = await client.websocket('/ws/items/7', { query: { q: 'x' }, headers: { 'x-token': 't' } });
  expect(await item.receiveJson()).toEqual({ item_id: 7, q: 'x', token: 't' });
  const user = await client.websocket('/ws/private');
  expect(await user.receiveJson()).toEqual({ user: 'alice' });
  const proto = await client.websocket('/ws/proto', { subprotocols: ['v2.chat'] });
  expect(proto.subprotocol).toBe('v2.chat');
});

test('a refused handshake rejects with WebSocketRefused: status, headers and body', async () => {
  const refused = await client.websocket('/ws/items/nope', { query: { q: 'x' }, headers: { 'x-token': 't' } }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(WebSocketRefused);
  expect((refused as WebSocketRefused).status).toBe(422);
  expect((refused as WebSocketRefused).headers['content-type']).toBe('application/json');
  expect((refused as WebSocketRefused).json()).toMatchObject({ detail: [{ type: 'int_parsing', loc: ['path', 'item_id'] }] });
});

test('receive times out with a clear error when nothing comes', async () => {
  const ws = await client.websocket('/ws/echo');
  await expect(ws.receiveText(100)).rejects.toThrow('TestWebSocket: no message within 100 ms');
  await ws.close();
});

test('an HTTP request to a WebSocket route, in-process, answers 426', async () => {
  const res = await client.get('/ws/echo');
  expect(res.status).toBe(426);
  expect(res.headers.get('upgrade')).toBe('websocket');
});
