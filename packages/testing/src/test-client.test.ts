import { afterAll, beforeAll, expect, test } from 'vitest';
import { FetchAdapter } from '@decorumjs/platform-fetch';
import { createContractApp } from './contract/serve.js';
import { createTestClient, type TestClient } from './index.js';

let client: TestClient;
beforeAll(async () => {
  client = await createTestClient(createContractApp(new FetchAdapter()));
});
afterAll(() => client.close());

test('query values, repeated keys and absent ones', async () => {
  const res = await client.get('/params/query', { query: { q: 'a b', n: 3, tag: ['x', 'y'], flag: true, skipped: undefined } });
  expect(res.json()).toEqual({ q: 'a b', n: 3, tags: ['x', 'y'], flag: true });
});

test('headers, and cookies for one request', async () => {
  expect((await client.get('/params/header', { headers: { 'X-Token': 't' } })).json()).toEqual({ token: 't', trace: null });
  expect((await client.get('/params/cookie', { cookies: { session: 's1' } })).json()).toEqual({ session: 's1', theme: 'light' });
  expect(client.cookies.get('session')).toBeUndefined();
});

test('cookies a response sets are sent back, and cleared ones are dropped', async () => {
  const set = await client.get('/responses/control');
  expect(set.setCookies).toEqual(['session=abc123; Path=/; HttpOnly; SameSite=Lax']);
  expect((await client.get('/params/cookie')).json()).toEqual({ session: 'abc123', theme: 'light' });
  client.cookies.set('old', 'stale');
  await client.get('/responses/cookies');
  expect(client.cookies.get('old')).toBeUndefined();
  expect(client.cookies.get('a')).toBe('1');
  client.cookies.delete('session');
});

test('every method, with JSON bodies', async () => {
  const put = await client.put('/params/embedded/1', { json: { item: { name: 'Foo', price: 1 }, importance: 2 } });
  expect(put.json()).toEqual({ id: 1, item: { name: 'Foo', price: 1 }, importance: 2 });
  expect((await client.delete('/responses/gone')).status).toBe(204);
  expect((await client.patch('/hello')).status).toBe(405);
  const head = await client.head('/hello');
  expect([head.status, head.text]).toEqual([200, '']);
  expect((await client.options('/hello')).headers.get('allow')).toBe('GET, HEAD');
});

test('text bodies and the raw response', async () => {
  const res = await client.get('/responses/text');
  expect(res.text).toBe('pong');
  expect(() => res.json()).toThrow(SyntaxError);
});
