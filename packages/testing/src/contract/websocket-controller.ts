/**
 * The WebSocket part of the contract app: echo, parameters and an auth dependency checked before the
 * handshake, validated messages, errors and close codes, groups, dependency cleanup, subprotocols, and
 * the routes the back-pressure cases measure. Served by an app of its own (the fetch adapter cannot
 * serve WebSocket routes, so they stay out of the shared contract app).
 */
import { IsString, MaxLength } from 'class-validator';
import {
  ConnectedSocket, Controller, Depends, Get, Header, Int, Param, Query, Unauthorized, WebSocketConnection, WebSocketException,
  WebSocketGroups, WebSocketRoute, dependency,
} from '@decorumjs/core';

export class ChatMessage {
  @IsString() @MaxLength(500) text!: string;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** What each keyed session left behind, for cases to read over HTTP (`GET /ws/session?key=`). */
const sessions = new Map<string, Record<string, unknown>>();

const currentUser = dependency({
  name: 'currentUser',
  inject: [Header('authorization', { optional: true })],
  use(authorization: string | undefined) {
    if (authorization !== 'Bearer contract-token') throw new Unauthorized('Not authenticated', { 'www-authenticate': 'Bearer' });
    return { name: 'alice' };
  },
});

/** A generator dependency: its cleanup must run once the socket is closed, and see it so. */
const tracked = dependency({
  name: 'tracked',
  inject: [Query('key')],
  *use(key: string) {
    sessions.set(key, { opened: true });
    try {
      yield key;
    } finally {
      sessions.set(key, { ...sessions.get(key), cleanedUp: true });
    }
  },
});

@Controller('ws')
export class WebSocketController {
  constructor(private readonly groups: WebSocketGroups) {}

  @WebSocketRoute('echo')
  async echo(@ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
    for await (const message of ws) {
      if (typeof message === 'string') await ws.sendText(message);
      else await ws.sendBytes(message);
    }
  }

  @WebSocketRoute('json')
  async json(@ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
    const value = await ws.receiveJson();
    await ws.sendJson({ echo: value, at: new Date(0), tags: new Set(['a', 'b']), big: 9007199254740993n });
  }

  @WebSocketRoute('items/:item_id')
  async item(
    @Param('item_id', { type: Int }) itemId: number, @Query('q') q: string, @Header('x-token') token: string,
    @ConnectedSocket() ws: WebSocketConnection,
  ) {
    await ws.accept();
    await ws.sendJson({ item_id: itemId, q, token });
  }

  @WebSocketRoute('private')
  async private(@Depends(currentUser) user: { name: string }, @ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
    await ws.sendJson({ user: user.name });
  }

  @WebSocketRoute('refuse')
  refuse(@ConnectedSocket() _ws: WebSocketConnection) {}

  @WebSocketRoute('once')
  async once(@ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
    await ws.sendText('hello');
  }

  @WebSocketRoute('chat', { message: ChatMessage })
  async chat(@ConnectedSocket() ws: WebSocketConnection<ChatMessage>) {
    await ws.accept();
    for await (const message of ws.messages()) await ws.sendJson({ text: message.text, instance: message instanceof ChatMessage });
  }

  @WebSocketRoute('fail')
  async fail(@ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
    await ws.receiveText();
    throw new Error('database password is hunter2');
  }

  @WebSocketRoute('exception')
  async exception(@Query('early', { default: false }) early: boolean, @ConnectedSocket() ws: WebSocketConnection) {
    if (early) throw new WebSocketException(4003, 'Not now');
    await ws.accept();
    throw new WebSocketException(4001, 'Go away');
  }

  @WebSocketRoute('rooms/:room')
  async room(@Param('room') room: string, @ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
    await ws.join(room);
    await ws.sendJson({ joined: room });
    for await (const message of ws.messages()) {
      const { say, leave } = message as { say?: string; leave?: boolean };
      if (leave) {
        ws.leave(room);
        await ws.sendJson({ left: room });
      } else {
        await this.groups.publish(room, { text: say, members: this.groups.size(room) });
      }
    }
  }

  @WebSocketRoute('tracked')
  async tracked(@Depends(tracked) key: string, @ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
    void ws.closed.then((info) => sessions.set(key, { ...sessions.get(key), closedWith: info.code }));
    try {
      for (;;) await ws.sendText(await ws.receiveText());
    } finally {
      sessions.set(key, { ...sessions.get(key), handlerEnded: true, cleanedUpBeforeEnd: sessions.get(key)?.cleanedUp === true });
    }
  }

  @WebSocketRoute('proto', { subprotocols: ['v2.chat', 'v1.chat'] })
  async proto(@ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept({ headers: { 'x-session': 'abc' } });
    await ws.sendJson({ subprotocol: ws.subprotocol ?? null, offered: ws.offeredSubprotocols });
  }

  /** Never accepts nor returns: only the shutdown's grace ends its handshake. */
  @WebSocketRoute('stuck')
  async stuck(@ConnectedSocket() ws: WebSocketConnection) {
    await new Promise((resolve) => ws.signal.addEventListener('abort', resolve));
  }

  /** Reads nothing for a while: the messages meanwhile queue (and pause the socket), none lost. */
  @WebSocketRoute('late-reader')
  async lateReader(@ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
    await wait(200);
    for await (const message of ws) await ws.sendText(message as string);
  }

  /** Publishes 16 KiB messages to a group of one, as fast as it can, recording the largest send backlog. */
  @WebSocketRoute('firehose')
  async firehose(@Query('key') key: string, @ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
    const group = `firehose-${key}`;
    await ws.join(group);
    const chunk = 'x'.repeat(16 * 1024);
    let maxBuffered = 0;
    let published = 0;
    while (ws.state === 'open' && published < 200_000) {
      await this.groups.publish(group, chunk);
      published++;
      maxBuffered = Math.max(maxBuffered, ws.bufferedAmount);
      if (published % 16 === 0) await turn();
    }
    sessions.set(key, { maxBuffered, published, stoppedWhile: ws.state });
    const { code } = await ws.closed;
    sessions.set(key, { ...sessions.get(key), closedWith: code });
  }

  @Get('session')
  session(@Query('key') key: string) {
    return sessions.get(key) ?? {};
  }
}
