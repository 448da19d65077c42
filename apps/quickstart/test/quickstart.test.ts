// The quickstart's behaviour table (issue 2), through the in-process test client.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestClient, type TestClient } from '@decorumjs/testing';
import { app } from '../src/main.js';

let client: TestClient;
beforeAll(async () => {
  client = await createTestClient(app);
});
afterAll(() => client.close());

describe('GET /hello', () => {
  test('greets the world by default', async () => {
    const res = await client.get('/hello');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ message: 'Hello, world!' });
  });

  test('greets by name', async () => {
    expect((await client.get('/hello', { query: { name: 'Ada' } })).json()).toEqual({ message: 'Hello, Ada!' });
  });
});

describe('GET /items/:item_id', () => {
  test('coerces the path parameter and reads q', async () => {
    const res = await client.get('/items/42', { query: { q: 'hello' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ item_id: 42, q: 'hello' });
  });

  test('q defaults to null', async () => {
    expect((await client.get('/items/42')).json()).toEqual({ item_id: 42, q: null });
  });

  test.each(['abc', '4.5'])('/items/%s is a 422 at ["path","item_id"]', async (id) => {
    const res = await client.get(`/items/${id}`);
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [expect.objectContaining({ loc: ['path', 'item_id'], input: id })] });
  });
});

describe('POST /items', () => {
  test('creates an item', async () => {
    const res = await client.post('/items', { json: { name: 'Foo', price: 9.5 } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ created: 'Foo', price: 9.5 });
  });

  test('a price that is not a number is a 422 at ["body","price"]', async () => {
    const res = await client.post('/items', { json: { name: 'Foo', price: 'abc' } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [expect.objectContaining({ loc: ['body', 'price'], input: 'abc' })] });
  });

  test('a missing name is a 422 missing at ["body","name"]', async () => {
    const res = await client.post('/items', { json: { price: 1 } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [{ type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: { price: 1 } }] });
  });

  test('a body that is not JSON by its content type is a 415', async () => {
    const res = await client.post('/items', { body: 'name=Foo', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
  });

  test('a body over 1 MiB is a 413', async () => {
    const res = await client.post('/items', { json: { name: 'x'.repeat(1024 * 1024), price: 1 } });
    expect(res.status).toBe(413);
    expect(res.json()).toEqual({ detail: 'Request body is larger than the limit of 1048576 bytes' });
  });
});

describe('POST /greet', () => {
  test('a plain greeting has no exclamation marks', async () => {
    expect((await client.post('/greet', { json: { name: 'Ada' } })).json()).toEqual({ message: 'Hello, Ada' });
  });

  test('an excited greeting', async () => {
    expect((await client.post('/greet', { json: { name: 'Ada', excited: true } })).json()).toEqual({ message: 'Hello, Ada!!!' });
  });

  test('a name that is not a string is a 422 string_type', async () => {
    const res = await client.post('/greet', { json: { name: 42 } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [expect.objectContaining({ type: 'string_type', loc: ['body', 'name'], input: 42 })] });
  });

  test('malformed JSON is a 422 json_invalid', async () => {
    const res = await client.post('/greet', { body: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [expect.objectContaining({ type: 'json_invalid', loc: ['body', expect.any(Number)] })] });
  });
});

describe('errors', () => {
  test('an unknown path is a 404', async () => {
    const res = await client.get('/nope');
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ detail: 'Not Found' });
  });

  test('another method on a known path is a 405 with Allow', async () => {
    const res = await client.delete('/hello');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  test('the public API is the four routes a user would ship', async () => {
    const document = (await client.get('/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(['/hello', '/items/{item_id}', '/items', '/greet']);
  });
});
