// The chat over real sockets through the test client: two members in a room, validation of each
// message, the token dependency refusing the upgrade, and the room's size as members come and go.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestClient, WebSocketRefused, type TestClient } from '@decorumjs/testing';
import { createChatApp } from '../src/main.js';

let client: TestClient;
beforeAll(async () => {
  client = await createTestClient(createChatApp());
});
afterAll(() => client.close());

const join = (room: string, token: string) => client.websocket(`/chat/${room}`, { query: { token } });

describe('WS /chat/{room}', () => {
  test('two members in one room see who joins and what each says', async () => {
    const alice = await join('general', 'alice-token');
    expect(await alice.receiveJson()).toEqual({ type: 'joined', from: 'alice' });
    const bob = await join('general', 'bob-token');
    expect(await bob.receiveJson()).toEqual({ type: 'joined', from: 'bob' });
    expect(await alice.receiveJson()).toEqual({ type: 'joined', from: 'bob' });

    await alice.sendJson({ text: 'hello bob' });
    expect(await alice.receiveJson()).toEqual({ type: 'message', from: 'alice', text: 'hello bob' });
    expect(await bob.receiveJson()).toEqual({ type: 'message', from: 'alice', text: 'hello bob' });

    await alice.close();
    expect(await bob.receiveJson()).toEqual({ type: 'left', from: 'alice' });
    await bob.close();
  });

  test('an invalid message is answered to its sender alone, and the session goes on', async () => {
    const alice = await join('checks', 'alice-token');
    await alice.receiveJson();
    const bob = await join('checks', 'bob-token');
    await bob.receiveJson();
    await alice.receiveJson();

    await alice.sendJson({ text: '' });
    expect(await alice.receiveJson()).toEqual({
      detail: [expect.objectContaining({ loc: ['message', 'text'] })],
    });
    await alice.sendText('not json');
    expect(await alice.receiveJson()).toEqual({ detail: [expect.objectContaining({ type: 'json_invalid' })] });

    await alice.sendJson({ text: 'still here' });
    // Bob's next event is this message: he never saw the invalid ones.
    expect(await bob.receiveJson()).toEqual({ type: 'message', from: 'alice', text: 'still here' });
    await alice.close();
    await bob.close();
  });

  test('a missing or unknown token refuses the upgrade with 401', async () => {
    const missing = await client.websocket('/chat/general').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(WebSocketRefused);
    expect((missing as WebSocketRefused).status).toBe(401);
    expect((missing as WebSocketRefused).json()).toEqual({ detail: 'Not authenticated' });

    const unknown = await join('general', 'mallory-token').catch((error: unknown) => error);
    expect((unknown as WebSocketRefused).status).toBe(401);
    expect((unknown as WebSocketRefused).headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  test('a room name out of its pattern refuses the upgrade with 422 naming the path parameter', async () => {
    const refused = await join('No%20Spaces', 'alice-token').catch((error: unknown) => error);
    expect((refused as WebSocketRefused).status).toBe(422);
    expect((refused as WebSocketRefused).json()).toEqual({
      detail: [expect.objectContaining({ type: 'string_pattern_mismatch', loc: ['path', 'room'] })],
    });
  });
});

describe('GET /rooms/{room}', () => {
  test('counts the members connected, behind the same token check', async () => {
    const alice = await join('counted', 'alice-token');
    await alice.receiveJson();
    const res = await client.get('/rooms/counted', { headers: { authorization: 'Bearer bob-token' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ room: 'counted', members: 1 });
    await alice.close();
    // The room empties once the server has seen the close.
    for (let tries = 0; tries < 50; tries++) {
      if ((await client.get('/rooms/counted', { headers: { authorization: 'Bearer bob-token' } })).json<{ members: number }>().members === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await client.get('/rooms/counted', { headers: { authorization: 'Bearer bob-token' } })).json()).toEqual({ room: 'counted', members: 0 });
    expect((await client.get('/rooms/counted')).status).toBe(401);
  });
});

test('the OpenAPI document lists the WebSocket route with its message schemas', async () => {
  const document = (await client.get('/openapi.json')).json<{ paths: Record<string, Record<string, Record<string, unknown>>> }>();
  expect(Object.keys(document.paths).sort()).toEqual(['/chat/{room}', '/rooms/{room}']);
  const operation = document.paths['/chat/{room}']?.get;
  expect(operation?.['x-websocket']).toMatchObject({ receive: expect.anything(), send: expect.anything() });
  expect(Object.keys(operation?.responses ?? {})).toContain('101');
});
