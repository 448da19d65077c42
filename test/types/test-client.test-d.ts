/**
 * Type tests of the test client (checked by tsc, never run): requests take typed options, responses give
 * status, headers and text, and `json<T>()` is `unknown` unless the test says what it expects.
 */
import { expectTypeOf } from 'vitest';
import { createApp } from '@decorumjs/decorum';
import { TestClient, TestResponse, createTestClient, type CookieJar } from '@decorumjs/testing';

const app = createApp({ controllers: [] });
expectTypeOf(createTestClient(app, { baseUrl: 'http://testserver', headers: { 'x-a': '1' } })).toEqualTypeOf<Promise<TestClient>>();

declare const client: TestClient;
expectTypeOf(client.cookies).toEqualTypeOf<CookieJar>();
expectTypeOf(client.get('/items', { query: { q: 'x', n: 3, flag: true, tag: ['a', 'b'], skip: undefined, none: null } }))
  .toEqualTypeOf<Promise<TestResponse>>();
expectTypeOf(client.post('/items', { json: { name: 'Hammer' }, headers: { 'x-token': 't' }, cookies: { session: 's' } }))
  .toEqualTypeOf<Promise<TestResponse>>();
expectTypeOf(client.put('/raw', { body: new Uint8Array([1]) })).toEqualTypeOf<Promise<TestResponse>>();
expectTypeOf(client.request('PROPFIND', '/dav')).toEqualTypeOf<Promise<TestResponse>>();
expectTypeOf(client.close()).toEqualTypeOf<Promise<void>>();

declare const res: TestResponse;
expectTypeOf(res.status).toEqualTypeOf<number>();
expectTypeOf(res.text).toEqualTypeOf<string>();
expectTypeOf(res.headers).toEqualTypeOf<Headers>();
expectTypeOf(res.setCookies).toEqualTypeOf<string[]>();
expectTypeOf(res.json()).toEqualTypeOf<unknown>();
expectTypeOf(res.json<{ item_id: number }>()).toEqualTypeOf<{ item_id: number }>();

// @ts-expect-error the parsed body is unknown until the test names its type
void res.json().detail;
// @ts-expect-error query values are strings, numbers, booleans or lists of them
void client.get('/items', { query: { filter: { a: 1 } } });
// @ts-expect-error header values are strings
void client.get('/items', { headers: { 'x-n': 1 } });
// @ts-expect-error a raw body is a string or bytes; JSON goes in `json`
void client.post('/items', { body: { name: 'Hammer' } });
// @ts-expect-error the response is read once; its fields are read-only
res.status = 201;
// @ts-expect-error the client takes an app, not its options
void createTestClient({ controllers: [] });
