/**
 * Limits a client can hit, and what it reads when it does: JSON nested too deep (core, every adapter),
 * and the transport's own answers (bodies too large, headers too large, `Expect: 100-continue`, slow
 * clients), checked with a bare socket so an EPIPE or a reset before the answer cannot hide.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Logger, ServerLimits } from '@decorumjs/core';
import { rawExchange } from '../raw-http.js';
import type { RequestTarget, ServedApp } from '../serve.js';

const DEPTH_LIMIT = 200;
const MB = 1024 * 1024;

/** How the transport cases reach a server the adapter owns. */
export interface TransportTarget {
  /** The base URL of the contract app, served with the adapter's defaults. */
  url(): string;
  /** The contract app on a new adapter with these limits (and a logger of the test's). */
  serveWith(limits: ServerLimits, logger?: Logger): Promise<ServedApp & { readonly origin: string }>;
}

const json = (body: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

export function jsonDepthCases(fetch: RequestTarget): void {
  describe('JSON nesting (422 json_invalid past 200 levels)', () => {
    for (const depth of [10_000, 100_000]) {
      test(`arrays nested ${depth} levels deep are a 422 json_invalid, not a 500`, async () => {
        const res = await fetch('/items', json('['.repeat(depth) + ']'.repeat(depth)));
        expect(res.status).toBe(422);
        expect(await res.json()).toEqual({ detail: [{
          type: 'json_invalid', loc: ['body', DEPTH_LIMIT], msg: 'JSON decode error', input: {},
          ctx: { error: `JSON is nested deeper than the limit of ${DEPTH_LIMIT} levels` },
        }] });
      });
    }

    test('objects nested 10,000 levels deep, and unclosed ones, are refused the same way', async () => {
      const objects = await fetch('/items', json('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)));
      expect(objects.status).toBe(422);
      expect((await objects.json() as { detail: Array<{ loc: unknown }> }).detail[0]?.loc).toEqual(['body', 5 * DEPTH_LIMIT]);
      const unclosed = await fetch('/items', json('{"name":' + '['.repeat(100_000)));
      expect(unclosed.status).toBe(422);
      expect((await unclosed.json() as { detail: Array<{ type: string }> }).detail[0]?.type).toBe('json_invalid');
    });

    test('a value nested at the limit is parsed, validated and echoed in the 422', async () => {
      const inner = DEPTH_LIMIT - 1;
      const res = await fetch('/items', json(`{"name":${'['.repeat(inner)}${']'.repeat(inner)},"price":1}`));
      expect(res.status).toBe(422);
      const detail = (await res.json() as { detail: Array<{ type: string; loc: unknown[]; input: unknown }> }).detail;
      expect(detail.map((d) => [d.type, d.loc])).toEqual([['string_type', ['body', 'name']]]);
      let depth = 0;
      for (let v = detail[0]?.input; Array.isArray(v); v = v[0]) depth++;
      expect(depth).toBe(inner);
    });

    test('brackets inside strings do not count', async () => {
      const res = await fetch('/items', json(`{"name":"${'['.repeat(10_000)}\\"${'{'.repeat(10_000)}","price":1}`));
      expect(res.status).toBe(200);
      expect(((await res.json()) as { created: string }).created).toHaveLength(20_001);
    });
  });
}

export function transportCases(target: TransportTarget): void {
  const post = (length: number | 'chunked', extra = '') => [
    'POST /items HTTP/1.1', 'Host: contract.test', 'Content-Type: application/json',
    length === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`, ...(extra ? [extra] : []),
  ].join('\r\n');
  const tooLarge = { detail: `Request body is larger than the limit of ${MB} bytes` };

  describe('bodies over the limit: the client reads the 413', () => {
    test('20 MB with Content-Length: answered 413, the upload is read off the wire, no EPIPE or reset', async () => {
      const size = 20 * MB;
      const res = await rawExchange(target.url(), { head: post(size), bodySize: size });
      expect({ status: res.status, error: res.error, sent: res.sent }).toEqual({ status: 413, error: undefined, sent: size });
      expect(JSON.parse(res.body)).toEqual(tooLarge);
    });

    test('20 MB chunked: the same', async () => {
      const size = 20 * MB;
      const res = await rawExchange(target.url(), { head: post('chunked'), bodySize: size, chunked: true });
      expect({ status: res.status, error: res.error, sent: res.sent }).toEqual({ status: 413, error: undefined, sent: size });
      expect(JSON.parse(res.body)).toEqual(tooLarge);
    });

    test("Node's own fetch uploading 20 MB reads the 413 instead of failing with EPIPE", async () => {
      const res = await fetch(`${target.url()}/items`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(20 * MB).fill(0x78),
      });
      expect({ status: res.status, body: await res.json() as unknown }).toEqual({ status: 413, body: tooLarge });
    });

    test('Expect: 100-continue over the limit is answered 413 without inviting the upload', async () => {
      const res = await rawExchange(target.url(), {
        head: post(20 * MB, 'Expect: 100-continue'), bodySize: 20 * MB, waitForContinue: true, untilClose: true,
      });
      expect({ status: res.status, error: res.error, sent: res.sent }).toEqual({ status: 413, error: undefined, sent: 0 });
      expect(res.text.startsWith('HTTP/1.1 100')).toBe(false);
      expect(JSON.parse(res.body)).toEqual(tooLarge);
    });

    test('Expect: 100-continue within the limit is invited, then read', async () => {
      const res = await rawExchange(target.url(), { head: post(64, 'Expect: 100-continue'), bodySize: 64, waitForContinue: true });
      expect(res.text.startsWith('HTTP/1.1 100 Continue\r\n\r\n')).toBe(true);
      // The 64 bytes sent are not JSON: the 422 shows the route read what it invited.
      expect({ status: res.status, error: res.error, sent: res.sent }).toEqual({ status: 422, error: undefined, sent: 64 });
    });
  });

  describe('requests node:http refuses, in Decorum\'s shape, then a clean close', () => {
    test('a URL over the header limit is a JSON 431, read to the end without a reset', async () => {
      for (let i = 0; i < 5; i++) {
        const res = await rawExchange(target.url(), {
          head: `POST /hello?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: contract.test\r\nContent-Length: ${8 * MB}`,
          bodySize: 8 * MB, untilClose: true,
        });
        expect({ status: res.status, error: res.error, sent: res.sent }).toEqual({ status: 431, error: undefined, sent: 8 * MB });
        expect(res.headers['content-type']).toBe('application/json');
        expect(JSON.parse(res.body)).toEqual({ detail: 'Request Header Fields Too Large' });
      }
    });

    test('headers over the limit are a JSON 431', async () => {
      const res = await rawExchange(target.url(), {
        head: `GET /hello HTTP/1.1\r\nHost: contract.test\r\nX-Big: ${'y'.repeat(20_000)}`, untilClose: true,
      });
      expect({ status: res.status, error: res.error, body: JSON.parse(res.body) as unknown })
        .toEqual({ status: 431, error: undefined, body: { detail: 'Request Header Fields Too Large' } });
    });

    test('a malformed request line is a JSON 400', async () => {
      const res = await rawExchange(target.url(), { head: 'GET /hello HTTP/1.1\r\nHost: contract.test\r\nBad Header', untilClose: true });
      expect({ status: res.status, error: res.error, body: JSON.parse(res.body) as unknown })
        .toEqual({ status: 400, error: undefined, body: { detail: 'Bad Request' } });
    });
  });

  describe('timeouts and keep-alive (configured short here)', () => {
    let served: (ServedApp & { readonly origin: string }) | undefined;
    const logged: Array<[level: string, message: string | undefined]> = [];
    const logger: Logger = {
      error: (_obj, msg) => logged.push(['error', msg]),
      warn: (_obj, msg) => logged.push(['warn', msg]),
      info: (_obj, msg) => logged.push(['info', msg]),
      debug: (_obj, msg) => logged.push(['debug', msg]),
    };
    beforeAll(async () => {
      served = await target.serveWith({ headersTimeout: 600, requestTimeout: 1_200, keepAliveTimeout: 400, discardLimit: 2 * MB }, logger);
    });
    afterAll(() => served?.close());
    const url = () => (served as { origin: string }).origin;

    test('a body trickled one byte at a time gets a JSON 408 once the request timeout passes', async () => {
      const started = Date.now();
      const res = await rawExchange(url(), {
        head: post(100), untilClose: true, timeoutMs: 8_000,
        drive: (socket) => {
          const trickle = setInterval(() => (socket.destroyed ? clearInterval(trickle) : socket.write('x')), 200);
          socket.once('close', () => clearInterval(trickle));
        },
      });
      const elapsed = Date.now() - started;
      expect({ status: res.status, body: JSON.parse(res.body) as unknown }).toEqual({ status: 408, body: { detail: 'Request Timeout' } });
      expect(elapsed).toBeGreaterThanOrEqual(1_000);
      expect(elapsed).toBeLessThan(4_000);
    });

    test('headers that never finish get a JSON 408 once the headers timeout passes', async () => {
      const started = Date.now();
      const res = await rawExchange(url(), {
        head: 'GET /hello HTTP/1.1', partialHead: true, timeoutMs: 8_000, untilClose: true,
        drive: (socket) => {
          const trickle = setInterval(() => (socket.destroyed ? clearInterval(trickle) : socket.write('\r\nX-A: b')), 100);
          socket.once('close', () => clearInterval(trickle));
        },
      });
      expect({ status: res.status, body: JSON.parse(res.body) as unknown }).toEqual({ status: 408, body: { detail: 'Request Timeout' } });
      expect(Date.now() - started).toBeLessThan(4_000);
    });

    test('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
      const started = Date.now();
      const res = await rawExchange(url(), {
        head: 'GET /hello HTTP/1.1\r\nHost: contract.test', timeoutMs: 8_000, drive: () => {}, untilClose: true,
      });
      expect(res.status).toBe(200);
      expect(res.error).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    test('a body a route does not read is discarded up to the bound, then the connection closes', async () => {
      const small = await rawExchange(url(), { head: 'GET /hello HTTP/1.1\r\nHost: contract.test\r\nContent-Length: 1048576', bodySize: MB });
      expect({ status: small.status, error: small.error, sent: small.sent }).toEqual({ status: 200, error: undefined, sent: MB });
      const huge = await rawExchange(url(), {
        head: `GET /hello HTTP/1.1\r\nHost: contract.test\r\nContent-Length: ${64 * MB}`, bodySize: 64 * MB, untilClose: true,
      });
      expect(huge.status).toBe(200);
      expect(huge.sent).toBeLessThan(64 * MB);
    });

    test('a client that hangs up mid-body is logged at debug level, not as a server error', async () => {
      logged.length = 0;
      await rawExchange(url(), {
        head: post(1000), timeoutMs: 2_000,
        drive: (socket) => {
          socket.write('{"name":');
          setTimeout(() => socket.destroy(), 100);
        },
      });
      for (let i = 0; i < 40 && !logged.some(([level]) => level === 'debug'); i++) await new Promise((r) => setTimeout(r, 25));
      expect(logged.filter(([level]) => level !== 'info')).toEqual([['debug', 'client disconnected before sending its whole request']]);
    });
  });
}
