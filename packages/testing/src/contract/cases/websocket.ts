/**
 * WebSocket routes on every adapter that serves them, over real sockets: messages both ways, the
 * handshake refused with the HTTP answer an HTTP route would give, validated messages answered with an
 * error frame, close codes, groups, dependency cleanup, subprotocols, and the limits (message size,
 * connections, heartbeat, slow consumers, shutdown).
 */
import { describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { Logger } from '@decorumjs/core';
import type { ContractAppOptions, ServedApp } from '../serve.js';
import { WebSocketController } from '../websocket-controller.js';
import { WebSocketRefused, openTestWebSocket, type TestWebSocket, type TestWebSocketOptions } from '../../test-websocket.js';

type Launch = (options?: ContractAppOptions) => Promise<ServedApp>;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const uniqueKey = (): string => `k${Math.random().toString(36).slice(2)}`;

/** The WebSocket app's limits: small, so the cases cross them with little data. */
const LIMITS = { maxMessageBytes: 64 * 1024, maxBufferedBytes: 256 * 1024 };

export function webSocketCases(launch: Launch): void {
  describe('WebSocket routes', () => {
    const serve = (websocket: ContractAppOptions['websocket'] = {}) =>
      launch({ controllers: [WebSocketController], websocket: { ...LIMITS, ...websocket } });
    let served: ServedApp | undefined;
    const origin = (): string => {
      if (!served?.origin) throw new Error('the WebSocket app is not listening');
      return served.origin;
    };
    const open = (path: string, options?: TestWebSocketOptions): Promise<TestWebSocket> =>
      openTestWebSocket(origin().replace(/^http/, 'ws') + path, options);
    const refusal = (path: string, options?: TestWebSocketOptions): Promise<WebSocketRefused> =>
      open(path, options).then(
        () => {
          throw new Error(`${path} was accepted`);
        },
        (error: unknown) => {
          if (error instanceof WebSocketRefused) return error;
          throw error;
        },
      );
    const session = async (key: string, done: (s: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
      let current: Record<string, unknown> = {};
      for (let i = 0; i < 150; i++) {
        current = (await (await fetch(`${origin()}/ws/session?key=${key}`)).json()) as Record<string, unknown>;
        if (done(current)) return current;
        await wait(20);
      }
      return current;
    };

    test('the app with WebSocket routes starts and serves them', async () => {
      served = await serve();
      expect(served.origin).toMatch(/^http:/);
    });

    test('text and bytes are echoed as they were sent', async () => {
      const ws = await open('/ws/echo');
      await ws.sendText('héllo');
      expect(await ws.receiveText()).toBe('héllo');
      await ws.sendBytes(new Uint8Array([0, 1, 254, 255]));
      expect([...(await ws.receiveBytes())]).toEqual([0, 1, 254, 255]);
      expect(await ws.close()).toEqual({ code: 1000, reason: '' });
    });

    test('JSON is encoded as HTTP responses are: dates, sets and bigints included', async () => {
      const ws = await open('/ws/json');
      await ws.sendJson({ a: [1, { b: null }] });
      expect(await ws.receiveJson()).toEqual({ echo: { a: [1, { b: null }] }, at: '1970-01-01T00:00:00.000Z', tags: ['a', 'b'], big: '9007199254740993' });
      // The handler returned after accepting: the server closes normally.
      expect((await ws.closed).code).toBe(1000);
    });

    test('path, query and header parameters are coerced before the handshake', async () => {
      const ws = await open('/ws/items/42?q=find', { headers: { 'x-token': 'abc' } });
      expect(await ws.receiveJson()).toEqual({ item_id: 42, q: 'find', token: 'abc' });
    });

    test('invalid parameters refuse the handshake with the 422 an HTTP route gives', async () => {
      const refused = await refusal('/ws/items/forty-two');
      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toBe('application/json');
      expect(refused.json()).toEqual({
        detail: [
          { type: 'int_parsing', loc: ['path', 'item_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'forty-two' },
          { type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null },
          { type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null },
        ],
      });
    });

    test('an auth dependency refuses with 401 and WWW-Authenticate; with credentials it passes', async () => {
      const refused = await refusal('/ws/private');
      expect(refused.status).toBe(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer');
      expect(refused.json()).toEqual({ detail: 'Not authenticated' });
      const ws = await open('/ws/private', { headers: { authorization: 'Bearer contract-token' } });
      expect(await ws.receiveJson()).toEqual({ user: 'alice' });
    });

    test('a handler that returns without accepting refuses with 403', async () => {
      const refused = await refusal('/ws/refuse');
      expect(refused.status).toBe(403);
      expect(refused.json()).toEqual({ detail: 'WebSocket connection refused' });
    });

    test('a plain GET to a WebSocket route answers 426 Upgrade Required', async () => {
      const res = await fetch(`${origin()}/ws/echo`);
      expect(res.status).toBe(426);
      expect(res.headers.get('upgrade')).toBe('websocket');
      expect(res.headers.get('connection')?.toLowerCase()).toContain('upgrade');
      expect(((await res.json()) as { detail: string }).detail).toContain('speaks WebSocket');
    });

    test('an upgrade to a path with no route answers 404', async () => {
      const refused = await refusal('/ws/nowhere');
      expect(refused.status).toBe(404);
      expect(refused.json()).toEqual({ detail: 'Not Found' });
    });

    test('a handler that returns after sending closes with 1000', async () => {
      const ws = await open('/ws/once');
      expect(await ws.receiveText()).toBe('hello');
      expect(await ws.closed).toEqual({ code: 1000, reason: '' });
    });

    test('invalid JSON and invalid messages get an error frame, and the connection keeps working', async () => {
      const ws = await open('/ws/chat');
      await ws.sendText('not json');
      const invalidJson = (await ws.receiveJson()) as { detail: Array<{ type: string; loc: unknown[] }> };
      expect(invalidJson.detail).toHaveLength(1);
      expect(invalidJson.detail[0]).toMatchObject({ type: 'json_invalid', loc: ['message', 0], msg: 'JSON decode error' });
      await ws.sendJson({ text: 5 });
      expect(await ws.receiveJson()).toEqual({
        detail: [{ type: 'string_type', loc: ['message', 'text'], msg: 'Input should be a valid string', input: 5 }],
      });
      await ws.sendJson({ text: 'x'.repeat(501) });
      expect(((await ws.receiveJson()) as { detail: Array<{ loc: unknown[] }> }).detail[0]?.loc).toEqual(['message', 'text']);
      await ws.sendJson({ text: 'fine', extra: 'stripped' });
      expect(await ws.receiveJson()).toEqual({ text: 'fine', instance: true });
      expect(await ws.close()).toEqual({ code: 1000, reason: '' });
    });

    test('a message over maxMessageBytes closes its connection with 1009; another connection is unaffected', async () => {
      const other = await open('/ws/echo');
      const ws = await open('/ws/echo');
      await ws.sendText('x'.repeat(LIMITS.maxMessageBytes + 1)).catch(() => undefined);
      expect((await ws.closed).code).toBe(1009);
      await other.sendText('still here');
      expect(await other.receiveText()).toBe('still here');
      await other.close();
    });

    test('a handler error after accept closes with 1011 "Internal error", no details', async () => {
      const ws = await open('/ws/fail');
      await ws.sendText('go');
      const closed = await ws.closed;
      expect(closed).toEqual({ code: 1011, reason: 'Internal error' });
    });

    test('the handler error is logged with the route id, server-side only', async () => {
      const logged: Array<{ obj: Record<string, unknown>; msg: string | undefined }> = [];
      const logger: Logger = {
        error: (obj, msg) => logged.push({ obj: obj as Record<string, unknown>, msg }),
        warn: () => undefined, info: () => undefined, debug: () => undefined,
      };
      const own = await launch({ controllers: [WebSocketController], websocket: LIMITS, logger });
      try {
        const ws = await openTestWebSocket(`${(own.origin as string).replace(/^http/, 'ws')}/ws/fail`);
        await ws.sendText('go');
        expect(await ws.closed).toEqual({ code: 1011, reason: 'Internal error' });
        expect(logged).toHaveLength(1);
        expect(logged[0]?.msg).toBe('WebSocket handler failed');
        expect(logged[0]?.obj.route).toBe('WebSocketController.fail');
        expect((logged[0]?.obj.err as Error).message).toBe('database password is hunter2');
      } finally {
        await own.close();
      }
    });

    test('the access log shows an accepted handshake as 101 and a refused one with its status', async () => {
      const lines: string[] = [];
      const logger: Logger = {
        info: (_obj, msg) => { if (msg?.startsWith('GET ')) lines.push(msg); },
        error: () => undefined, warn: () => undefined, debug: () => undefined,
      };
      const own = await launch({ controllers: [WebSocketController], websocket: LIMITS, logger, accessLog: true });
      try {
        const base = (own.origin as string).replace(/^http/, 'ws');
        const ws = await openTestWebSocket(`${base}/ws/echo`);
        await ws.close();
        await openTestWebSocket(`${base}/ws/refuse`).catch((error: unknown) => error);
        for (let i = 0; i < 50 && lines.length < 2; i++) await wait(20);
        expect(lines).toEqual([expect.stringMatching(/^GET \/ws\/echo 101 /), expect.stringMatching(/^GET \/ws\/refuse 403 /)]);
      } finally {
        await own.close();
      }
    });

    test('WebSocketException closes with its code and reason, after the handshake even before accept', async () => {
      const late = await open('/ws/exception');
      expect(await late.closed).toEqual({ code: 4001, reason: 'Go away' });
      const early = await open('/ws/exception?early=true');
      expect(await early.closed).toEqual({ code: 4003, reason: 'Not now' });
    });

    test('two clients in a group see each other\'s messages; one that leaves stops receiving them', async () => {
      const room = uniqueKey();
      const a = await open(`/ws/rooms/${room}`);
      const b = await open(`/ws/rooms/${room}`);
      expect(await a.receiveJson()).toEqual({ joined: room });
      expect(await b.receiveJson()).toEqual({ joined: room });
      await a.sendJson({ say: 'hi from a' });
      expect(await a.receiveJson()).toEqual({ text: 'hi from a', members: 2 });
      expect(await b.receiveJson()).toEqual({ text: 'hi from a', members: 2 });
      await b.sendJson({ say: 'hi from b' });
      expect(await a.receiveJson()).toEqual({ text: 'hi from b', members: 2 });
      expect(await b.receiveJson()).toEqual({ text: 'hi from b', members: 2 });
      await b.sendJson({ leave: true });
      expect(await b.receiveJson()).toEqual({ left: room });
      await a.sendJson({ say: 'alone' });
      expect(await a.receiveJson()).toEqual({ text: 'alone', members: 1 });
      await expect(b.receive(200)).rejects.toThrow(/no message within 200 ms/);
      await Promise.all([a.close(), b.close()]);
    });

    test('dependency cleanup runs after the handler returns and the socket is closed', async () => {
      const key = uniqueKey();
      const ws = await open(`/ws/tracked?key=${key}`);
      await ws.sendText('ping');
      expect(await ws.receiveText()).toBe('ping');
      expect(await session(key, () => true)).toEqual({ opened: true });
      await ws.close(1000, 'bye');
      expect(await session(key, (s) => s.cleanedUp === true)).toEqual({
        opened: true, closedWith: 1000, handlerEnded: true, cleanedUpBeforeEnd: false, cleanedUp: true,
      });
    });

    test('the first subprotocol the client offers that the route speaks is chosen', async () => {
      const ws = await open('/ws/proto', { subprotocols: ['v3.chat', 'v1.chat', 'v2.chat'] });
      expect(ws.subprotocol).toBe('v1.chat');
      expect(ws.headers['sec-websocket-protocol']).toBe('v1.chat');
      // accept({ headers }) adds its own to the 101.
      expect(ws.headers['x-session']).toBe('abc');
      expect(await ws.receiveJson()).toEqual({ subprotocol: 'v1.chat', offered: ['v3.chat', 'v1.chat', 'v2.chat'] });
      const none = await open('/ws/proto');
      expect(none.subprotocol).toBe('');
      expect(await none.receiveJson()).toEqual({ subprotocol: null, offered: [] });
    });

    test('messages sent while the handler is not reading are queued, in order, none lost', async () => {
      const ws = await open('/ws/late-reader');
      const sent = Array.from({ length: 60 }, (_, i) => `m${i}`);
      for (const text of sent) await ws.sendText(text);
      const received: string[] = [];
      for (let i = 0; i < sent.length; i++) received.push(await ws.receiveText());
      expect(received).toEqual(sent);
      await ws.close();
    });

    test('a peer that stops reading is closed 1013 once its backlog passes maxBufferedBytes, and the backlog stays bounded', async () => {
      const key = uniqueKey();
      const raw = new WebSocket(`${origin().replace(/^http/, 'ws')}/ws/firehose?key=${key}`);
      await new Promise((resolve, reject) => raw.once('open', resolve).once('error', reject));
      // Reads nothing: TCP's buffers fill, then the server's send backlog.
      raw.pause();
      const state = await session(key, (s) => s.stoppedWhile !== undefined);
      // The server stopped sending and is closing, though the peer has not read its close frame yet.
      expect(state.stoppedWhile).toBe('closing');
      // One 16 KiB message past the limit at most: the slow consumer was cut instead of buffered.
      expect(state.maxBuffered).toBeLessThanOrEqual(LIMITS.maxBufferedBytes + 16 * 1024 + 64);
      expect(state.maxBuffered).toBeGreaterThan(LIMITS.maxBufferedBytes);
      const closed = new Promise<number>((resolve) => raw.once('close', resolve));
      raw.resume();
      expect(await closed).toBe(1013);
      expect((await session(key, (s) => s.closedWith !== undefined)).closedWith).toBe(1013);
    });

    test('close() ends open sockets with 1001 and the app closes', async () => {
      const own = await serve();
      try {
        const ws = await openTestWebSocket(`${(own.origin as string).replace(/^http/, 'ws')}/ws/echo`);
        await ws.sendText('x');
        expect(await ws.receiveText()).toBe('x');
        const started = Date.now();
        await own.close();
        expect(Date.now() - started).toBeLessThan(400);
        expect(await ws.closed).toEqual({ code: 1001, reason: 'Server shutting down' });
      } finally {
        await own.close();
      }
    });

    test('a handshake a handler never finishes does not hold the shutdown past its grace', async () => {
      const own = await serve();
      const pending = openTestWebSocket(`${(own.origin as string).replace(/^http/, 'ws')}/ws/stuck`).catch((error: unknown) => error);
      await wait(50);
      const started = Date.now();
      await own.close();
      // The contract app's grace is 500 ms.
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(await pending).toBeInstanceOf(Error);
    });

    test('past maxConnections the upgrade is refused with 503', async () => {
      const own = await serve({ maxConnections: 1 });
      try {
        const url = `${(own.origin as string).replace(/^http/, 'ws')}/ws/echo`;
        const first = await openTestWebSocket(url);
        const refused = await openTestWebSocket(url).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(WebSocketRefused);
        expect((refused as WebSocketRefused).status).toBe(503);
        await first.close();
        // The slot is free again once the first session ended.
        await wait(50);
        const again = await openTestWebSocket(url);
        await again.close();
      } finally {
        await own.close();
      }
    });

    test('the heartbeat cuts a peer that does not answer pings, and keeps one that does', async () => {
      const own = await serve({ heartbeatMs: 50 });
      try {
        const url = `${(own.origin as string).replace(/^http/, 'ws')}/ws/echo`;
        const silent = new WebSocket(url, { autoPong: false });
        const lively = new WebSocket(url);
        await Promise.all([silent, lively].map((ws) => new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))));
        let pings = 0;
        silent.on('ping', () => pings++);
        const code = await new Promise<number>((resolve) => silent.once('close', resolve));
        // Cut without a closing handshake, after a ping it left unanswered.
        expect(code).toBe(1006);
        expect(pings).toBeGreaterThanOrEqual(1);
        expect(lively.readyState).toBe(WebSocket.OPEN);
        const echoed = new Promise<string>((resolve) => lively.once('message', (data: Buffer) => resolve(data.toString())));
        lively.send('alive');
        expect(await echoed).toBe('alive');
        lively.close();
      } finally {
        await own.close();
      }
    });

    test('a handler that is behind (reading paused) is not mistaken for a dead peer by the heartbeat', async () => {
      const own = await serve({ heartbeatMs: 30, receiveQueue: 2 });
      try {
        const ws = await openTestWebSocket(`${(own.origin as string).replace(/^http/, 'ws')}/ws/late-reader`);
        const sent = Array.from({ length: 12 }, (_, i) => `m${i}`);
        for (const text of sent) await ws.sendText(text);
        const received: string[] = [];
        for (let i = 0; i < sent.length; i++) received.push(await ws.receiveText());
        expect(received).toEqual(sent);
        expect(await ws.close()).toEqual({ code: 1000, reason: '' });
      } finally {
        await own.close();
      }
    });

    test('the WebSocket app closes', async () => {
      await served?.close();
    });
  });
}
