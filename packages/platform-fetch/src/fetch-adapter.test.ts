import { expect, test } from 'vitest';
import { Controller, Get, createApp } from '@decorumjs/core';
import { FetchAdapter, toFetchHandler } from './index.js';

@Controller()
class PingController {
  @Get('ping')
  ping() {
    return { pong: true };
  }
}

test('toFetchHandler(app) answers web-standard requests', async () => {
  const fetch = await toFetchHandler(createApp({ controllers: [PingController], logger: false }));
  const res = await fetch(new Request('https://example.com/ping'));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ pong: true });
});

test('app.listen() on the fetch adapter explains how to serve it instead', async () => {
  const app = createApp({ adapter: new FetchAdapter(), controllers: [PingController], logger: false });
  await expect(app.listen(0)).rejects.toThrow(/has no server of its own.*toFetchHandler/s);
});

test('a request before mount() is refused', async () => {
  await expect(new FetchAdapter().fetch(new Request('http://x/ping'))).rejects.toMatchObject({
    code: 'DECORUM_ERR_APP_STATE',
    message: expect.stringMatching(/mount\(\) before serving.*toFetchHandler\(app\)/s),
  });
});
