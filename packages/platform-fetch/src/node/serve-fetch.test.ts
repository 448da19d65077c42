/**
 * serveFetch over real sockets: a Decorum app on the fetch adapter for what a client's mistake gets,
 * raw bytes for what no HTTP client would send, and plain fetch handlers for what a handler sees.
 */
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { Controller, Get, Param, createApp } from '@decorumjs/core';
import { FetchAdapter, toFetchHandler, type FetchHandler } from '../index.js';
import { serveFetch, type FetchServer, type ServeFetchOptions } from './index.js';

@Controller()
class ItemsController {
  @Get('hello')
  hello() {
    return { message: 'hello' };
  }

  @Get('items/:id')
  item(@Param('id') id: string) {
    return { id };
  }
}

const servers: FetchServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close(100)));
});

async function serve(handler: FetchHandler, options: ServeFetchOptions = {}): Promise<string> {
  const server = await serveFetch(handler, { port: 0, ...options });
  servers.push(server);
  return server.address.url;
}

async function serveApp(): Promise<string> {
  const app = createApp({ adapter: new FetchAdapter(), controllers: [ItemsController], logger: false });
  return serve(await toFetchHandler(app));
}

interface Raw {
  status: number;
  head: string;
  body: string;
}

/** Writes `head` and a `Connection: close` byte for byte, and reads the answer to its end. */
function exchange(url: string, head: string): Promise<Raw> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const end = text.indexOf('\r\n\r\n');
      const head = text.slice(0, end).toLowerCase();
      const body = text.slice(end + 4);
      resolve({ status: Number(text.slice(9, 12)), head, body: head.includes('\r\ntransfer-encoding: chunked') ? unchunk(body) : body });
    });
  });
}

function unchunk(body: string): string {
  let out = '';
  for (let at = 0; ;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = Number.parseInt(body.slice(at, lineEnd), 16);
    if (!(size > 0)) return out;
    out += body.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 4 + size;
  }
}

describe('the path comes from the request target alone', () => {
  test('a Host with a path in it does not route GET /items/42 to /hello', async () => {
    const res = await exchange(await serveApp(), 'GET /items/42 HTTP/1.1\r\nHost: x/hello?name=y#');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ id: '42' });
  });

  test('a Host the URL standard refuses still reaches the route', async () => {
    const res = await exchange(await serveApp(), 'GET /items/42 HTTP/1.1\r\nHost: 1.2.3.999');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ id: '42' });
  });

  test('an absolute-form target is routed by its own path', async () => {
    const res = await exchange(await serveApp(), 'GET http://example.com/items/42 HTTP/1.1\r\nHost: example.com');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ id: '42' });
  });

  test('/items/../hello is routed as sent, not resolved to /hello', async () => {
    const res = await exchange(await serveApp(), 'GET /items/../hello HTTP/1.1\r\nHost: localhost');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toEqual({ detail: 'Not Found' });
  });

  test('OPTIONS * is a JSON 400 and TRACE a 405 with Allow', async () => {
    const url = await serveApp();
    const options = await exchange(url, 'OPTIONS * HTTP/1.1\r\nHost: localhost');
    expect([options.status, JSON.parse(options.body)]).toEqual([400, { detail: 'Invalid URL: the request target must be a path' }]);
    const trace = await exchange(url, 'TRACE /hello HTTP/1.1\r\nHost: localhost');
    expect([trace.status, JSON.parse(trace.body)]).toEqual([405, { detail: 'Method Not Allowed' }]);
    expect(trace.head).toContain('\r\nallow: get, head');
  });
});

describe('a malformed request target is a 400 with a JSON detail, and the connection closes', () => {
  test.each([
    ['the asterisk form on GET', 'GET * HTTP/1.1'],
    ['an unterminated IPv6 literal', 'GET http://[::1/items/42 HTTP/1.1'],
    ['a percent sign in the host', 'GET http://ex%zzample.com/items/42 HTTP/1.1'],
    ['user information in the authority', 'GET http://user:secret@example.com/items/42 HTTP/1.1'],
    ['an empty authority', 'GET http:///items/42 HTTP/1.1'],
    ['a port that is no port', 'GET http://example.com:80a/items/42 HTTP/1.1'],
    ['a scheme other than http', 'GET ftp://example.com/items/42 HTTP/1.1'],
  ])('%s', async (_, requestLine) => {
    const res = await exchange(await serveApp(), `${requestLine}\r\nHost: example.com`);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ detail: 'Invalid request target' });
    expect(res.head).toContain('\r\nconnection: close');
  });
});

describe('what the handler sees', () => {
  const echo: FetchHandler = (request, info) =>
    Promise.resolve(Response.json({ method: request.method, url: request.url, target: info?.target }));

  test('the URL takes its authority from Host, or from an absolute-form target', async () => {
    const url = await serve(echo);
    const fromHost = await exchange(url, 'GET /a?b=1 HTTP/1.1\r\nHost: api.example:8443');
    expect(JSON.parse(fromHost.body)).toEqual({ method: 'GET', url: 'http://api.example:8443/a?b=1', target: '/a?b=1' });
    const absolute = await exchange(url, 'GET http://example.com/a HTTP/1.1\r\nHost: ignored.example');
    expect(JSON.parse(absolute.body)).toMatchObject({ url: 'http://example.com/a', target: '/a' });
    const badHost = await exchange(url, 'GET /a/../b HTTP/1.1\r\nHost: x/hello?name=y#');
    expect(JSON.parse(badHost.body)).toEqual({ method: 'GET', url: 'http://localhost/b', target: '/a/../b' });
  });

  test('TRACE reaches the handler as TRACE, though fetch cannot build such a Request', async () => {
    const res = await exchange(await serve(echo), 'TRACE /x HTTP/1.1\r\nHost: localhost');
    expect(JSON.parse(res.body)).toMatchObject({ method: 'TRACE', target: '/x' });
  });

  test('request and response bodies stream: a chunked upload is echoed as it arrives', async () => {
    const url = await serve((request) => Promise.resolve(new Response(request.body, { headers: { 'content-type': 'text/plain' } })));
    const { port } = new URL(url);
    const received = await new Promise<{ chunked: boolean; firstEcho: string; all: string }>((resolve, reject) => {
      const req = httpRequest({ port, method: 'POST', path: '/echo', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        let all = '';
        let firstEcho = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          all += chunk;
          // The first chunk comes back while the upload is still open: nothing was buffered whole.
          if (!firstEcho) {
            firstEcho = chunk;
            req.end('second');
          }
        });
        res.on('end', () => resolve({ chunked: res.headers['transfer-encoding'] === 'chunked', firstEcho, all }));
      });
      req.on('error', reject);
      req.write('first;');
    });
    expect(received).toEqual({ chunked: true, firstEcho: 'first;', all: 'first;second' });
  });

  test('a client that reads nothing holds the producer back, and leaving aborts the signal and cancels the body', async () => {
    let produced = 0;
    let cancelled = false;
    let aborted!: () => void;
    const sawAbort = new Promise<void>((resolve) => (aborted = resolve));
    const chunk = new Uint8Array(64 * 1024);
    const url = await serve((request) => {
      request.signal.addEventListener('abort', () => aborted());
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          produced += chunk.byteLength;
          controller.enqueue(chunk);
        },
        cancel() {
          cancelled = true;
        },
      });
      return Promise.resolve(new Response(body));
    });
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /endless HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    socket.pause();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Without back-pressure an endless body would fill memory; with it, only the socket buffers fill.
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(64 * 1024 * 1024);
    socket.destroy();
    await sawAbort;
    await expect.poll(() => cancelled).toBe(true);
  });

  test('HEAD sends the headers and no body, even when the handler gives one', async () => {
    const url = await serve(() => Promise.resolve(new Response('hello', { headers: { 'content-length': '5' } })));
    const res = await exchange(url, 'HEAD /x HTTP/1.1\r\nHost: localhost');
    expect(res.status).toBe(200);
    expect(res.head).toContain('\r\ncontent-length: 5');
    expect(res.body).toBe('');
  });

  test('Set-Cookie headers stay separate', async () => {
    const headers = new Headers([['set-cookie', 'a=1'], ['set-cookie', 'b=2; Path=/']]);
    const res = await exchange(await serve(() => Promise.resolve(new Response(null, { headers }))), 'GET / HTTP/1.1\r\nHost: localhost');
    expect(res.head).toContain('\r\nset-cookie: a=1\r\nset-cookie: b=2; path=/');
  });
});

describe('errors', () => {
  test('a handler that throws is a JSON 500 without a stack, reported to onError', async () => {
    const errors: unknown[] = [];
    const url = await serve(() => Promise.reject(new Error('database down at /srv/app/db.ts:12')), {
      onError: (error) => errors.push(error),
    });
    const res = await exchange(url, 'GET /x HTTP/1.1\r\nHost: localhost');
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body)).toEqual({ detail: 'Internal Server Error' });
    expect(res.body).not.toContain('db.ts');
    expect(errors).toHaveLength(1);
  });

  test('a body that fails midway cuts the connection (the status is already sent) and is reported', async () => {
    const errors: unknown[] = [];
    let sent = false;
    const body = (): ReadableStream<Uint8Array> => new ReadableStream({
      pull(controller) {
        if (sent) return controller.error(new Error('source failed'));
        sent = true;
        controller.enqueue(new TextEncoder().encode('partial'));
      },
    });
    const url = await serve(() => Promise.resolve(new Response(body())), { onError: (error) => errors.push(error) });
    await expect(fetch(`${url}/x`).then((res) => res.text())).rejects.toThrow();
    await expect.poll(() => errors.length).toBe(1);
  });
});

test('a client gone before the handler answers: the response body is cancelled, not written', async () => {
  let cancelled = false;
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  let arrived!: () => void;
  const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
  const url = await serve(async (request) => {
    arrived();
    await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
    answer();
    return new Response(new ReadableStream({ cancel: () => void (cancelled = true) }));
  });
  const socket = connect(Number(new URL(url).port), '127.0.0.1', () => socket.write('GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n'));
  await requestArrived;
  socket.destroy();
  await answered;
  await expect.poll(() => cancelled).toBe(true);
});
