/**
 * Routing, decided once in core and identical on every adapter: precedence, 404 vs 405 and `Allow`,
 * HEAD, trailing and doubled slashes, percent-decoding, parameter length, non-ASCII literals, and the
 * trailing-slash modes. Each row is in the README's routing section.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ContractAppOptions, RequestTarget, ServedApp } from '../serve.js';
import { statusAndJson } from './request.js';

type Launch = (options?: ContractAppOptions) => Promise<ServedApp>;

const json = (target: RequestTarget, path: string, init?: RequestInit) => statusAndJson(target(path, init));

export function routingCases(fetch: RequestTarget, origin: () => string | undefined, launch: Launch): void {
  describe('routing: precedence', () => {
    test('a literal segment beats a parameter, whatever the declaration order', async () => {
      expect(await json(fetch, '/routing/items/latest')).toEqual({ status: 200, body: { route: 'latest' } });
      expect(await json(fetch, '/routing/items/7')).toEqual({ status: 200, body: { route: 'item', id: '7' } });
    });

    test('a literal that leads nowhere gives way to the parameter beside it', async () => {
      expect(await json(fetch, '/routing/deep/fixed/end')).toEqual({ status: 200, body: { route: 'param', a: 'fixed' } });
      expect(await json(fetch, '/routing/deep/fixed/other')).toEqual({ status: 200, body: { route: 'fixed' } });
    });

    test('a method only the parameter route has reaches it, even where a literal matches the path', async () => {
      expect(await json(fetch, '/routing/items/latest', { method: 'DELETE' })).toEqual({ status: 200, body: { route: 'remove', id: 'latest' } });
    });
  });

  describe('routing: 404 and 405', () => {
    test('a path no route has is a JSON 404', async () => {
      expect(await json(fetch, '/routing/nowhere')).toEqual({ status: 404, body: { detail: 'Not Found' } });
      expect(await json(fetch, '/routing/items/1/parts')).toEqual({ status: 404, body: { detail: 'Not Found' } });
    });

    test('a path with other methods is a 405 whose Allow is in a fixed order, not the declaration order', async () => {
      const res = await fetch('/routing/methods', { method: 'PUT' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, POST, DELETE, OPTIONS');
      expect(await res.json()).toEqual({ detail: 'Method Not Allowed' });
    });

    test('Allow unites every route the path matches (a literal and a parameter)', async () => {
      const res = await fetch('/routing/items/latest', { method: 'POST' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, DELETE');
    });

    test('a path with no GET has no HEAD either', async () => {
      const res = await fetch('/routing/only-put', { method: 'HEAD' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('PUT');
    });

    test('a method no route uses (PROPFIND) on a known path is a 405 too', async () => {
      const res = await fetch('/routing/methods', { method: 'PROPFIND' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, POST, DELETE, OPTIONS');
      expect((await fetch('/routing/nowhere', { method: 'PROPFIND' })).status).toBe(404);
    });

    // RFC 10008 has servers refuse a QUERY without Content-Type; no Decorum route takes QUERY, so core's
    // 405 (or 404) comes first, the same on every adapter, with or without a Content-Type.
    test('QUERY, with or without Content-Type, is a 405 with Allow on a known path, a 404 elsewhere', async () => {
      for (const headers of [undefined, { 'content-type': 'text/plain' }]) {
        const res = await fetch('/routing/methods', { method: 'QUERY', headers });
        expect({ status: res.status, allow: res.headers.get('allow'), body: await res.json() as unknown })
          .toEqual({ status: 405, allow: 'GET, HEAD, POST, DELETE, OPTIONS', body: { detail: 'Method Not Allowed' } });
        expect(await json(fetch, '/routing/nowhere', { method: 'QUERY', headers })).toEqual({ status: 404, body: { detail: 'Not Found' } });
      }
    });
  });

  describe('routing: HEAD', () => {
    test('HEAD is answered by GET, without a body', async () => {
      const res = await fetch('/routing/items/5', { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.text()).toBe('');
    });

    test('a declared @Head route wins over GET', async () => {
      const head = await fetch('/routing/probe', { method: 'HEAD' });
      expect(head.headers.get('x-answered-by')).toBe('head');
      expect(await head.text()).toBe('');
      const get = await fetch('/routing/probe');
      expect(get.headers.get('x-answered-by')).toBe('get');
      await get.arrayBuffer();
    });
  });

  describe('routing: slashes', () => {
    test('by default a trailing slash is ignored both ways', async () => {
      expect(await json(fetch, '/routing/bare/')).toEqual({ status: 200, body: { form: 'bare' } });
      expect(await json(fetch, '/routing/slash')).toEqual({ status: 200, body: { form: 'slash' } });
      expect(await json(fetch, '/routing/slash/')).toEqual({ status: 200, body: { form: 'slash' } });
    });

    test('a doubled slash is an empty segment, which no route matches: 404', async () => {
      for (const path of ['//hello', '/hello//', '/items//42', '//items/42', '/routing//items/1', '/routing/items//']) {
        expect({ path, ...(await json(fetch, path)) }).toEqual({ path, status: 404, body: { detail: 'Not Found' } });
      }
    });
  });

  describe('routing: percent-decoding', () => {
    test('a malformed escape is a 400 with a detail, wherever it is', async () => {
      const detail = 'Invalid URL: the path has a malformed percent-encoding';
      for (const path of ['/items/%zz', '/routing/files/%', '/routing/files/%E', '/nowhere/%zz', '/routing/files/%C3%28']) {
        expect({ path, ...(await json(fetch, path)) }).toEqual({ path, status: 400, body: { detail } });
      }
    });

    test('a fragment (#) in the request target is a 400 with a detail, in the path or the query', async () => {
      const url = origin();
      if (!url) {
        // In process the client's URL parser drops the fragment before the request exists, as browsers do.
        expect(await json(fetch, '/routing/items/latest#x')).toEqual({ status: 200, body: { route: 'latest' } });
        return;
      }
      const detail = 'Invalid URL: the request target must not contain a fragment (#)';
      for (const target of ['/routing/items/latest#x', '/routing/items/latest?q=1#x', '/nowhere#', `http://${new URL(url).host}/routing/items/latest#x`]) {
        const res = await sendRawTarget(url, Buffer.from(target));
        expect({ target, status: res.status, body: JSON.parse(res.body) as unknown }).toEqual({ target, status: 400, body: { detail } });
      }
    });

    test('each segment is decoded on its own: an encoded slash stays in its parameter', async () => {
      expect(await json(fetch, '/routing/files/a%2Fb')).toEqual({ status: 200, body: { name: 'a/b' } });
      expect(await json(fetch, '/routing/files/a%20b%3F%23')).toEqual({ status: 200, body: { name: 'a b?#' } });
      expect(await json(fetch, '/routing/files/a/b')).toEqual({ status: 404, body: { detail: 'Not Found' } });
    });

    test('a literal segment matches in its decoded form', async () => {
      expect(await json(fetch, '/routing/%69tems/latest')).toEqual({ status: 200, body: { route: 'latest' } });
    });
  });

  describe('routing: non-ASCII literals', () => {
    test('reachable percent-encoded, in either case of hex digit', async () => {
      const body = { route: 'café', name: 'crème' };
      expect(await json(fetch, '/routing/caf%C3%A9/cr%C3%A8me')).toEqual({ status: 200, body });
      expect(await json(fetch, '/routing/caf%c3%a9/cr%c3%a8me')).toEqual({ status: 200, body });
    });

    test('sent unencoded, reachable where the runtime encodes it; raw bytes on the wire are a 400', async () => {
      const url = origin();
      if (!url) {
        // In process the runtime's URL parser percent-encodes the text, as fetch runtimes do.
        expect(await json(fetch, '/routing/café/crème')).toEqual({ status: 200, body: { route: 'café', name: 'crème' } });
        return;
      }
      // A request target is ASCII (RFC 9112 §3.2); node's HTTP parser rejects raw bytes before any adapter.
      const res = await sendRawTarget(url, Buffer.from('/routing/café/crème', 'utf8'));
      expect(res.status).toBe(400);
    });
  });

  describe('routing: parameter length', () => {
    test('a parameter of 2,048 characters is accepted; one more is a 414 with a detail', async () => {
      const ok = await json(fetch, `/routing/files/${'a'.repeat(2048)}`);
      expect(ok).toEqual({ status: 200, body: { name: 'a'.repeat(2048) } });
      expect(await json(fetch, `/routing/files/${'a'.repeat(2049)}`))
        .toEqual({ status: 414, body: { detail: 'Path parameter is longer than 2048 characters' } });
    });

    test('the limit counts decoded characters', async () => {
      expect((await fetch(`/routing/files/${'%61'.repeat(2048)}`)).status).toBe(200);
    });
  });

  describe('routing: trailing slash "redirect" (FastAPI\'s redirect_slashes)', () => {
    const served = serveWith(launch, { routing: { trailingSlash: 'redirect' } });

    test('the other form is a 307 to the declared one, query string kept', async () => {
      const toSlash = await served().fetch('/routing/slash?x=1', { redirect: 'manual' });
      expect(toSlash.status).toBe(307);
      expect(toSlash.headers.get('location')).toBe('/routing/slash/?x=1');
      await toSlash.arrayBuffer();
      const toBare = await served().fetch('/routing/items/7/', { method: 'DELETE', redirect: 'manual' });
      expect(toBare.status).toBe(307);
      expect(toBare.headers.get('location')).toBe('/routing/items/7');
      await toBare.arrayBuffer();
    });

    test('the declared form answers, and a path with no route in either form is still 404', async () => {
      expect(await json(served().fetch, '/routing/slash/')).toEqual({ status: 200, body: { form: 'slash' } });
      expect(await json(served().fetch, '/routing/bare')).toEqual({ status: 200, body: { form: 'bare' } });
      expect(await json(served().fetch, '/routing/nowhere/')).toEqual({ status: 404, body: { detail: 'Not Found' } });
    });
  });

  describe('routing: trailing slash "strict"', () => {
    const served = serveWith(launch, { routing: { trailingSlash: 'strict' } });

    test('only the declared form matches', async () => {
      expect(await json(served().fetch, '/routing/slash/')).toEqual({ status: 200, body: { form: 'slash' } });
      expect(await json(served().fetch, '/routing/slash')).toEqual({ status: 404, body: { detail: 'Not Found' } });
      expect(await json(served().fetch, '/routing/bare/')).toEqual({ status: 404, body: { detail: 'Not Found' } });
      expect(await json(served().fetch, '/hello')).toEqual({ status: 200, body: { message: 'Hello, world!' } });
    });
  });

  describe('routing: the parameter length knob', () => {
    const served = serveWith(launch, { routing: { maxParamLength: 8 } });

    test('maxParamLength sets the limit', async () => {
      expect(await json(served().fetch, '/routing/files/12345678')).toEqual({ status: 200, body: { name: '12345678' } });
      expect(await json(served().fetch, '/routing/files/123456789'))
        .toEqual({ status: 414, body: { detail: 'Path parameter is longer than 8 characters' } });
      // A literal still matches whatever the limit.
      expect(await json(served().fetch, '/routing/items/latest')).toEqual({ status: 200, body: { route: 'latest' } });
    });
  });
}

/** The contract app with other options, for the tests of the calling `describe`. */
function serveWith(launch: Launch, options: ContractAppOptions): () => ServedApp {
  let served: ServedApp | undefined;
  beforeAll(async () => {
    served = await launch(options);
  });
  afterAll(() => served?.close());
  return () => {
    if (!served) throw new Error('the app is not running');
    return served;
  };
}

/** A GET whose request target is `target`'s exact bytes (`fetch` would percent-encode them). */
function sendRawTarget(origin: string, target: Buffer): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('connect', () => {
      socket.write(Buffer.concat([Buffer.from('GET '), target, Buffer.from(` HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`)]));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      resolve({ status: Number(head.split(' ')[1]), body });
    });
  });
}
