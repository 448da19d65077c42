import { afterAll, beforeAll, expect, test } from 'vitest';
import { app } from '../../apps/quickstart/src/main.js';

let base = '';
beforeAll(async () => {
  base = (await app.listen(0, '127.0.0.1')).url;
});
afterAll(() => app.close());

test('GET /hello', async () => {
  const res = await fetch(`${base}/hello`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ message: 'Hello, world!' });
});
