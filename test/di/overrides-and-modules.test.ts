import { afterEach, describe, expect, test } from 'vitest';
import { Controller, Depends, Get, Inject, Injectable, InjectionToken, createApp, defineModule, dependency, type App } from '@decorumjs/decorum';
import { serve, type Served } from './serve.js';

const servers: Served[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const start = async (app: App) => {
  const s = await serve(app);
  servers.push(s);
  return s;
};
const quiet = { logger: false as const, shutdownSignals: false as const, openapi: false as const };

interface Store { name(): string }
const STORE = new InjectionToken<Store>('Store');

@Injectable()
class RealStore implements Store {
  name() { return 'real'; }
}

@Injectable()
class Greeter {
  constructor(@Inject(STORE) private readonly store: Store) {}
  greet() { return `hello from ${this.store.name()}`; }
}

const currentUser = dependency({ name: 'currentUser', use: () => ({ name: 'real user' }) });

@Controller('things')
class ThingsController {
  constructor(private readonly greeter: Greeter) {}

  @Get()
  read(@Depends(currentUser) user: { name: string }) {
    return { greeting: this.greeter.greet(), user: user.name };
  }
}

const make = () => createApp({ ...quiet, controllers: [ThingsController], providers: [{ provide: STORE, useClass: RealStore }] });

describe('overrides', () => {
  test('replace a provider and a dependency for one app instance, without touching the code under test', async () => {
    const overridden = make()
      .override(STORE, { useValue: { name: () => 'fake' } })
      .override(currentUser, dependency({ name: 'fakeUser', use: () => ({ name: 'test user' }) }));
    const plain = make();
    const [a, b] = [await start(overridden), await start(plain)];
    expect(await (await a.get('/things')).json()).toEqual({ greeting: 'hello from fake', user: 'test user' });
    expect(await (await b.get('/things')).json()).toEqual({ greeting: 'hello from real', user: 'real user' });
  });

  test('a class can stand in for a class provider', async () => {
    @Injectable() class OtherStore implements Store { name() { return 'other'; } }
    const s = await start(make().override(STORE, OtherStore));
    expect(await (await s.get('/things')).json()).toMatchObject({ greeting: 'hello from other' });
  });

  test('overriding after the app started is refused with a clear error', async () => {
    const app = make();
    await start(app);
    expect(() => app.override(STORE, { useValue: {} })).toThrow(/after the route table was built/);
  });
});

describe('modules', () => {
  test('group controllers and providers under a prefix and tags; modules nest', async () => {
    const inner = defineModule({ prefix: 'inner', tags: ['inner'], controllers: [ThingsController] });
    const outer = defineModule({ prefix: '/api/', tags: ['api'], providers: [{ provide: STORE, useClass: RealStore }], modules: [inner] });
    const app = createApp({ ...quiet, modules: [outer] });
    const s = await start(app);
    expect((await s.get('/api/inner/things')).status).toBe(200);
    expect(app.routes.map((r) => [r.method, r.path, r.info.tags])).toEqual([['GET', '/api/inner/things', ['api', 'inner']]]);
  });
});
