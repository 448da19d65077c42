// The chat example on two "workers" (two apps, each its own server) sharing one real Redis through
// RedisBroker: a member on one worker sees what a member on the other says, as behind a load balancer.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RedisBroker } from '@decorumjs/redis';
import { createTestClient, type TestClient } from '@decorumjs/testing';
import { createChatApp } from '../../apps/chat/src/main.js';
import { startRedisServer, type RedisServer } from '../security/redis-server.js';

let redis: RedisServer;
const connections: Redis[] = [];
const workers: TestClient[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  for (const name of ['worker-a', 'worker-b']) {
    const client = new Redis(redis.url, { connectionName: name });
    connections.push(client);
    workers.push(await createTestClient(createChatApp({ broker: new RedisBroker({ client }) })));
  }
}, 20_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.close()));
  for (const client of connections) client.disconnect();
  await redis?.stop();
});

test('alice on one worker and bob on another share a room through Redis', async () => {
  const [a, b] = workers as [TestClient, TestClient];
  const alice = await a.websocket('/chat/across', { query: { token: 'alice-token' } });
  expect(await alice.receiveJson()).toEqual({ type: 'joined', from: 'alice' });
  const bob = await b.websocket('/chat/across', { query: { token: 'bob-token' } });
  expect(await bob.receiveJson()).toEqual({ type: 'joined', from: 'bob' });
  expect(await alice.receiveJson()).toEqual({ type: 'joined', from: 'bob' });

  await bob.sendJson({ text: 'hello from worker b' });
  expect(await alice.receiveJson()).toEqual({ type: 'message', from: 'bob', text: 'hello from worker b' });
  expect(await bob.receiveJson()).toEqual({ type: 'message', from: 'bob', text: 'hello from worker b' });

  // Each worker counts its own members: the room is one member on each.
  const auth = { headers: { authorization: 'Bearer alice-token' } };
  expect((await a.get('/rooms/across', auth)).json()).toEqual({ room: 'across', members: 1 });
  expect((await b.get('/rooms/across', auth)).json()).toEqual({ room: 'across', members: 1 });

  await bob.close();
  expect(await alice.receiveJson()).toEqual({ type: 'left', from: 'bob' });
  await alice.close();
});
