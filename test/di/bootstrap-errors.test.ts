import { describe, expect, test } from 'vitest';
import { Controller, Depends, Get, Inject, Injectable, Query, createApp, dependency, DecorumError } from '@decorumjs/decorum';

const quiet = { logger: false as const, shutdownSignals: false as const, openapi: false as const };

async function bootstrapError(controllers: Parameters<typeof createApp>[0]): Promise<DecorumError> {
  const app = createApp({ ...quiet, ...controllers });
  try {
    await app.init();
  } catch (error) {
    expect(error).toBeInstanceOf(DecorumError);
    return error as DecorumError;
  }
  throw new Error('expected a bootstrap error');
}

describe('bootstrap errors explain themselves', () => {
  test("a request-scoped cleanup cannot depend on a { scope: 'function' } one (FastAPI's rule)", async () => {
    const session = dependency({ name: 'session', *use() { yield 'session'; } });
    const repository = dependency({ name: 'repository', inject: [Depends(session, { scope: 'function' })], *use(s: string) { yield s; } });
    @Controller() class ReposController {
      @Get() list(@Depends(repository) r: string) { return r; }
    }
    const error = await bootstrapError({ controllers: [ReposController] });
    expect(error.code).toBe('DECORUM_ERR_SCOPE_MISMATCH');
    expect(error.message).toContain("repository is cleaned up after the response, but depends on session with { scope: 'function' }");

    @Controller() class FunctionScopedController {
      @Get() list(@Depends(repository, { scope: 'function' }) r: string) { return r; }
    }
    const app = createApp({ ...quiet, controllers: [FunctionScopedController] });
    await expect(app.init()).resolves.toBeUndefined();
  });

  test('a missing provider names the whole chain', async () => {
    class Db {}
    @Injectable() class ItemsService { constructor(readonly db: Db) {} }
    @Controller() class ItemsController {
      constructor(readonly items: ItemsService) {}
      @Get() list() { return []; }
    }
    const error = await bootstrapError({ controllers: [ItemsController] });
    expect(error.code).toBe('DECORUM_ERR_PROVIDER_MISSING');
    expect(error.message).toContain('ItemsController → ItemsService → Db: no provider for Db');
    expect(error.message).toContain('@Injectable()');
  });

  test('a cycle is reported with its members', async () => {
    @Injectable() class A { constructor(@Inject('B') readonly b: unknown) {} }
    @Injectable() class B { constructor(readonly a: A) {} }
    @Controller() class C {
      constructor(readonly a: A) {}
      @Get() x() { return 1; }
    }
    const error = await bootstrapError({ controllers: [C], providers: [{ provide: 'B', useClass: B }] });
    expect(error.code).toBe('DECORUM_ERR_PROVIDER_CYCLE');
    expect(error.message).toContain('A → B → A');
  });

  test('a singleton that depends on a request-scoped provider is refused, with the alternative', async () => {
    @Injectable({ scope: 'request' }) class RequestUser { constructor(@Query('user') readonly name: string) {} }
    @Controller() class UsesUser {
      constructor(readonly user: RequestUser) {}
      @Get() x() { return 1; }
    }
    const error = await bootstrapError({ controllers: [UsesUser] });
    expect(error.code).toBe('DECORUM_ERR_SCOPE_MISMATCH');
    expect(error.message).toMatch(/UsesUser is a singleton but depends on RequestUser, which is request-scoped/);
    expect(error.message).toContain('@Depends(');
  });

  test('a singleton reading request data in its constructor must say it is request-scoped', async () => {
    @Injectable() class Paging { constructor(@Query('limit') readonly limit: string) {} }
    @Controller() class P {
      @Get() x(@Depends(Paging) p: Paging) { return p.limit; }
    }
    const error = await bootstrapError({ controllers: [P] });
    expect(error.code).toBe('DECORUM_ERR_SCOPE_MISMATCH');
    expect(error.message).toContain("@Injectable({ scope: 'request' })");
  });

  test('an interface-typed constructor parameter says to inject by token', async () => {
    interface Clock { now(): number }
    @Injectable() class UsesClock { constructor(readonly clock: Clock) {} }
    @Controller() class K {
      constructor(readonly c: UsesClock) {}
      @Get() x() { return 1; }
    }
    const error = await bootstrapError({ controllers: [K] });
    expect(error.message).toMatch(/interface, a union or a type alias.*@Inject\(MY_TOKEN\)/s);
  });

  test('missing decorator metadata (as esbuild or tsx compile) is named, with the fix', async () => {
    class Service {}
    // What a compiler without emitDecoratorMetadata leaves: a constructor parameter and no design:paramtypes.
    class NoMetadata { constructor(readonly s: Service) {} }
    Injectable()(NoMetadata);
    Reflect.deleteMetadata('design:paramtypes', NoMetadata);
    @Controller() class M {
      constructor(@Inject(NoMetadata) readonly n: NoMetadata) {}
      @Get() x() { return 1; }
    }
    const error = await bootstrapError({ controllers: [M] });
    expect(error.code).toBe('DECORUM_ERR_METADATA_MISSING');
    expect(error.message).toContain('emitDecoratorMetadata');
    expect(error.message).toContain('esbuild and tsx');
  });

  test('app.get() of what the app did not build says how to reach it', async () => {
    @Injectable({ scope: 'request' }) class PerRequest {}
    @Injectable() class Unlisted {}
    const app = createApp({ ...quiet });
    await app.init();
    const perRequest = catchError(() => app.get(PerRequest));
    expect(perRequest.code).toBe('DECORUM_ERR_APP_STATE');
    expect(perRequest.message).toContain('PerRequest was not built at startup: it is request-scoped');
    expect(perRequest.fix).toContain('@Depends(PerRequest)');
    const unlisted = catchError(() => app.get(Unlisted));
    expect(unlisted.code).toBe('DECORUM_ERR_APP_STATE');
    expect(unlisted.fix).toContain('List Unlisted in createApp({ providers })');
    await app.close();
  });
});

function catchError(run: () => unknown): DecorumError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DecorumError);
    return error as DecorumError;
  }
  throw new Error('expected a DecorumError');
}
