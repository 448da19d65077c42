/**
 * Type tests of WebSocket routes (checked by `tsc -p tsconfig.typecheck.json`, never run): the messages
 * a connection yields are its message type, sends take what they say, and the test client's session
 * reads back what it was sent.
 */
import { IsString } from 'class-validator';
import { expectTypeOf } from 'vitest';
import {
  ConnectedSocket, Controller, WebSocketConnection, WebSocketDisconnect, WebSocketException, WebSocketGroups, WebSocketRoute,
  type WebSocketCloseInfo, type WebSocketState,
} from '@decorumjs/decorum';
import { WebSocketRefused, type TestClient, type TestWebSocket } from '@decorumjs/testing';

class Note {
  @IsString() text!: string;
}

class Other {
  @IsString() id!: string;
}

@Controller('notes')
export class NotesController {
  constructor(private readonly groups: WebSocketGroups) {}

  @WebSocketRoute('live', { message: Note, subprotocols: ['notes.v1'], summary: 'Live notes' })
  async live(@ConnectedSocket() ws: WebSocketConnection<Note>) {
    expectTypeOf(ws.state).toEqualTypeOf<WebSocketState>();
    expectTypeOf(ws.closed).toEqualTypeOf<Promise<WebSocketCloseInfo>>();
    await ws.accept({ subprotocol: 'notes.v1', headers: { 'x-session': '1' } });
    for await (const note of ws.messages()) expectTypeOf(note).toEqualTypeOf<Note>();
    for await (const other of ws.messages(Other)) expectTypeOf(other).toEqualTypeOf<Other>();
    for await (const raw of ws) expectTypeOf(raw).toEqualTypeOf<string | Uint8Array>();
    expectTypeOf(await ws.receiveText()).toBeString();
    expectTypeOf(await ws.receiveBytes()).toEqualTypeOf<Uint8Array>();
    expectTypeOf(await ws.receiveJson()).toBeUnknown();
    await ws.sendJson({ at: new Date() });
    // @ts-expect-error -- sendText takes a string
    await ws.sendText(42);
    await this.groups.publish('room', { text: 'hi' });
    expectTypeOf(this.groups.size('room')).toBeNumber();
    throw new WebSocketException(4000, 'done');
  }
}

export async function session(client: TestClient): Promise<void> {
  const ws = await client.websocket('/notes/live', { subprotocols: ['notes.v1'], query: { n: 1 } });
  expectTypeOf(ws).toEqualTypeOf<TestWebSocket>();
  expectTypeOf(await ws.receiveJson()).toBeUnknown();
  expectTypeOf(await ws.close()).toEqualTypeOf<{ readonly code: number; readonly reason: string }>();
  const refused = await client.websocket('/notes/live').catch((error: unknown) => error);
  if (refused instanceof WebSocketRefused) expectTypeOf(refused.status).toBeNumber();
  expectTypeOf(new WebSocketDisconnect(1000).code).toBeNumber();
}
