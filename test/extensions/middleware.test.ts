import { describe, expect, test } from 'vitest';
import { Controller, Get, HttpResponse, Post, TooManyRequests, withCondition, type Middleware } from '@decorumjs/decorum';
import { serve } from './serve.js';

@Controller()
class Pages {
  @Get('hello') hello() { return { hello: 'world' }; }
  @Get('api/items') items() { return [1, 2]; }
  @Get('apix') apix() { return { apix: true }; }
  @Post('api/items') create() { return { created: true }; }
}

const stamp = (name: string): Middleware => async (_ctx, next) => {
  const response = await next();
  const previous = response.headers['x-trail'];
  response.headers['x-trail'] = previous ? `${String(previous)},${name}` : name;
  return response;
};

describe('middleware', () => {
  test('app-level middleware wraps every route and can change the response', async () => {
    const { fetch } = await serve({ controllers: [Pages], middleware: [stamp('app')] });
    const response = await fetch('/hello');
    expect(response.headers.get('x-trail')).toBe('app');
    expect(await response.json()).toEqual({ hello: 'world' });
  });

  test('app.use(prefix, …) applies to the prefix segment-wise, and in order of registration (the first is outermost)', async () => {
    const { fetch } = await serve({ controllers: [Pages] }, (app) => {
      app.use(stamp('outer'));
      app.use('/api', stamp('api'));
    });
    expect((await fetch('/api/items')).headers.get('x-trail')).toBe('api,outer');
    expect((await fetch('/apix')).headers.get('x-trail')).toBe('outer');
    expect((await fetch('/hello')).headers.get('x-trail')).toBe('outer');
  });

  test('runs before routing: 404 and 405 answers pass through it (with their Allow header)', async () => {
    const { fetch } = await serve({ controllers: [Pages] }, (app) => {
      app.use(stamp('app'));
      app.use('/api', stamp('api'));
    });
    const missing = await fetch('/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-trail')).toBe('app');
    const wrongMethod = await fetch('/api/items', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toMatch(/GET/);
    expect(wrongMethod.headers.get('x-trail')).toBe('api,app');
  });

  test('can answer without calling next (a maintenance switch), on matched and unmatched paths', async () => {
    let handled = 0;
    const maintenance: Middleware = (ctx, next) =>
      ctx.headers['x-maintenance'] ? HttpResponse.json({ detail: 'Down for maintenance' }, { status: 503 }) : next();
    const counting: Middleware = (_ctx, next) => {
      handled++;
      return next();
    };
    const { json } = await serve({ controllers: [Pages], middleware: [maintenance, counting] });
    const down = { headers: { 'x-maintenance': '1' } };
    expect(await json('/hello', down)).toMatchObject({ status: 503, body: { detail: 'Down for maintenance' } });
    expect(await json('/nowhere', down)).toMatchObject({ status: 503 });
    expect(handled).toBe(0);
    expect((await json('/hello')).status).toBe(200);
    expect(handled).toBe(1);
  });

  test('can replace the status by returning a new HttpResponse', async () => {
    const created: Middleware = async (ctx, next) => {
      const response = await next();
      return ctx.method === 'POST' ? new HttpResponse(response.body, { status: 201, headers: response.headers }) : response;
    };
    const { json } = await serve({ controllers: [Pages], middleware: [created] });
    expect(await json('/api/items', { method: 'POST' })).toMatchObject({ status: 201, body: { created: true } });
  });

  test('errors thrown in middleware become proper responses: HttpErrors as themselves, others a 500', async () => {
    const limited: Middleware = (ctx, next) => {
      if (ctx.headers['x-flood']) throw new TooManyRequests('Slow down', { 'retry-after': '1' });
      if (ctx.headers['x-bug']) throw new Error('middleware bug');
      return next();
    };
    const { json } = await serve({ controllers: [Pages], middleware: [stamp('outer'), limited] });
    const flood = await json('/hello', { headers: { 'x-flood': '1' } });
    expect(flood).toMatchObject({ status: 429, body: { detail: 'Slow down' } });
    expect(flood.headers.get('retry-after')).toBe('1');
    expect(await json('/nowhere', { headers: { 'x-bug': '1' } })).toMatchObject({ status: 500, body: { detail: 'Internal Server Error' } });
    expect((await json('/hello')).status).toBe(200);
  });

  test('an exception handler the app registers answers errors from middleware too', async () => {
    class Blocked extends Error {}
    const blocker: Middleware = () => {
      throw new Blocked('no');
    };
    const { json } = await serve({ controllers: [Pages], middleware: [blocker] }, (app) => {
      app.exceptionHandler(Blocked, () => HttpResponse.json({ detail: 'Blocked' }, { status: 451 }));
    });
    expect(await json('/hello')).toMatchObject({ status: 451, body: { detail: 'Blocked' } });
  });

  test('a client leaving a streamed response mid-way stops the stream and rejects nothing (vitest fails on unhandled rejections)', async () => {
    let finished: () => void = () => {};
    const closed = new Promise<void>((resolve) => (finished = resolve));
    @Controller()
    class Ticker {
      @Get('ticks')
      ticks() {
        async function* ticks() {
          try {
            for (;;) {
              yield 'data: tick\n\n';
              await new Promise((r) => setTimeout(r, 2));
            }
          } finally {
            finished();
          }
        }
        return new HttpResponse(ticks(), { contentType: 'text/event-stream' });
      }
    }
    const { fetch } = await serve({ controllers: [Ticker], middleware: [stamp('app')] });
    const abort = new AbortController();
    const response = await fetch('/ticks', { signal: abort.signal });
    expect(response.headers.get('x-trail')).toBe('app');
    await (response.body as ReadableStream<Uint8Array>).getReader().read();
    abort.abort();
    await closed;
    await new Promise((r) => setTimeout(r, 20));
  });
  describe('a `when` test', () => {
    const countingStamp = (name: string) => {
      const calls = { count: 0 };
      const middleware: Middleware = (ctx, next) => {
        calls.count++;
        return stamp(name)(ctx, next);
      };
      return { calls, middleware };
    };

    test('skips the middleware for requests it declines, on matched and unmatched paths, and runs it for the others', async () => {
      const { calls, middleware } = countingStamp('writes');
      const { fetch } = await serve({ controllers: [Pages], middleware: [withCondition(middleware, (req) => req.method !== 'GET')] });
      const read = await fetch('/api/items');
      expect(await read.json()).toEqual([1, 2]);
      expect(read.headers.get('x-trail')).toBeNull();
      expect((await fetch('/nowhere')).status).toBe(404);
      expect(calls.count).toBe(0);
      const write = await fetch('/api/items', { method: 'POST' });
      expect(await write.json()).toEqual({ created: true });
      expect(write.headers.get('x-trail')).toBe('writes');
      const notAllowed = await fetch('/hello', { method: 'DELETE' });
      expect(notAllowed.status).toBe(405);
      expect(notAllowed.headers.get('x-trail')).toBe('writes');
      expect(calls.count).toBe(2);
    });

    test('is checked per path prefix, and only the prefix\'s chain is skipped', async () => {
      const { calls, middleware } = countingStamp('api-writes');
      const { fetch } = await serve({ controllers: [Pages] }, (app) => {
        app.use(stamp('outer'));
        app.use('/api', withCondition(middleware, (req) => req.method === 'POST'));
      });
      expect((await fetch('/api/items')).headers.get('x-trail')).toBe('outer');
      expect(calls.count).toBe(0);
      expect((await fetch('/api/items', { method: 'POST' })).headers.get('x-trail')).toBe('api-writes,outer');
      expect(calls.count).toBe(1);
    });

    test('a declining middleware is skipped inside a chain that runs for other middleware', async () => {
      const { calls, middleware } = countingStamp('conditional');
      const wantsPosts = withCondition(middleware, (req) => req.method === 'POST');
      const { fetch } = await serve({ controllers: [Pages], middleware: [stamp('before'), wantsPosts, stamp('after')] });
      const response = await fetch('/hello');
      expect(await response.json()).toEqual({ hello: 'world' });
      expect(response.headers.get('x-trail')).toBe('after,before');
      expect(calls.count).toBe(0);
      expect((await fetch('/api/items', { method: 'POST' })).headers.get('x-trail')).toBe('after,conditional,before');
    });
  });
});
