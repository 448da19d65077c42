import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApiDocument } from '@decorumjs/decorum';
import { WebSocketRefused, createTestClient, type TestClient } from '@decorumjs/testing';
import { app } from './readme/chat-app.js';
import { expectValidOpenApi } from '../openapi/expect-valid-openapi.js';

let client: TestClient;
beforeAll(async () => {
  client = await createTestClient(app);
});
afterAll(() => client.close());

describe('the README WebSocket example', () => {
  test('is the example file, line for line', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### WebSockets'));
    const start = section.indexOf('```ts\n') + 6;
    const block = section.slice(start, section.indexOf('\n```', start));
    const example = readFileSync(new URL('./readme/chat-app.ts', import.meta.url), 'utf8');
    const lines = block.split('\n').filter((line) => !line.startsWith('import { Controller'));
    expect(example).toContain(lines.join('\n'));
    for (const name of ['Controller', 'ConnectedSocket', 'Depends', 'Param', 'WebSocketConnection', 'WebSocketGroups', 'WebSocketRoute']) {
      expect(block.split('\n')[0]).toContain(name);
    }
  });

  test('two users in a room see each other\'s messages; an invalid message gets an error frame', async () => {
    const alice = await client.websocket('/chat/lobby', { headers: { authorization: 'Bearer user-alice' } });
    const bob = await client.websocket('/chat/lobby', { headers: { authorization: 'Bearer user-bob' } });
    // `ws.join(room)` is not awaited in the example: the in-memory broker subscribes at once.
    await alice.sendJson({ text: 'hi bob' });
    expect(await bob.receiveJson()).toEqual({ from: 'alice', text: 'hi bob' });
    expect(await alice.receiveJson()).toEqual({ from: 'alice', text: 'hi bob' });
    await bob.sendJson({ text: 'x'.repeat(501) });
    expect(await bob.receiveJson()).toMatchObject({ detail: [{ type: 'string_too_long', loc: ['message', 'text'] }] });
    await bob.sendJson({ text: 'hello alice' });
    expect(await alice.receiveJson()).toEqual({ from: 'bob', text: 'hello alice' });
    await Promise.all([alice.close(), bob.close()]);
  });

  test('without a token the handshake is refused with the 401 an HTTP route gives', async () => {
    const refused = await client.websocket('/chat/lobby').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WebSocketRefused);
    expect((refused as WebSocketRefused).status).toBe(401);
    expect((refused as WebSocketRefused).headers['www-authenticate']).toBe('Bearer');
    expect((refused as WebSocketRefused).json()).toEqual({ detail: 'Not authenticated' });
  });

  test('the OpenAPI document lists the route as a GET with x-websocket, its parameters and refusals', async () => {
    const doc = openApiDocument(app);
    await expectValidOpenApi(doc);
    const operation = doc.paths?.['/chat/{room}']?.get;
    expect(operation?.['x-websocket']).toEqual({
      subprotocols: [], receive: { $ref: '#/components/schemas/ChatMessage' },
      // ChatEvent has no class-validator rules, so no shape to read: it is named.
      send: { type: 'object', title: 'ChatEvent' },
    });
    expect(operation?.parameters).toEqual([{ name: 'room', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(Object.keys(operation?.responses ?? {})).toEqual(['101', '401', '403', '422', '426']);
    expect(operation?.responses['101']?.description).toBe('Switching Protocols: the WebSocket session');
    expect(operation?.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.components?.schemas?.ChatMessage).toMatchObject({ properties: { text: { type: 'string', maxLength: 500 } }, required: ['text'] });
  });
});
