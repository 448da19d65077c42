/**
 * The inventory example end to end: a store behind a token, a transaction dependency with cleanup,
 * a pagination dependency, an auth dependency, and a test that swaps the store.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { ITEM_STORE, type ItemStore } from '../src/item-store.js';
import { createInventoryApp } from '../src/main.js';

type Running = { url: string; close(): Promise<void> };
let running: Running | undefined;
afterEach(() => running?.close());

async function start(app = createInventoryApp()): Promise<Running> {
  const { url } = await app.listen(0, '127.0.0.1');
  return (running = { url: `${url}/v1/items`, close: () => app.close() });
}

const post = (url: string, body: unknown, token = 'secret-token') =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-token': token }, body: JSON.stringify(body) });
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('inventory example', () => {
  test('creating an item commits its transaction after the response; a failing handler rolls back', async () => {
    const { url } = await start();
    const created = await post(url, { name: 'Lamp', price: 12.5 });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 1, name: 'Lamp', price: 12.5 });
    expect((await post(url, { name: 'fail', price: 1 })).status).toBe(500);
    await settle();
    expect(await (await fetch(`${url}/audit/transactions`)).json()).toEqual([
      { id: 1, state: 'committed', writes: ['add 1'] },
      { id: 2, state: 'rolled back', writes: [] },
    ]);
  });

  test('writes need the token: 401 with WWW-Authenticate, and no transaction is opened', async () => {
    const { url } = await start();
    const denied = await post(url, { name: 'Lamp', price: 1 }, 'wrong');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toBe('Token');
    expect(await denied.json()).toEqual({ detail: 'Invalid token' });
  });

  test('pagination parameters are validated as the route’s own', async () => {
    const { url } = await start();
    for (const name of ['a', 'b', 'c']) await post(url, { name, price: 1 });
    expect(await (await fetch(`${url}?limit=2&offset=1`)).json()).toMatchObject([{ name: 'b' }, { name: 'c' }]);
    const bad = await fetch(`${url}?limit=1000`);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ detail: [{ loc: ['query', 'limit'], type: 'less_than_equal' }] });
  });

  test('the store can be overridden for one app instance without touching the code under test', async () => {
    const fake: ItemStore = {
      list: () => [{ id: 7, name: 'from the fake', price: 0 }],
      get: (id) => (id === 7 ? { id, name: 'from the fake', price: 0 } : undefined),
      add: (item) => ({ id: 99, ...item }),
    };
    const { url } = await start(createInventoryApp().override(ITEM_STORE, { useValue: fake }));
    expect(await (await fetch(url)).json()).toEqual([{ id: 7, name: 'from the fake', price: 0 }]);
    expect((await fetch(`${url}/8`)).status).toBe(404);
  });
});
