import { describe, expect, test } from 'vitest';
import { Controller, Get, HttpResponse, Post, cors, type CorsOptions } from '@decorumjs/decorum';
import { serve } from './serve.js';

@Controller()
class Api {
  @Get('items') items() { return [{ id: 1 }]; }
  @Post('items') create() { return { created: true }; }
  @Get('download') download() { return new HttpResponse('file', { contentType: 'text/plain', headers: { 'x-file-id': '9' } }); }
}

const app = (options: CorsOptions) => serve({ controllers: [Api], middleware: [cors(options)] });
const APP = 'https://app.example.com';

/** What a browser sends before a POST with a JSON body from another origin. */
const preflight = (origin: string, method = 'POST', headers = 'content-type') => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
});

describe('cors', () => {
  test('a preflight is answered before routing (no OPTIONS route exists), then the actual request carries the headers', async () => {
    const { fetch } = await app({ allowOrigins: [APP], allowMethods: ['GET', 'POST'], allowHeaders: ['x-trace'], maxAge: 300 });
    const answer = await fetch('/items', preflight(APP, 'POST', 'content-type, X-Trace'));
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe('');
    expect(Object.fromEntries(answer.headers)).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'accept, accept-language, content-language, content-type, x-trace',
      'access-control-max-age': '300',
      vary: 'Origin',
    });
    expect(answer.headers.has('access-control-allow-credentials')).toBe(false);

    const actual = await fetch('/items', { method: 'POST', headers: { origin: APP, 'content-type': 'application/json' }, body: '{}' });
    expect(actual.status).toBe(200);
    expect(actual.headers.get('access-control-allow-origin')).toBe(APP);
    expect(actual.headers.get('vary')).toBe('Origin');
    expect(await actual.json()).toEqual({ created: true });
  });

  test('a disallowed origin: the preflight fails with 400 and the actual response has no CORS headers', async () => {
    const { fetch } = await app({ allowOrigins: [APP], allowMethods: ['GET', 'POST'] });
    const answer = await fetch('/items', preflight('https://evil.example'));
    expect(answer.status).toBe(400);
    expect(await answer.text()).toBe('Disallowed CORS origin');
    expect(answer.headers.has('access-control-allow-origin')).toBe(false);

    const actual = await fetch('/items', { headers: { origin: 'https://evil.example' } });
    expect(actual.status).toBe(200);
    expect([...actual.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    // Still Vary: a cache must not hand this answer to the allowed origin.
    expect(actual.headers.get('vary')).toBe('Origin');
  });

  test('a method or header not allowed fails the preflight, naming what was refused', async () => {
    const { fetch } = await app({ allowOrigins: [APP], allowMethods: ['GET'] });
    expect(await (await fetch('/items', preflight(APP, 'DELETE', 'x-secret'))).text()).toBe('Disallowed CORS method, headers');
  });

  test('credentials: the origin is echoed even when every origin is allowed, never "*"', async () => {
    const { fetch } = await app({ allowOrigins: '*', allowMethods: '*', allowHeaders: '*', allowCredentials: true, exposeHeaders: ['x-file-id'] });
    const answer = await fetch('/items', preflight(APP, 'PATCH', 'authorization, x-custom'));
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect(answer.headers.get('access-control-allow-headers')).toBe('authorization, x-custom');
    expect(answer.headers.get('access-control-allow-methods')).toBe('DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');

    const actual = await fetch('/download', { headers: { origin: APP, cookie: 'session=1' } });
    expect(actual.headers.get('access-control-allow-origin')).toBe(APP);
    expect(actual.headers.get('access-control-allow-credentials')).toBe('true');
    expect(actual.headers.get('access-control-expose-headers')).toBe('x-file-id');
    expect(actual.headers.get('vary')).toBe('Origin');
  });

  test('"*" without credentials answers "*" and does not vary by origin', async () => {
    const { fetch } = await app({ allowOrigins: '*' });
    const actual = await fetch('/items', { headers: { origin: 'https://anyone.example' } });
    expect(actual.headers.get('access-control-allow-origin')).toBe('*');
    expect(actual.headers.has('vary')).toBe(false);
  });

  test('origins by pattern (whole-origin match) and by an async function', async () => {
    const patterns = await app({ allowOrigins: [/https:\/\/[a-z]+\.example\.com/] });
    expect((await patterns.fetch('/items', { headers: { origin: 'https://shop.example.com' } })).headers.get('access-control-allow-origin'))
      .toBe('https://shop.example.com');
    expect((await patterns.fetch('/items', { headers: { origin: 'https://shop.example.com.evil.io' } })).headers.has('access-control-allow-origin'))
      .toBe(false);

    const tenants = new Set(['https://tenant-a.io']);
    const lookup = await app({ allowOrigins: async (origin) => tenants.has(origin) });
    expect((await lookup.fetch('/items', { headers: { origin: 'https://tenant-a.io' } })).headers.get('access-control-allow-origin'))
      .toBe('https://tenant-a.io');
    expect((await lookup.fetch('/items', { headers: { origin: 'https://tenant-b.io' } })).headers.has('access-control-allow-origin'))
      .toBe(false);
  });

  test('requests without Origin are not CORS requests: untouched; OPTIONS without a requested method reaches routing', async () => {
    const { fetch } = await app({ allowOrigins: [APP] });
    const plain = await fetch('/items');
    expect([...plain.headers.keys()].filter((k) => k.startsWith('access-control-') || k === 'vary')).toEqual([]);
    // Not a preflight: the route table answers (405, there is no OPTIONS route), with CORS headers added.
    const options = await fetch('/items', { method: 'OPTIONS', headers: { origin: APP } });
    expect(options.status).toBe(405);
    expect(options.headers.get('access-control-allow-origin')).toBe(APP);
  });

  test('CORS headers are added to error answers too, so the page can read the error', async () => {
    const { fetch } = await app({ allowOrigins: [APP] });
    const missing = await fetch('/nowhere', { headers: { origin: APP } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe(APP);
  });
});
