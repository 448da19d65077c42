import { expect, test } from 'vitest';
import { IsString } from 'class-validator';
import { Body, ConnectedSocket, Controller, Get, Param, WebSocketConnection, WebSocketRoute, createApp } from '../index.js';
import { collectRoutes } from '../route-table/collect-routes.js';

class Ping {
  @IsString() text!: string;
}

test('a @WebSocketRoute is a GET route with its WebSocket info, parameters and docs', () => {
  @Controller('live')
  class LiveController {
    @WebSocketRoute(':room', { message: Ping, subprotocols: ['v1'], summary: 'Live feed', tags: ['live'] })
    feed(@Param('room') _room: string, @ConnectedSocket() _ws: WebSocketConnection) {}
  }
  const [route] = collectRoutes([LiveController]);
  expect(route).toMatchObject({
    method: 'GET', path: '/live/:room', websocket: { message: { kind: 'dto', dto: Ping }, subprotocols: ['v1'] },
    info: { summary: 'Live feed', tags: ['live'] },
  });
  expect(route?.params.map((p) => p.source)).toEqual(['path', 'websocket']);
});

test('@ConnectedSocket() on an HTTP route is a bootstrap error', () => {
  @Controller()
  class WrongController {
    @Get('x')
    x(@ConnectedSocket() _ws: WebSocketConnection) {}
  }
  expect(() => collectRoutes([WrongController])).toThrow(/DECORUM_ERR_WEBSOCKET: WrongController\.x takes @ConnectedSocket\(\) but is not a @WebSocketRoute/);
});

test('a body on a WebSocket route is a bootstrap error', () => {
  @Controller()
  class BodyController {
    @WebSocketRoute('x')
    x(@Body() _body: Ping, @ConnectedSocket() _ws: WebSocketConnection) {}
  }
  expect(() => collectRoutes([BodyController])).toThrow(/DECORUM_ERR_WEBSOCKET: BodyController\.x is a @WebSocketRoute but reads a request body \(body\)/);
});

test('a WebSocket limit out of range is a bootstrap error that says where to set it', () => {
  expect(() => createApp({ websocket: { maxMessageBytes: 0 } })).toThrow(
    'DECORUM_ERR_LIMIT_INVALID: websocket.maxMessageBytes must be a whole number from 1, got 0. Pass a value in range to createApp({ websocket: { maxMessageBytes } })',
  );
  expect(() => createApp({ websocket: { heartbeatMs: 1.5 } })).toThrow(/websocket\.heartbeatMs must be a whole number from 0/);
  expect(() => createApp({ websocket: { maxConnections: Number.POSITIVE_INFINITY, receiveQueue: 1 } })).not.toThrow();
});
