import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { Controller, Get, HttpCode, HttpResponse, Res, compression, type CompressionOptions, type ResponseControl } from '@decorumjs/decorum';
import { rawRequest } from './raw-request.js';
import { serve } from './serve.js';

const rows = Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item number ${i}`, tags: ['alpha', 'beta'] }));
const big = JSON.stringify(rows);
let streamClosed = false;

@Controller()
class Content {
  @Get('rows') rows() { return rows; }
  @Get('small') small() { return { ok: true }; }
  @Get('png') png() { return new HttpResponse(new Uint8Array(4096).fill(7), { contentType: 'image/png' }); }
  @Get('encoded') encoded() { return new HttpResponse(big, { contentType: 'application/json', headers: { 'content-encoding': 'identity-ish' } }); }
  @Get('no-transform') noTransform() { return new HttpResponse(big, { contentType: 'application/json', headers: { 'cache-control': 'no-transform' } }); }
  @Get('tagged') tagged() { return new HttpResponse(big, { contentType: 'application/json', headers: { etag: '"v1"', vary: 'Cookie' } }); }
  @Get('partial') partial() { return new HttpResponse(big, { status: 206, contentType: 'application/json', headers: { 'content-range': `bytes 0-${big.length - 1}/${big.length * 2}` } }); }
  @Get('ranged') ranged() { return new HttpResponse(big, { contentType: 'application/json', headers: { 'accept-ranges': 'bytes' } }); }
  @Get('empty') @HttpCode(204) empty() { return undefined; }
  @Get('not-modified') notModified(@Res() res: ResponseControl) { res.status(304); return rows; }
  @Get('stream')
  stream() {
    streamClosed = false;
    async function* lines() {
      try {
        for (let i = 0; i < 50; i++) yield `data: event ${i} ${'x'.repeat(40)}\n\n`;
      } finally {
        streamClosed = true;
      }
    }
    return new HttpResponse(lines(), { contentType: 'text/event-stream' });
  }
}

const app = (options?: CompressionOptions) => serve({ controllers: [Content], middleware: [compression(options)] });

describe('compression', () => {
  test('node\'s fetch decodes gzip and brotli transparently; the body is the same JSON', async () => {
    const { fetch } = await app();
    for (const encoding of ['gzip', 'br']) {
      const response = await fetch('/rows', { headers: { 'accept-encoding': encoding } });
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
      expect(await response.json()).toEqual(rows);
    }
  });

  test('the raw bytes are really gzip or brotli, smaller, with a Content-Length of the encoded body', async () => {
    const { url } = await app();
    const gz = await rawRequest(`${url}/rows`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(gz.body.byteLength);
    expect(gz.body.byteLength).toBeLessThan(big.length / 4);
    expect(gunzipSync(gz.body).toString()).toBe(big);

    const br = await rawRequest(`${url}/rows`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(big);
  });

  test('Accept-Encoding q-values decide; brotli wins ties by default, `encodings` changes that', async () => {
    const { url } = await app();
    const pick = async (accept: string) => (await rawRequest(`${url}/rows`, { headers: { 'accept-encoding': accept } })).headers['content-encoding'];
    expect(await pick('gzip, deflate, br')).toBe('br');
    expect(await pick('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(await pick('*')).toBe('br');
    expect(await pick('br;q=0, *;q=0.1')).toBe('gzip');
    expect(await pick('deflate')).toBeUndefined();
    expect(await pick('identity')).toBeUndefined();
    const none = await rawRequest(`${url}/rows`);
    expect(none.headers['content-encoding']).toBeUndefined();
    // Uncompressed because of this request's header, so still Vary.
    expect(none.headers.vary).toBe('Accept-Encoding');
    expect(none.body.toString()).toBe(big);

    const gzipFirst = await app({ encodings: ['gzip', 'br'] });
    expect((await rawRequest(`${gzipFirst.url}/rows`, { headers: { 'accept-encoding': 'br, gzip' } })).headers['content-encoding']).toBe('gzip');
  });

  test('left alone: small bodies, images, already-encoded, no-transform, HEAD, 204, 206 and 304; Accept-Ranges goes when encoded', async () => {
    const { url } = await app();
    const gzip = { 'accept-encoding': 'gzip, br' };
    const get = (path: string, method = 'GET') => rawRequest(`${url}${path}`, { method, headers: gzip });
    const small = await get('/small');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toBeUndefined();
    expect((await get('/png')).headers['content-encoding']).toBeUndefined();
    expect((await get('/encoded')).headers['content-encoding']).toBe('identity-ish');
    expect((await get('/no-transform')).headers['content-encoding']).toBeUndefined();
    const head = await get('/rows', 'HEAD');
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.body.byteLength).toBe(0);
    expect((await get('/empty')).status).toBe(204);
    expect((await get('/empty')).headers['content-encoding']).toBeUndefined();
    const partial = await get('/partial');
    expect(partial.status).toBe(206);
    expect(partial.headers['content-encoding']).toBeUndefined();
    const ranged = await get('/ranged');
    expect(ranged.headers['content-encoding']).toBe('br');
    expect(ranged.headers['accept-ranges']).toBeUndefined();
    const notModified = await get('/not-modified');
    expect(notModified.status).toBe(304);
    expect(notModified.headers['content-encoding']).toBeUndefined();
  });

  test('the threshold is configurable', async () => {
    const { url } = await app({ threshold: 0 });
    const small = await rawRequest(`${url}/small`, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(small.body).toString())).toEqual({ ok: true });
  });

  test('a strong ETag becomes weak, and Vary keeps what the route set', async () => {
    const { url } = await app();
    const tagged = await rawRequest(`${url}/tagged`, { headers: { 'accept-encoding': 'gzip' } });
    expect(tagged.headers.etag).toBe('W/"v1"');
    expect(tagged.headers.vary).toBe('Cookie, Accept-Encoding');
  });

  test('a streamed body is compressed as a stream, chunked, and decodes to every event', async () => {
    const { url, fetch } = await app();
    const raw = await rawRequest(`${url}/stream`, { headers: { 'accept-encoding': 'gzip' } });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers['transfer-encoding']).toBe('chunked');
    expect(raw.headers['content-length']).toBeUndefined();
    const text = gunzipSync(raw.body).toString();
    expect(text.split('\n\n').filter(Boolean)).toHaveLength(50);
    expect(streamClosed).toBe(true);

    const decoded = await fetch('/stream', { headers: { 'accept-encoding': 'br' } });
    expect(decoded.headers.get('content-encoding')).toBe('br');
    expect((await decoded.text()).endsWith(`data: event 49 ${'x'.repeat(40)}\n\n`)).toBe(true);
  });

  test('each streamed chunk is flushed: the first event arrives before the handler has finished', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    @Controller()
    class Live {
      @Get('live')
      live() {
        async function* events() {
          yield 'data: first\n\n';
          await held;
          yield 'data: second\n\n';
        }
        return new HttpResponse(events(), { contentType: 'text/event-stream' });
      }
    }
    const { fetch } = await serve({ controllers: [Live], middleware: [compression()] });
    const response = await fetch('/live', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const reader = (response.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toBe('data: first\n\n');
    release();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += chunk.value;
    expect(rest).toBe('data: second\n\n');
  });

  test('a client that goes away stops the source: its finally block runs', async () => {
    let produced = 0;
    let finished: () => void = () => {};
    const closed = new Promise<void>((resolve) => (finished = resolve));
    @Controller()
    class Endless {
      @Get('endless')
      endless() {
        async function* ticks() {
          try {
            for (;;) {
              produced++;
              yield `data: ${'tick '.repeat(50)}\n\n`;
              await new Promise((r) => setTimeout(r, 2));
            }
          } finally {
            finished();
          }
        }
        return new HttpResponse(ticks(), { contentType: 'text/event-stream' });
      }
    }
    const { fetch } = await serve({ controllers: [Endless], middleware: [compression()] });
    const abort = new AbortController();
    const response = await fetch('/endless', { headers: { 'accept-encoding': 'gzip' }, signal: abort.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    abort.abort();
    await closed;
    const atClose = produced;
    await new Promise((r) => setTimeout(r, 30));
    expect(produced).toBe(atClose);
  });
});
