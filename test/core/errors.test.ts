// Errors as answers: the HttpError family, exception handlers by class, the validation handler, and
// 500s that reveal nothing and leave the server serving.
import { describe, expect, test } from 'vitest';
import {
  Conflict, Controller, Get, HttpError, HttpResponse, Int, NotFound, Query, RequestValidationError, TooManyRequests,
  Unauthorized, type Logger, type RequestContext,
} from '@decorumjs/decorum';
import { serve, start } from './serve.js';

class DomainError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
class OutOfStock extends DomainError {}
class Banned extends DomainError {}
class HandlerBroken extends Error {}

@Controller('e')
class ErrorsController {
  @Get('not-found') notFound() { throw new NotFound('Item not found'); }
  @Get('not-found-default') notFoundDefault() { throw new NotFound(); }
  @Get('unauthorized') unauthorized() { throw new Unauthorized('Not authenticated', { 'WWW-Authenticate': 'Bearer' }); }
  @Get('teapot') teapot() { throw new HttpError(418, { reason: 'short and stout', codes: [1, 2] }, { 'X-Tea': 'earl grey' }); }
  @Get('conflict') async conflict() { await Promise.resolve(); throw new Conflict(); }
  @Get('slow-down') slowDown() { throw new TooManyRequests('Slow down', { 'Retry-After': 30 }); }

  @Get('out-of-stock') outOfStock() { throw new OutOfStock('sku-1'); }
  @Get('banned') banned() { throw new Banned('user-9'); }
  @Get('broken-handler') brokenHandler() { throw new HandlerBroken(); }

  @Get('validated') validated(@Query('n', { type: Int }) n: number, @Query('m', { type: Int }) m: number) { return { n, m }; }

  @Get('crash') crash() { throw new Error('db password=hunter2 at /srv/app/db.ts:12'); }
  @Get('crash-async') async crashAsync() { await new Promise((r) => setTimeout(r, 1)); throw new TypeError('cannot read x of undefined'); }
  @Get('crash-string') crashString() { throw 'a thrown string'; }
  @Get('ok') ok() { return { ok: true }; }
}

const logged: Array<{ obj: unknown; msg?: string }> = [];
const logger: Logger = { error: (obj, msg) => logged.push({ obj, msg }), warn() {}, info() {}, debug() {} };

const api = serve({ controllers: [ErrorsController], logger }, (app) => {
  app.exceptionHandler(DomainError, (err, ctx: RequestContext) =>
    HttpResponse.json({ domain: err.code, path: ctx.path, kind: err.constructor.name }, { status: 409 }));
  app.exceptionHandler(Banned, async (err) => {
    await Promise.resolve();
    return HttpResponse.json({ banned: err.code }, { status: 403, headers: { 'X-Reason': 'ban' } });
  });
  app.exceptionHandler(HandlerBroken, () => {
    throw new Error('the handler itself failed');
  });
  app.exceptionHandler(RequestValidationError, (err) =>
    HttpResponse.json({ message: 'Invalid request', fields: err.errors.map((e) => e.loc.join('.')) }, { status: 400 }));
});

const answer = async (path: string) => {
  const res = await api.get(path);
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
};

describe('HttpError family', () => {
  test('NotFound with a detail, and with its default', async () => {
    expect(await answer('/e/not-found')).toMatchObject({ status: 404, body: { detail: 'Item not found' } });
    expect(await answer('/e/not-found-default')).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
  });

  test('headers are sent with the error', async () => {
    const res = await answer('/e/unauthorized');
    expect(res).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const slow = await answer('/e/slow-down');
    expect(slow.status).toBe(429);
    expect(slow.headers.get('retry-after')).toBe('30');
  });

  test('detail may be any JSON value, status any code', async () => {
    const res = await answer('/e/teapot');
    expect(res).toMatchObject({ status: 418, body: { detail: { reason: 'short and stout', codes: [1, 2] } } });
    expect(res.headers.get('x-tea')).toBe('earl grey');
    expect(res.headers.get('content-type')).toBe('application/json');
  });

  test('thrown from an async handler', async () => {
    expect(await answer('/e/conflict')).toMatchObject({ status: 409, body: { detail: 'Conflict' } });
  });
});

describe('exception handlers', () => {
  test('a base class handler answers its subclasses, with the request context', async () => {
    expect(await answer('/e/out-of-stock')).toMatchObject({
      status: 409, body: { domain: 'sku-1', path: '/e/out-of-stock', kind: 'OutOfStock' },
    });
  });

  test('the most specific handler wins, and may be async', async () => {
    const res = await answer('/e/banned');
    expect(res).toMatchObject({ status: 403, body: { banned: 'user-9' } });
    expect(res.headers.get('x-reason')).toBe('ban');
  });

  test('the validation error handler can be replaced', async () => {
    expect(await answer('/e/validated?n=x')).toEqual(expect.objectContaining({
      status: 400, body: { message: 'Invalid request', fields: ['query.n', 'query.m'] },
    }));
    expect(await answer('/e/validated?n=1&m=2')).toMatchObject({ status: 200, body: { n: 1, m: 2 } });
  });

  test('a handler that throws gives a generic 500', async () => {
    expect(await answer('/e/broken-handler')).toMatchObject({ status: 500, body: { detail: 'Internal Server Error' } });
  });

  test('a handler for NotFound also answers unmatched paths', async () => {
    const { app, url } = await start({ controllers: [ErrorsController] }, (a) =>
      a.exceptionHandler(NotFound, (err, ctx) => HttpResponse.json({ missing: ctx.path, detail: err.detail }, { status: 404 })));
    try {
      const res = await fetch(`${url}/no/such/page`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ missing: '/no/such/page', detail: 'Not Found' });
    } finally {
      await app.close();
    }
  });

  test('a catch-all Error handler leaves HttpErrors and validation errors their own answers', async () => {
    const { app, url } = await start({ controllers: [ErrorsController] }, (a) =>
      a.exceptionHandler(Error, () => HttpResponse.json({ caughtAll: true }, { status: 503 })));
    try {
      const status = async (path: string) => {
        const res = await fetch(url + path);
        return [res.status, await res.json()];
      };
      expect(await status('/e/crash')).toEqual([503, { caughtAll: true }]);
      expect(await status('/e/not-found')).toEqual([404, { detail: 'Item not found' }]);
      expect(await status('/nowhere')).toEqual([404, { detail: 'Not Found' }]);
      expect(await status('/e/validated')).toEqual([422, { detail: expect.any(Array) }]);
    } finally {
      await app.close();
    }
  });

  test('errors without a handler keep their default answer', async () => {
    expect(await answer('/e/not-found')).toMatchObject({ status: 404 });
  });
});

describe('500 isolation', () => {
  test.each(['/e/crash', '/e/crash-async', '/e/crash-string'])('%s answers a generic 500 and the next request is served', async (path) => {
    const res = await api.get(path);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ detail: 'Internal Server Error' });
    expect(text).not.toMatch(/hunter2|undefined|thrown string|\bat\b|\.ts/);
    expect(await answer('/e/ok')).toMatchObject({ status: 200, body: { ok: true } });
  });

  test('the error is logged with its request', async () => {
    logged.length = 0;
    await api.get('/e/crash');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.obj).toMatchObject({ method: 'GET', url: '/e/crash', route: 'ErrorsController.crash', err: expect.any(Error) });
  });

  test('many failing requests at once do not disturb healthy ones', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => api.get(i % 2 ? '/e/crash-async' : '/e/ok')));
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 500 : 200)));
  });
});
