import { describe, expect, test } from 'vitest';
import {
  BadRequest, Controller, Get, HttpResponse, Injectable, NotFound, Param, UseInterceptors, type Interceptor, type RequestContext,
} from '@decorumjs/decorum';
import { serve } from './serve.js';

describe('interceptors', () => {
  test('code before and after the handler, in declaration order (the first is the outermost)', async () => {
    const log: string[] = [];
    const around = (name: string): Interceptor => ({
      async intercept(_ctx, next) {
        log.push(`${name}:before`);
        const result = await next();
        log.push(`${name}:after`);
        return result;
      },
    });
    @Controller('around') @UseInterceptors(around('controller'))
    class Around {
      @Get() @UseInterceptors(around('route')) read() { log.push('handler'); return { ok: true }; }
    }
    const { json } = await serve({ controllers: [Around], interceptors: [around('global')] });
    expect((await json('/around')).body).toEqual({ ok: true });
    expect(log).toEqual([
      'global:before', 'controller:before', 'route:before', 'handler', 'route:after', 'controller:after', 'global:after',
    ]);
  });

  test('transforms the result, which is then serialized as usual', async () => {
    const envelope = async (_ctx: RequestContext, next: () => Promise<unknown>) => ({ data: await next(), version: 1 });
    @Controller()
    class Wrapped {
      @Get('wrapped') @UseInterceptors(envelope) read() { return [1, 2]; }
    }
    const { json } = await serve({ controllers: [Wrapped] });
    expect((await json('/wrapped')).body).toEqual({ data: [1, 2], version: 1 });
  });

  test('adds a timing header through ctx.response', async () => {
    const timing: Interceptor = {
      async intercept(ctx, next) {
        const start = performance.now();
        try {
          return await next();
        } finally {
          ctx.response.header('server-timing', `handler;dur=${(performance.now() - start).toFixed(1)}`);
        }
      },
    };
    @Controller()
    class Timed {
      @Get('timed') @UseInterceptors(timing) async read() { await new Promise((r) => setTimeout(r, 5)); return { ok: true }; }
    }
    const { fetch } = await serve({ controllers: [Timed] });
    const response = await fetch('/timed');
    expect(response.status).toBe(200);
    expect(response.headers.get('server-timing')).toMatch(/^handler;dur=\d+\.\d$/);
  });

  test('maps an error the handler throws', async () => {
    class MissingRecord extends Error {}
    const mapErrors: Interceptor = {
      async intercept(_ctx, next) {
        try {
          return await next();
        } catch (error) {
          if (error instanceof MissingRecord) throw new NotFound('Record not found');
          throw error;
        }
      },
    };
    @Controller()
    class Records {
      @Get('records/:id') @UseInterceptors(mapErrors) read(@Param('id') id: string) { throw new MissingRecord(id); }
    }
    const { json } = await serve({ controllers: [Records] });
    expect(await json('/records/7')).toMatchObject({ status: 404, body: { detail: 'Record not found' } });
  });

  test('answers from a cache without calling the handler', async () => {
    let handlerCalls = 0;
    @Injectable() class Cache {
      readonly entries = new Map<string, unknown>();
    }
    @Injectable() class CacheInterceptor implements Interceptor {
      constructor(readonly cache: Cache) {}
      async intercept(ctx: RequestContext, next: () => Promise<unknown>) {
        if (this.cache.entries.has(ctx.url)) return this.cache.entries.get(ctx.url);
        const result = await next();
        this.cache.entries.set(ctx.url, result);
        return result;
      }
    }
    @Controller()
    class Expensive {
      @Get('expensive') @UseInterceptors(CacheInterceptor) read() { return { computed: ++handlerCalls }; }
    }
    const { json } = await serve({ controllers: [Expensive] });
    expect((await json('/expensive')).body).toEqual({ computed: 1 });
    expect((await json('/expensive')).body).toEqual({ computed: 1 });
    expect(handlerCalls).toBe(1);
  });

  test('may return an HttpResponse, and see HttpErrors it does not catch answered as usual', async () => {
    const teapot = async (ctx: RequestContext, next: () => Promise<unknown>) =>
      ctx.query.tea ? new HttpResponse('short and stout', { status: 418, contentType: 'text/plain' }) : next();
    @Controller()
    class Kitchen {
      @Get('kitchen') @UseInterceptors(teapot) read() { throw new BadRequest('No tea requested'); }
    }
    const { fetch, json } = await serve({ controllers: [Kitchen] });
    const tea = await fetch('/kitchen?tea=1');
    expect([tea.status, await tea.text()]).toEqual([418, 'short and stout']);
    expect(await json('/kitchen')).toMatchObject({ status: 400, body: { detail: 'No tea requested' } });
  });
});
