import { afterEach, describe, expect, test } from 'vitest';
import { Controller, Get, Inject, Injectable, InjectionToken, createApp, type App } from '@decorumjs/decorum';
import { serve, type Served } from './serve.js';

let server: Served | undefined;
afterEach(() => server?.close());
const start = async (app: App) => (server = await serve(app));
const quiet = { logger: false as const, shutdownSignals: false as const };

interface Clock { now(): string }
const CLOCK = new InjectionToken<Clock>('Clock');
const GREETING = 'greeting';
const PREFIX = Symbol('prefix');

@Injectable()
class Repo {
  readonly name = 'repo';
}

@Injectable()
class Service {
  constructor(readonly repo: Repo, @Inject(CLOCK) readonly clock: Clock, @Inject(GREETING) readonly greeting: string) {}
}

@Controller()
class InjectedController {
  constructor(readonly service: Service, @Inject(PREFIX) readonly prefix: string, @Inject('alias') readonly alias: Clock) {}

  @Get('wired')
  wired() {
    return {
      repo: this.service.repo.name,
      now: this.service.clock.now(),
      greeting: `${this.prefix}${this.service.greeting}`,
      aliasIsClock: this.alias === this.service.clock,
    };
  }
}

describe('providers', () => {
  test('constructor injection by type and by token (InjectionToken, string, symbol), value, factory and alias', async () => {
    const app = createApp({
      ...quiet,
      controllers: [InjectedController],
      providers: [
        { provide: CLOCK, useValue: { now: () => '12:00' } },
        { provide: GREETING, useFactory: async () => 'hello' },
        { provide: PREFIX, useFactory: (clock: Clock) => `[${clock.now()}] `, inject: [CLOCK] },
        { provide: 'alias', useExisting: CLOCK },
      ],
    });
    const s = await start(app);
    expect(await (await s.get('/wired')).json()).toEqual({
      repo: 'repo', now: '12:00', greeting: '[12:00] hello', aliasIsClock: true,
    });
  });

  test('async factories are awaited before the app listens', async () => {
    const events: string[] = [];
    @Controller()
    class ReadyController {
      constructor(@Inject('pool') readonly pool: { ready: boolean }) {}
      @Get('ready') ready() { return { ready: this.pool.ready }; }
    }
    const app = createApp({
      ...quiet,
      controllers: [ReadyController],
      providers: [{
        provide: 'pool',
        useFactory: async () => {
          await new Promise((r) => setTimeout(r, 50));
          events.push('pool built');
          return { ready: true };
        },
      }],
    });
    const listening = app.listen(0).then((a) => {
      events.push('listening');
      return a;
    });
    const { url } = await listening;
    server = { url, close: () => app.close() } as Served;
    expect(events).toEqual(['pool built', 'listening']);
    expect(await (await fetch(`${url}/ready`)).json()).toEqual({ ready: true });
  });

  test('a useClass provider replaces the class behind a token', async () => {
    @Injectable() class RealClock implements Clock { now() { return 'real'; } }
    @Controller()
    class ClockController {
      constructor(@Inject(CLOCK) readonly clock: Clock) {}
      @Get('clock') read() { return this.clock.now(); }
    }
    const s = await start(createApp({ ...quiet, controllers: [ClockController], providers: [{ provide: CLOCK, useClass: RealClock }] }));
    expect(await (await s.get('/clock')).json()).toBe('real');
  });
});

describe('scopes', () => {
  let built = { singleton: 0, request: 0, transient: 0 };

  @Injectable() class Single { readonly id = ++built.singleton; }
  @Injectable({ scope: 'request' }) class PerRequest { readonly id = ++built.request; }
  @Injectable({ scope: 'transient' }) class Fresh { readonly id = ++built.transient; }

  @Injectable({ scope: 'request' })
  class UsesBoth {
    constructor(readonly single: Single, readonly perRequest: PerRequest, readonly fresh: Fresh) {}
  }

  @Controller()
  class ScopesController {
    @Get('scopes')
    scopes(
      @Inject(UsesBoth) a: UsesBoth,
      @Inject(PerRequest) perRequest: PerRequest,
      @Inject(Fresh) fresh: Fresh,
      @Inject(Single) single: Single,
    ) {
      return {
        single: single.id, sameSingle: a.single === single,
        perRequest: perRequest.id, sharedWithinRequest: a.perRequest === perRequest,
        transientsDiffer: a.fresh !== fresh,
      };
    }
  }

  test('singleton once per app, request once per request and shared in it, transient once per injection', async () => {
    built = { singleton: 0, request: 0, transient: 0 };
    const s = await start(createApp({ ...quiet, controllers: [ScopesController] }));
    const first = await (await s.get('/scopes')).json();
    const second = await (await s.get('/scopes')).json();
    expect(first).toEqual({ single: 1, sameSingle: true, perRequest: 1, sharedWithinRequest: true, transientsDiffer: true });
    expect(second).toMatchObject({ single: 1, perRequest: 2, sharedWithinRequest: true });
    expect(built.singleton).toBe(1);
    expect(built.transient).toBe(4);
  });
});
