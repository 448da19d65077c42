import { IsInt, IsString } from 'class-validator';
import { expect, test } from 'vitest';
import { ConnectedSocket, Controller, Query, WebSocketConnection, WebSocketRoute, createApp, openApiDocument } from '@decorumjs/decorum';
import { expectValidOpenApi } from './expect-valid-openapi.js';

class Tick {
  @IsInt() n!: number;
}

class Command {
  @IsString() op!: string;
}

@Controller('live')
class LiveController {
  @WebSocketRoute('ticks', { send: Tick, message: Command, subprotocols: ['ticks.v2', 'ticks.v1'], summary: 'Tick stream', tags: ['live'] })
  async ticks(@ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
  }

  @WebSocketRoute('filtered')
  async filtered(@Query('symbol') _symbol: string, @ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
  }

  @WebSocketRoute('hidden', { includeInSchema: false })
  async hidden(@ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
  }
}

test('WebSocket routes are GET operations with x-websocket, the handshake\'s responses and their message schemas', async () => {
  const doc = openApiDocument(createApp({ controllers: [LiveController], logger: false }));
  await expectValidOpenApi(doc);
  expect(doc.paths?.['/live/hidden']).toBeUndefined();
  expect(doc.paths?.['/live/ticks']).toEqual({
    get: {
      tags: ['live'],
      summary: 'Tick stream',
      operationId: 'liveTicks',
      responses: {
        101: { description: 'Switching Protocols: the WebSocket session' },
        403: expect.objectContaining({ description: expect.stringContaining('WebSocket connection refused') }),
        426: expect.objectContaining({ description: expect.stringContaining('Upgrade Required') }),
      },
      'x-websocket': {
        subprotocols: ['ticks.v2', 'ticks.v1'],
        receive: { $ref: '#/components/schemas/Command' },
        send: { $ref: '#/components/schemas/Tick' },
      },
    },
  });
  const filtered = doc.paths?.['/live/filtered']?.get;
  expect(filtered?.parameters).toEqual([{ name: 'symbol', in: 'query', required: true, schema: { type: 'string' } }]);
  expect(Object.keys(filtered?.responses ?? {})).toEqual(['101', '403', '422', '426']);
  expect(filtered?.['x-websocket']).toEqual({ subprotocols: [] });
  expect(doc.components?.schemas?.Tick).toMatchObject({ properties: { n: { type: 'integer' } } });
});
