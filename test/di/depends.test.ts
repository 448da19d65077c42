import { afterEach, describe, expect, test } from 'vitest';
import {
  Controller, Depends, Get, Header, Injectable, Int, Query, RequestContext, Unauthorized, UseDependencies, createApp,
  defineModule, dependency, type App,
} from '@decorumjs/decorum';
import { serve, type Served } from './serve.js';

let server: Served | undefined;
afterEach(() => server?.close());
const start = async (app: App) => (server = await serve(app));
const quiet = { logger: false as const, shutdownSignals: false as const };

let commonCalls = 0;
const common = dependency({
  name: 'common',
  inject: [Query('q', { optional: true })],
  use: (q: string | undefined) => ({ q, call: ++commonCalls }),
});
const first = dependency({ name: 'first', inject: [Depends(common)], use: (c: { call: number }) => c.call });
const second = dependency({ name: 'second', inject: [Depends(common)], use: (c: { call: number }) => c.call });
const uncached = dependency({ name: 'uncached', inject: [Depends(common, { useCache: false })], use: (c: { call: number }) => c.call });

const pagination = dependency({
  name: 'pagination',
  inject: [Query('limit', { type: Int, default: 10, ge: 1, le: 100 }), Query('offset', { type: Int, default: 0, ge: 0 })],
  use: (limit: number, offset: number) => ({ limit, offset }),
});

@Injectable({ scope: 'request' })
class Filters {
  constructor(@Query('tag', { type: [String], default: [] }) readonly tags: string[], @Header('x-locale', { default: 'en' }) readonly locale: string) {}
}

const clientAddress = (ctx: RequestContext) => ctx.headers['user-agent'] ?? 'unknown';

@Controller()
class DependsController {
  @Get('shared')
  shared(@Depends(first) a: number, @Depends(second) b: number, @Depends(uncached) c: number) {
    return { a, b, c };
  }

  @Get('page')
  page(@Depends(pagination) page: { limit: number; offset: number }) {
    return page;
  }

  @Get('filters')
  filters(@Depends(Filters) filters: Filters) {
    return { tags: filters.tags, locale: filters.locale };
  }

  @Get('agent')
  agent(@Depends(clientAddress) agent: string) {
    return { agent };
  }
}

describe('handler dependencies', () => {
  test('a sub-dependency is resolved once per request and shared, unless useCache is false', async () => {
    const s = await start(createApp({ ...quiet, controllers: [DependsController] }));
    commonCalls = 0;
    expect(await (await s.get('/shared')).json()).toEqual({ a: 1, b: 1, c: 2 });
    expect(await (await s.get('/shared')).json()).toEqual({ a: 3, b: 3, c: 4 });
  });

  test('parameters a dependency reads are coerced, validated with the route loc, and defaulted', async () => {
    const s = await start(createApp({ ...quiet, controllers: [DependsController] }));
    expect(await (await s.get('/page')).json()).toEqual({ limit: 10, offset: 0 });
    expect(await (await s.get('/page?limit=5&offset=20')).json()).toEqual({ limit: 5, offset: 20 });
    const bad = await s.get('/page?limit=abc&offset=-1');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      detail: [
        { loc: ['query', 'limit'], type: 'int_parsing' },
        { loc: ['query', 'offset'], type: 'greater_than_equal' },
      ],
    });
  });

  test('parameters read by dependencies are part of the route table', () => {
    const app = createApp({ ...quiet, controllers: [DependsController] });
    const route = app.routes.find((r) => r.path === '/page');
    expect(route?.params.filter((p) => p.index === -1).map((p) => [p.source, p.name, p.type.kind, p.default])).toEqual([
      ['query', 'limit', 'integer', 10],
      ['query', 'offset', 'integer', 0],
    ]);
  });

  test('a request-scoped class dependency reads request data in its constructor', async () => {
    const s = await start(createApp({ ...quiet, controllers: [DependsController] }));
    expect(await (await s.get('/filters?tag=a&tag=b', { headers: { 'X-Locale': 'fr' } })).json()).toEqual({ tags: ['a', 'b'], locale: 'fr' });
    expect(await (await s.get('/filters')).json()).toEqual({ tags: [], locale: 'en' });
  });

  test('a plain function receives the request context', async () => {
    const s = await start(createApp({ ...quiet, controllers: [DependsController] }));
    expect(await (await s.get('/agent', { headers: { 'user-agent': 'probe/1.0' } })).json()).toEqual({ agent: 'probe/1.0' });
  });
});

describe('dependencies run for their side effects', () => {
  const seen: string[] = [];
  const mark = (name: string) => dependency({ name, use: () => void seen.push(name) });
  const verifyToken = dependency({
    name: 'verifyToken',
    inject: [Header('x-token', { optional: true })],
    use: (token: string | undefined) => {
      if (token !== 'ok') throw new Unauthorized('Not authenticated');
    },
  });

  @Controller('guarded')
  @UseDependencies(mark('controller'))
  class GuardedController {
    @Get()
    @UseDependencies(verifyToken, mark('route'))
    read() {
      return { ok: true };
    }
  }

  test('app, module, controller and route dependencies all run, outermost first; a failing one answers', async () => {
    const module = defineModule({ prefix: 'm', controllers: [GuardedController], dependencies: [mark('module')] });
    const app = createApp({ ...quiet, modules: [module], dependencies: [mark('app')] });
    const s = await start(app);
    const denied = await s.get('/m/guarded');
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ detail: 'Not authenticated' });
    seen.length = 0;
    const allowed = await s.get('/m/guarded', { headers: { 'x-token': 'ok' } });
    expect(await allowed.json()).toEqual({ ok: true });
    expect(seen).toEqual(['app', 'module', 'controller', 'route']);
    // The header the auth dependency reads is documented as the route's own parameter.
    expect(app.routes.find((r) => r.path === '/m/guarded')?.params.map((p) => p.name)).toContain('x-token');
  });
});
