/**
 * A WebSocket session for tests, over a real socket (the `ws` client): send, receive in order with a
 * timeout, close, and the close the server chose. A refused handshake rejects with `WebSocketRefused`,
 * which carries the HTTP answer (status, headers, body), as a browser's devtools would show it.
 * @example
 * const ws = await client.websocket('/chat/lobby', { headers: { authorization: `Bearer ${token}` } });
 * await ws.sendJson({ text: 'hi' });
 * expect(await ws.receiveJson()).toEqual({ from: 'alice', text: 'hi' });
 * await ws.close();
 */
import type { IncomingMessage } from 'node:http';
import WebSocket, { type RawData } from 'ws';

export interface TestWebSocketOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Offered in `Sec-WebSocket-Protocol`, in this order. */
  readonly subprotocols?: readonly string[];
}

export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

/** How long `receive*` wait for a message unless told otherwise. */
export const RECEIVE_TIMEOUT_MS = 5_000;

/** The server answered the handshake with an HTTP response instead of 101. */
export class WebSocketRefused extends Error {
  override readonly name = 'WebSocketRefused';
  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string | string[] | undefined>>,
    readonly body: string,
  ) {
    super(`WebSocket handshake refused with ${status}: ${body}`);
  }

  json(): unknown {
    return JSON.parse(this.body);
  }
}

type Message = string | Uint8Array;

interface Waiter {
  resolve(message: Message): void;
  reject(error: Error): void;
}

export class TestWebSocket {
  readonly #ws: WebSocket;
  readonly #messages: Message[] = [];
  readonly #waiters: Waiter[] = [];
  readonly closed: Promise<CloseInfo>;
  #closeInfo: CloseInfo | undefined;

  /** Wraps an open `ws` client (`openTestWebSocket` makes one). */
  constructor(ws: WebSocket, readonly headers: IncomingMessage['headers'] = {}) {
    this.#ws = ws;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const message = isBinary ? toBytes(data) : data.toString();
      const waiter = this.#waiters.shift();
      if (waiter) waiter.resolve(message);
      else this.#messages.push(message);
    });
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => {
      ws.once('close', (code: number, reason: Buffer) => {
        this.#closeInfo = { code, reason: reason.toString() };
        for (const waiter of this.#waiters.splice(0)) waiter.reject(closedError(this.#closeInfo));
        resolve(this.#closeInfo);
      });
    });
  }

  /** The subprotocol the server chose ('' for none). */
  get subprotocol(): string {
    return this.#ws.protocol;
  }

  sendText(text: string): Promise<void> {
    return this.#send(text, false);
  }

  sendBytes(bytes: Uint8Array): Promise<void> {
    return this.#send(bytes, true);
  }

  sendJson(value: unknown): Promise<void> {
    return this.#send(JSON.stringify(value), false);
  }

  /** The next message, text or bytes; rejects after `timeoutMs` or when the connection closes first. */
  receive(timeoutMs = RECEIVE_TIMEOUT_MS): Promise<Message> {
    const queued = this.#messages.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.#closeInfo) return Promise.reject(closedError(this.#closeInfo));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error(`TestWebSocket: no message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }

  async receiveText(timeoutMs?: number): Promise<string> {
    const message = await this.receive(timeoutMs);
    if (typeof message !== 'string') throw new Error(`TestWebSocket: expected a text message, got ${message.byteLength} bytes`);
    return message;
  }

  async receiveBytes(timeoutMs?: number): Promise<Uint8Array> {
    const message = await this.receive(timeoutMs);
    if (typeof message === 'string') throw new Error(`TestWebSocket: expected a binary message, got text ${JSON.stringify(message)}`);
    return message;
  }

  async receiveJson(timeoutMs?: number): Promise<unknown> {
    return JSON.parse(await this.receiveText(timeoutMs)) as unknown;
  }

  /** Starts the closing handshake; resolves with the server's answer once the connection is closed. */
  close(code = 1000, reason = ''): Promise<CloseInfo> {
    if (this.#ws.readyState === WebSocket.OPEN) this.#ws.close(code, reason);
    return this.closed;
  }

  #send(data: string | Uint8Array, binary: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#ws.send(data, { binary }, (error) => (error ? reject(error) : resolve()));
    });
  }
}

/** Opens a session on `url` (`ws://…`); rejects with `WebSocketRefused` when the server answers otherwise. */
export function openTestWebSocket(url: string, options: TestWebSocketOptions = {}): Promise<TestWebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, [...(options.subprotocols ?? [])], { headers: { ...options.headers } });
    let headers: IncomingMessage['headers'] = {};
    ws.once('upgrade', (res: IncomingMessage) => {
      headers = res.headers;
    });
    ws.once('open', () => {
      ws.removeAllListeners('error');
      resolve(new TestWebSocket(ws, headers));
    });
    ws.once('unexpected-response', (req, res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => {
        req.destroy();
        reject(new WebSocketRefused(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString()));
      });
    });
    ws.once('error', reject);
  });
}

function closedError(info: CloseInfo): Error {
  return Object.assign(new Error(`TestWebSocket: closed by the server (${info.code}${info.reason ? `: ${info.reason}` : ''})`), info);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
