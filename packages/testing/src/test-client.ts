/**
 * FastAPI's `TestClient` for Decorum: requests go straight into the app through the fetch adapter, with
 * no port and no socket, and come back with their status, headers and body already read. WebSocket
 * sessions (`client.websocket(path)`) need a real connection: on first use the client serves the app on
 * node:http at 127.0.0.1 on a free port, until `client.close()`.
 * @example
 * const client = await createTestClient(app);
 * const res = await client.get('/items/42', { query: { q: 'hello' } });
 * expect(res.status).toBe(200);
 * expect(res.json()).toEqual({ item_id: 42, q: 'hello' });
 */
import type { App, ServerAddress } from '@decorumjs/core';
import { FetchAdapter } from '@decorumjs/platform-fetch';
import { NodeAdapter } from '@decorumjs/platform-node';
import { openTestWebSocket, type TestWebSocket } from './test-websocket.js';
import { CookieJar } from './cookie-jar.js';
import { TestResponse } from './test-response.js';

type QueryValue = string | number | boolean;

export interface TestRequestOptions {
  /** Added to the path's query string; an array repeats the key (`?tag=a&tag=b`). */
  query?: Readonly<Record<string, QueryValue | readonly QueryValue[] | null | undefined>>;
  headers?: Readonly<Record<string, string>>;
  /** Cookies for this request only, on top of the client's jar. */
  cookies?: Readonly<Record<string, string>>;
  /** A value sent as a JSON body, with `Content-Type: application/json`. */
  json?: unknown;
  /** A raw body, sent as is (set its Content-Type in `headers`). */
  body?: string | Uint8Array;
}

export interface TestWebSocketRequestOptions {
  query?: TestRequestOptions['query'];
  headers?: Readonly<Record<string, string>>;
  /** Offered in `Sec-WebSocket-Protocol`, in this order. */
  subprotocols?: readonly string[];
}

export interface TestClientOptions {
  /** Scheme and host the app sees in request URLs (`http://testserver`, as FastAPI's). */
  baseUrl?: string;
  /** Headers sent with every request. */
  headers?: Readonly<Record<string, string>>;
}

export class TestClient {
  /** Cookies set by responses, sent back on later requests; also settable by the test. */
  readonly cookies = new CookieJar();
  readonly #handler: FetchAdapter['fetch'];
  readonly #app: App;
  readonly #baseUrl: string;
  readonly #headers: Readonly<Record<string, string>>;
  /** The app on node:http, started by the first `websocket()` call. */
  #socketServer: Promise<{ adapter: NodeAdapter; address: ServerAddress }> | undefined;

  constructor(app: App, handler: FetchAdapter['fetch'], options: TestClientOptions = {}) {
    this.#app = app;
    this.#handler = handler;
    this.#baseUrl = (options.baseUrl ?? 'http://testserver').replace(/\/$/, '');
    this.#headers = options.headers ?? {};
  }

  get(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('GET', path, options);
  }

  head(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('HEAD', path, options);
  }

  options(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('OPTIONS', path, options);
  }

  post(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('POST', path, options);
  }

  put(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('PUT', path, options);
  }

  patch(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('PATCH', path, options);
  }

  delete(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('DELETE', path, options);
  }

  async request(method: string, path: string, options: TestRequestOptions = {}): Promise<TestResponse> {
    const headers = new Headers(this.#headers);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    const cookie = this.cookies.header(options.cookies);
    if (cookie !== undefined) headers.set('cookie', cookie);
    let body: string | Uint8Array | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const request = new Request(this.#baseUrl + withQuery(path, options.query), { method, headers, body });
    const response = await this.#handler(request);
    this.cookies.store(response.headers.getSetCookie());
    return new TestResponse(response.status, response.headers, await response.text());
  }

  /** Waits for the background tasks of the requests sent so far (they run after each response). */
  backgroundTasks(): Promise<void> {
    return this.#app.backgroundTasksIdle();
  }

  /**
   * Opens a WebSocket session on `path` over a real socket; a refused handshake rejects with
   * `WebSocketRefused` (status, headers, `json()`). The client's headers and cookies are sent with it.
   */
  async websocket(path: string, options: TestWebSocketRequestOptions = {}): Promise<TestWebSocket> {
    const { address } = await (this.#socketServer ??= this.#serve());
    const headers: Record<string, string> = { ...this.#headers, ...options.headers };
    const cookie = this.cookies.header();
    if (cookie !== undefined && headers.cookie === undefined) headers.cookie = cookie;
    const url = `ws://127.0.0.1:${address.port}${withQuery(path, options.query)}`;
    return openTestWebSocket(url, { headers, subprotocols: options.subprotocols });
  }

  async #serve(): Promise<{ adapter: NodeAdapter; address: ServerAddress }> {
    const adapter = new NodeAdapter();
    adapter.mount(this.#app.mountTable());
    return { adapter, address: await adapter.listen(0, '127.0.0.1') };
  }

  /** Closes the app (its WebSocket sessions with 1001, then its shutdown hooks), and the socket server if one was started. */
  async close(): Promise<void> {
    await this.#app.close();
    const served = this.#socketServer;
    if (served) await (await served).adapter.close(1_000);
  }
}

/** Initializes `app` (startup hooks run) and returns a client that calls it in-process. */
export async function createTestClient(app: App, options?: TestClientOptions): Promise<TestClient> {
  const adapter = new FetchAdapter();
  await app.init();
  adapter.mount(app.mountTable());
  return new TestClient(app, adapter.fetch, options);
}

function withQuery(path: string, query: TestRequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const search = params.toString();
  if (search === '') return path;
  return `${path}${path.includes('?') ? '&' : '?'}${search}`;
}
