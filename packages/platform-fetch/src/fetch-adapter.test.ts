import { expect, test } from 'vitest';
import { ConnectedSocket, Controller, Get, WebSocketConnection, WebSocketRoute, createApp } from '@decorumjs/core';
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

@Controller('live')
class LiveController {
  @WebSocketRoute('feed')
  async feed(@ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
  }
}

test('an app with WebSocket routes cannot be served by the fetch adapter: a bootstrap error that names the ones that can', async () => {
  const app = createApp({ controllers: [LiveController], logger: false });
  await expect(toFetchHandler(app)).rejects.toMatchObject({
    code: 'DECORUM_ERR_WEBSOCKET',
    message: expect.stringMatching(/fetch adapter cannot serve WebSocket routes \(LiveController\.feed\).*node, fastify or express/s),
  });
  const listening = createApp({ adapter: new FetchAdapter(), controllers: [LiveController], logger: false });
  await expect(listening.listen(0)).rejects.toMatchObject({ code: 'DECORUM_ERR_WEBSOCKET' });
});
