// Runs the app in-process through the test client: no port, the same routes, validation and errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestClient, type TestClient } from '@decorumjs/testing';
import { app } from '../src/main.js';

let client: TestClient;
before(async () => {
  client = await createTestClient(app);
});
after(() => client.close());

describe('GET /hello', () => {
  test('greets the world by default, or by name', async () => {
    assert.deepEqual((await client.get('/hello')).json(), { message: 'Hello, world!' });
    assert.deepEqual((await client.get('/hello', { query: { name: 'Ada' } })).json(), { message: 'Hello, Ada!' });
  });
});

describe('GET /items/{item_id}', () => {
  test('turns the path parameter into an integer', async () => {
    const res = await client.get('/items/42', { query: { q: 'hi' } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { item_id: 42, q: 'hi' });
  });

  test('answers 422 with where and why when it is not one', async () => {
    const res = await client.get('/items/abc');
    assert.equal(res.status, 422);
    const [error] = (res.json() as { detail: { loc: unknown[]; type: string }[] }).detail;
    assert.deepEqual(error?.loc, ['path', 'item_id']);
    assert.equal(error?.type, 'int_parsing');
  });
});

describe('POST /items', () => {
  test('creates an item from a valid body', async () => {
    const res = await client.post('/items', { json: { name: 'Foo', price: 9.5 } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { created: 'Foo', price: 9.5 });
  });

  test('rejects a price that is not a number', async () => {
    const res = await client.post('/items', { json: { name: 'Foo', price: 'abc' } });
    assert.equal(res.status, 422);
    assert.deepEqual((res.json() as { detail: { loc: unknown[] }[] }).detail[0]?.loc, ['body', 'price']);
  });
});

describe('POST /greet', () => {
  test('greets, and louder when excited', async () => {
    assert.deepEqual((await client.post('/greet', { json: { name: 'Ada' } })).json(), { message: 'Hello, Ada' });
    assert.deepEqual((await client.post('/greet', { json: { name: 'Ada', excited: true } })).json(), { message: 'Hello, Ada!!!' });
  });
});
