/**
 * CORS and compression are middleware in Decorum's own terms, so they answer the same on every adapter:
 * the same preflight for a path without an OPTIONS route, the same encoded bytes, the same streams.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { Controller, Get, HttpResponse, NodeAdapter, compression, cors, createApp, type HttpAdapter } from '@decorumjs/decorum';
import { ExpressAdapter } from '@decorumjs/platform-express';
import { FastifyAdapter } from '@decorumjs/platform-fastify';
import { FetchAdapter } from '@decorumjs/platform-fetch';
import { fetchOverNodeHttp } from '@decorumjs/testing/contract';
import { rawRequest } from './raw-request.js';
import { listen, quiet } from './serve.js';

const rows = Array.from({ length: 100 }, (_, i) => ({ id: i, label: `row ${i}` }));
const APP = 'https://app.example.com';

@Controller()
class Data {
  @Get('rows') rows() { return rows; }
  @Get('stream')
  stream() {
    async function* lines() {
      for (let i = 0; i < 40; i++) yield `${JSON.stringify(rows[i])}\n`;
    }
    return new HttpResponse(lines(), { contentType: 'application/x-ndjson' });
  }
}

const adapters: Array<[string, () => HttpAdapter]> = [
  ['node:http', () => new NodeAdapter()],
  ['fastify', () => new FastifyAdapter()],
  ['express', () => new ExpressAdapter()],
  ['fetch (over node:http)', () => fetchOverNodeHttp(new FetchAdapter())],
];

describe.each(adapters)('CORS and compression on %s', (_name, createAdapter) => {
  const start = () => listen(createApp({
    ...quiet,
    adapter: createAdapter(),
    controllers: [Data],
    middleware: [cors({ allowOrigins: [APP], allowMethods: ['GET', 'POST'], allowCredentials: true }), compression()],
  }));

  test('a preflight for a path with no OPTIONS route, then the actual request', async () => {
    const { fetch } = await start();
    const answer = await fetch('/rows', {
      method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET, POST');

    const actual = await fetch('/rows', { headers: { origin: APP } });
    expect(actual.headers.get('access-control-allow-origin')).toBe(APP);
    // compression is inner, so it adds its field first on the way out.
    expect(actual.headers.get('vary')).toBe('Accept-Encoding, Origin');
    expect(await actual.json()).toEqual(rows);

    const refused = await fetch('/rows', { headers: { origin: 'https://evil.example' } });
    expect(refused.headers.has('access-control-allow-origin')).toBe(false);
  });

  test('gzip bytes in one piece and as a stream', async () => {
    const { url } = await start();
    const whole = await rawRequest(`${url}/rows`, { headers: { 'accept-encoding': 'gzip' } });
    expect(whole.headers['content-encoding']).toBe('gzip');
    expect(Number(whole.headers['content-length'])).toBe(whole.body.byteLength);
    expect(JSON.parse(gunzipSync(whole.body).toString())).toEqual(rows);

    const streamed = await rawRequest(`${url}/stream`, { headers: { 'accept-encoding': 'gzip' } });
    expect(streamed.headers['content-encoding']).toBe('gzip');
    const lines = gunzipSync(streamed.body).toString().trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual(rows.slice(0, 40));
  });

  test('brotli, decoded by fetch', async () => {
    const { fetch } = await start();
    const response = await fetch('/rows', { headers: { 'accept-encoding': 'br' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(await response.json()).toEqual(rows);
  });
});

test('the fetch adapter in-process (no node:http at all): preflight and brotli', async () => {
  const adapter = new FetchAdapter();
  const app = createApp({ ...quiet, adapter, controllers: [Data], middleware: [cors({ allowOrigins: '*' }), compression()] });
  await app.init();
  adapter.mount(app.mountTable());
  const call = (path: string, init?: RequestInit) => adapter.fetch(new Request(`http://in-process.test${path}`, init));
  const answer = await call('/rows', { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'GET' } });
  expect([answer.status, answer.headers.get('access-control-allow-origin')]).toEqual([204, '*']);
  const response = await call('/rows', { headers: { 'accept-encoding': 'br' } });
  expect(response.headers.get('content-encoding')).toBe('br');
  // A Response does not decode its own body: decode it as a browser would.
  const { brotliDecompressSync } = await import('node:zlib');
  expect(JSON.parse(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString())).toEqual(rows);
  await app.close();
});
