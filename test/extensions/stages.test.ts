import { describe, expect, test } from 'vitest';
import {
  Controller, Get, HttpResponse, Param, ParseIntPipe, UseDependencies, UseGuards, UseInterceptors, createApp, type RequestContext,
} from '@decorumjs/decorum';
import { listen, quiet } from './serve.js';

describe('compiled stages', () => {
  test('a route with no extensions runs no stage wrappers: its handle is the plain compiled handle', async () => {
    const audit = (_ctx: RequestContext) => undefined;
    @Controller()
    class Plain {
      @Get('plain') plain() { return { ok: true }; }
      @Get('guarded') @UseGuards(() => true) guarded() { return { ok: true }; }
      @Get('intercepted/:id') @UseInterceptors((_ctx: RequestContext, next: () => Promise<unknown>) => next())
      intercepted(@Param('id', ParseIntPipe) id: number) { return { id }; }
      @Get('piped/:id') piped(@Param('id', ParseIntPipe, (id: number) => id * 2) id: number) { return { id }; }
      @Get('audited') @UseDependencies(audit) audited() { return { ok: true }; }
    }
    const app = createApp({ ...quiet, controllers: [Plain] });
    await app.init();
    const byPath = new Map(app.compiledRoutes.map((c) => [c.def.path, c]));
    expect(byPath.get('/plain')?.stages).toEqual({ guards: null, interceptors: null, pipedParams: 0, sideEffects: 0 });
    // Without middleware the adapter mounts exactly the compiled route's own handle.
    const mounted = app.mountTable().routes.find((r) => r.path === '/plain' && r.method === 'GET');
    expect(mounted?.handle).toBe(byPath.get('/plain')?.handle);

    expect(byPath.get('/guarded')?.stages.guards).toBeTypeOf('function');
    // ParseIntPipe only declares the type: core's coercion parses, so it adds no pipe stage.
    expect(byPath.get('/intercepted/:id')?.stages).toMatchObject({ guards: null, pipedParams: 0 });
    expect(byPath.get('/intercepted/:id')?.stages.interceptors).toBeTypeOf('function');
    expect(byPath.get('/piped/:id')?.stages.pipedParams).toBe(1);
    expect(byPath.get('/audited')?.stages.sideEffects).toBe(1);
    await app.close();
  });

  test('a route with nothing to wait for answers synchronously, making no promise; an async one falls back to one', async () => {
    @Controller()
    class Speeds {
      @Get('now') now() { return { ok: true }; }
      @Get('later') async later() { return { ok: true }; }
    }
    const app = createApp({ ...quiet, controllers: [Speeds] });
    await app.init();
    const sent: Array<[number, string]> = [];
    const request = (url: string) => ({ method: 'GET', url, params: {}, headers: {}, raw: undefined, readBody: async () => new Uint8Array() });
    const reply = { headersSent: false, raw: undefined, send: (status: number, _h: unknown, body: unknown) => void sent.push([status, String(body)]) };
    const byPath = new Map(app.compiledRoutes.map((c) => [c.def.path, c]));
    expect(byPath.get('/now')?.handle(request('/now'), reply)).toBeUndefined();
    expect(sent).toEqual([[200, '{"ok":true}']]);
    const later = byPath.get('/later')?.handle(request('/later'), reply);
    expect(later).toBeInstanceOf(Promise);
    await later;
    expect(sent).toEqual([[200, '{"ok":true}'], [200, '{"ok":true}']]);
    await app.close();
  });

  test('middleware is wrapped only around the routes under its prefix', async () => {
    @Controller()
    class Two {
      @Get('api/a') a() { return 1; }
      @Get('b') b() { return 2; }
    }
    const app = createApp({ ...quiet, controllers: [Two] });
    app.use('/api', (_ctx, next) => next());
    await app.init();
    const compiled = new Map(app.compiledRoutes.map((c) => [c.def.path, c.handle]));
    const mounted = new Map(app.mountTable().routes.filter((r) => r.method === 'GET').map((r) => [r.path, r.handle]));
    expect(mounted.get('/b')).toBe(compiled.get('/b'));
    expect(mounted.get('/api/a')).not.toBe(compiled.get('/api/a'));
    await app.close();
  });

  test('every stage in order: middleware → guards → pipes → interceptors → handler → interceptors → serialization → exception handlers', async () => {
    const log: string[] = [];
    class Ledger {
      constructor(readonly id: number) {}
      toJSON() {
        log.push('serialize');
        return { id: this.id };
      }
    }
    class LedgerMissing extends Error {}
    @Controller('ledger')
    @UseGuards(() => { log.push('guard'); return true; })
    @UseInterceptors(async (_ctx: RequestContext, next: () => Promise<unknown>) => {
      log.push('interceptor:before');
      try {
        return await next();
      } finally {
        log.push('interceptor:after');
      }
    })
    class LedgerController {
      @Get(':id')
      read(@Param('id', ParseIntPipe, (id: number) => { log.push('pipe'); return id; }) id: number) {
        log.push('handler');
        if (id === 0) throw new LedgerMissing();
        return new Ledger(id);
      }
    }
    const app = createApp({ ...quiet, controllers: [LedgerController] });
    app.use(async (_ctx, next) => {
      log.push('middleware:before');
      const response = await next();
      log.push('middleware:after');
      return response;
    });
    app.exceptionHandler(LedgerMissing, () => {
      log.push('exception handler');
      return HttpResponse.json({ detail: 'No such ledger' }, { status: 404 });
    });
    const { fetch } = await listen(app);

    const found = await fetch('/ledger/7');
    expect(await found.json()).toEqual({ id: 7 });
    expect(log.splice(0)).toEqual([
      'middleware:before', 'guard', 'pipe', 'interceptor:before', 'handler', 'interceptor:after', 'serialize', 'middleware:after',
    ]);

    const missing = await fetch('/ledger/0');
    expect(missing.status).toBe(404);
    expect(log.splice(0)).toEqual([
      'middleware:before', 'guard', 'pipe', 'interceptor:before', 'handler', 'interceptor:after', 'exception handler', 'middleware:after',
    ]);

    // Validation fails before pipes and interceptors: neither runs, nor does the handler.
    expect((await fetch('/ledger/x')).status).toBe(422);
    expect(log.splice(0)).toEqual(['middleware:before', 'guard', 'middleware:after']);
  });
});
