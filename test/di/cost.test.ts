import { afterEach, expect, test, vi } from 'vitest';
import { Controller, Depends, Get, Inject, Injectable, RequestContext, createApp, type App } from '@decorumjs/decorum';
import { serve, type Served } from './serve.js';

let server: Served | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  return server?.close();
});
const start = async (app: App) => (server = await serve(app));

let factoryCalls = 0;
@Injectable() class Config { readonly env = 'test'; }
@Injectable({ scope: 'request' }) class PerRequest { readonly at = Date.now(); }

@Controller()
class CostController {
  @Get('singletons')
  singletons(@Depends(Config) a: Config, @Inject('computed') b: number) {
    return { env: a.env, b };
  }

  @Get('per-request')
  perRequest(@Depends(PerRequest) p: PerRequest) {
    return { fresh: typeof p.at === 'number' };
  }
}

test('a route whose dependencies are all singletons resolves nothing per request', async () => {
  factoryCalls = 0;
  const app = createApp({
    logger: false, shutdownSignals: false, openapi: false, controllers: [CostController],
    providers: [{ provide: 'computed', useFactory: () => ++factoryCalls * 42 }],
  });
  const s = await start(app);
  // The per-request dependency cache lives on the request context; a singleton-only route never opens it.
  const stateReads = vi.spyOn(RequestContext.prototype, 'state', 'get');
  for (let i = 0; i < 20; i++) expect(await (await s.get('/singletons')).json()).toEqual({ env: 'test', b: 42 });
  expect(stateReads).not.toHaveBeenCalled();
  expect(factoryCalls).toBe(1);
  await s.get('/per-request');
  expect(stateReads).toHaveBeenCalled();
});
