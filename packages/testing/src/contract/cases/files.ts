/**
 * File responses and static folders on every adapter: content types, validators and 304s, single
 * ranges (206/416), HEAD, `Content-Disposition` with a non-ASCII name, index files, and every way of
 * stepping out of the served folder answering 404. Fixtures live in a temporary folder made here.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FileResponse, staticFiles, withCondition } from '@decorumjs/core';
import { filesFixture } from '../files-controller.js';
import { rawExchange } from '../raw-http.js';
import type { ContractAppOptions, ServedApp } from '../serve.js';

type Launch = (options?: ContractAppOptions) => Promise<ServedApp>;

const BIG = Buffer.alloc(200 * 1024);
for (let i = 0; i < BIG.length; i++) BIG[i] = i % 251;

// What a browser sends when it revalidates; without it, fetch adds `cache-control: no-cache` to a
// conditional request, which rightly forbids a 304.
const REVALIDATE = { 'cache-control': 'max-age=0' };

/** `overSocket`: the app listens on a real socket, so raw request targets can be sent too. */
export function fileCases(launch: Launch, overSocket: boolean): void {
  describe('files', () => {
    let served: ServedApp;
    let tmp: string;
    const get = (path: string, init?: RequestInit) => served.fetch(path, init);

    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), 'decorum-files-'));
      const root = join(tmp, 'public');
      mkdirSync(join(root, 'docs'), { recursive: true });
      writeFileSync(join(root, 'hello.txt'), 'hello, files\n');
      writeFileSync(join(root, 'style.css'), 'body { color: red }\n');
      writeFileSync(join(root, 'data.json'), '{"a":1}');
      writeFileSync(join(root, 'big.bin'), BIG);
      writeFileSync(join(root, 'docs', 'index.html'), '<h1>docs</h1>');
      writeFileSync(join(tmp, 'secret.txt'), 'top secret');
      symlinkSync(join(tmp, 'secret.txt'), join(root, 'escape.txt'));
      symlinkSync(tmp, join(root, 'up'));
      symlinkSync(join(root, 'hello.txt'), join(root, 'alias.txt'));
      filesFixture.dir = root;
      const favicon = withCondition(() => new FileResponse(join(root, 'hello.txt')), (request) => request.url === '/favicon.txt');
      served = await launch({ middleware: [staticFiles('/static', { root, index: 'index.html' }), favicon] });
    });
    afterAll(async () => {
      await served.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    test('a FileResponse sends the file with its length, type, validators and Accept-Ranges', async () => {
      const res = await get('/files/plain/hello.txt');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('content-length')).toBe('13');
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(res.headers.get('etag')).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
      expect(new Date(res.headers.get('last-modified') ?? '').getTime()).not.toBeNaN();
      expect(await res.text()).toBe('hello, files\n');
    });

    test('a large file streams whole and byte-exact', async () => {
      const res = await get('/files/plain/big.bin');
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-length')).toBe(String(BIG.length));
      expect(Buffer.from(await res.arrayBuffer()).equals(BIG)).toBe(true);
    });

    test('a middleware may answer with a FileResponse, ranges included', async () => {
      const res = await get('/favicon.txt', { headers: { range: 'bytes=7-11' } });
      expect(res.status).toBe(206);
      expect(await res.text()).toBe('files');
    });

    test('a missing file is a 404 with a JSON detail', async () => {
      const res = await get('/files/plain/nope.txt');
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ detail: 'Not Found' });
    });

    test('If-None-Match and If-Modified-Since answer 304 without a body', async () => {
      const first = await get('/files/plain/hello.txt');
      await first.text();
      const etag = first.headers.get('etag') ?? '';
      const byTag = await get('/files/plain/hello.txt', { headers: { 'if-none-match': etag, ...REVALIDATE } });
      expect(byTag.status).toBe(304);
      expect(byTag.headers.get('etag')).toBe(etag);
      expect(await byTag.text()).toBe('');
      const byDate = await get('/files/plain/hello.txt', { headers: { 'if-modified-since': first.headers.get('last-modified') ?? '', ...REVALIDATE } });
      expect(byDate.status).toBe(304);
      const stale = await get('/files/plain/hello.txt', { headers: { 'if-none-match': 'W/"0-0"' } });
      expect(stale.status).toBe(200);
      expect(await stale.text()).toBe('hello, files\n');
    });

    test('one range is a 206 with Content-Range; a suffix range too', async () => {
      const res = await get('/files/plain/big.bin', { headers: { range: 'bytes=100-199' } });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes 100-199/${BIG.length}`);
      expect(res.headers.get('content-length')).toBe('100');
      expect(Buffer.from(await res.arrayBuffer()).equals(BIG.subarray(100, 200))).toBe(true);
      const suffix = await get('/files/plain/hello.txt', { headers: { range: 'bytes=-6' } });
      expect(suffix.status).toBe(206);
      expect(await suffix.text()).toBe('files\n');
    });

    test('an unsatisfiable range is a 416 with the size; a malformed one is ignored', async () => {
      const res = await get('/files/plain/hello.txt', { headers: { range: 'bytes=500-600' } });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe('bytes */13');
      expect(await res.json()).toEqual({ detail: 'Range Not Satisfiable' });
      const malformed = await get('/files/plain/hello.txt', { headers: { range: 'lines=1-2' } });
      expect(malformed.status).toBe(200);
      expect(await malformed.text()).toBe('hello, files\n');
    });

    test('HEAD sends the headers alone', async () => {
      const res = await get('/files/plain/hello.txt', { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-length')).toBe('13');
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await res.text()).toBe('');
    });

    test('Content-Disposition carries a non-ASCII filename as filename* with an ASCII fallback', async () => {
      const res = await get('/files/download/hello.txt');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Rapport ?t? ?.txt"; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9%20%E2%82%AC.txt`);
      expect(await res.text()).toBe('hello, files\n');
      const inline = await get('/files/inline');
      expect(inline.headers.get('content-disposition')).toBe('inline');
      expect(inline.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      await inline.text();
    });

    test('a static folder serves files by extension, with 304s and ranges', async () => {
      for (const [path, type] of [['hello.txt', 'text/plain; charset=utf-8'], ['style.css', 'text/css; charset=utf-8'], ['data.json', 'application/json; charset=utf-8'], ['alias.txt', 'text/plain; charset=utf-8']] as const) {
        const res = await get(`/static/${path}`);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type'), path).toBe(type);
        await res.text();
      }
      const first = await get('/static/hello.txt');
      await first.text();
      const cached = await get('/static/hello.txt', { headers: { 'if-none-match': first.headers.get('etag') ?? '', ...REVALIDATE } });
      expect(cached.status).toBe(304);
      const ranged = await get('/static/hello.txt', { headers: { range: 'bytes=0-4' } });
      expect(ranged.status).toBe(206);
      expect(await ranged.text()).toBe('hello');
      const head = await get('/static/big.bin', { method: 'HEAD' });
      expect(head.headers.get('content-length')).toBe(String(BIG.length));
      expect(await head.text()).toBe('');
    });

    test('a folder answers with its index file; without the slash, a redirect to it', async () => {
      const res = await get('/static/docs/');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toBe('<h1>docs</h1>');
      const bare = await get('/static/docs', { redirect: 'manual' });
      expect(bare.status).toBe(307);
      expect(bare.headers.get('location')).toBe('/static/docs/');
    });

    test('a missing file, a folder without index and stepping out of the root all answer 404', async () => {
      const attempts = [
        '/static/nope.txt', '/static/', '/static/escape.txt', '/static/up/secret.txt',
        '/static/%252e%252e/secret.txt', '/static/..%252fsecret.txt', '/static/%2e%2e%5csecret.txt',
        '/static/..%5csecret.txt', '/static/hello.txt%00', '/static/%c0%ae%c0%ae/secret.txt',
      ];
      for (const path of attempts) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(await res.json(), path).toEqual({ detail: 'Not Found' });
      }
    });

    // Raw targets need a socket: a fetch client would normalize them away.
    if (overSocket) test('raw traversal targets answer 404', async () => {
      if (!served.origin) throw new Error('the files app is not listening');
      for (const target of ['/static/../secret.txt', '/static/%2e%2e/secret.txt', '/static/.%2e/secret.txt', '/static/..\\secret.txt', '/static/docs/../../secret.txt']) {
        const res = await rawExchange(served.origin, { head: `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close` });
        expect(res.status, target).toBe(404);
        expect(res.text, target).not.toContain('top secret');
      }
    });
  });
}
