import { afterEach, describe, expect, test } from 'vitest';
import { BadRequest, Controller, Depends, Get, createApp, dependency, type App } from '@decorumjs/decorum';
import { serve, type Served } from './serve.js';

let server: Served | undefined;
afterEach(() => server?.close());
const start = async (app: App) => (server = await serve(app));
const quiet = { logger: false as const, shutdownSignals: false as const };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const log: string[] = [];

const slowResource = dependency({
  name: 'slowResource',
  async *use() {
    log.push('open');
    try {
      yield 'resource';
      await wait(150);
      log.push('closed after success');
    } catch (error) {
      log.push(`closed after ${(error as Error).message}`);
      throw error;
    }
  },
});

class Handle implements AsyncDisposable {
  async [Symbol.asyncDispose]() {
    log.push('disposed');
  }
}
const disposable = dependency({ name: 'disposable', use: () => new Handle() });

const syncGenerator = dependency({
  name: 'syncGenerator',
  *use() {
    yield 'sync';
    log.push('sync generator finished');
  },
});

class OwnerError extends Error {}

// FastAPI's tutorial: a dependency that turns the handler's domain error into a client error.
const ownerCheck = dependency({
  name: 'ownerCheck',
  *use() {
    try {
      yield 'checked';
    } catch (error) {
      log.push('saw the owner error');
      if (error instanceof OwnerError) throw new BadRequest(`Owner error: ${error.message}`);
      throw error;
    }
  },
});

// Swallows whatever it is given: the request's own error must still be answered.
const swallowing = dependency({
  name: 'swallowing',
  *use() {
    try {
      yield 'x';
    } catch {
      log.push('swallowed');
    }
  },
});

const functionScoped = dependency({
  name: 'functionScoped',
  async *use() {
    yield 'session';
    await wait(100);
    log.push('function cleanup');
  },
});

const failingFunctionCleanup = dependency({
  name: 'failingFunctionCleanup',
  *use() {
    yield 'session';
    throw new BadRequest('commit refused');
  },
});

@Controller()
class CleanupController {
  @Get('owner')
  owner(@Depends(ownerCheck) _c: string) {
    throw new OwnerError('Rick');
  }

  @Get('owner-async')
  async ownerAsync(@Depends(slowResource) _r: string, @Depends(ownerCheck) _c: string) {
    await wait(1);
    throw new OwnerError('Morty');
  }

  @Get('swallowed')
  swallowed(@Depends(swallowing) _x: string) {
    throw new OwnerError('nobody');
  }

  @Get('function-scope')
  functionScope(@Depends(functionScoped, { scope: 'function' }) s: string) {
    log.push('handler');
    return { s };
  }

  @Get('function-scope-fails')
  functionScopeFails(@Depends(failingFunctionCleanup, { scope: 'function' }) s: string) {
    return { s };
  }

  @Get('ok')
  ok(@Depends(slowResource) r: string) {
    log.push('handler');
    return { r };
  }

  @Get('fails')
  fails(@Depends(slowResource) _r: string) {
    throw new Error('boom');
  }

  @Get('dispose')
  dispose(@Depends(disposable) _h: Handle, @Depends(syncGenerator) s: string) {
    return { s };
  }
}

describe('cleanup after the response', () => {
  test('generator cleanup runs after the response is sent, not before', async () => {
    log.length = 0;
    const s = await start(createApp({ ...quiet, controllers: [CleanupController] }));
    const res = await s.get('/ok');
    expect(await res.json()).toEqual({ r: 'resource' });
    // The client already has its answer while cleanup is still waiting.
    expect(log).toEqual(['open', 'handler']);
    await wait(250);
    expect(log).toEqual(['open', 'handler', 'closed after success']);
  });

  test('when the handler throws, the error is thrown into the generator before the 500 is sent', async () => {
    log.length = 0;
    const s = await start(createApp({ ...quiet, controllers: [CleanupController] }));
    const res = await s.get('/fails');
    expect(res.status).toBe(500);
    expect(log).toEqual(['open', 'closed after boom']);
  });

  test('disposable values are disposed and sync generators finished', async () => {
    log.length = 0;
    const s = await start(createApp({ ...quiet, controllers: [CleanupController] }));
    expect(await (await s.get('/dispose')).json()).toEqual({ s: 'sync' });
    await wait(50);
    expect(log.sort()).toEqual(['disposed', 'sync generator finished']);
  });
});

describe('dependencies see the handler\'s error before the response is chosen (FastAPI 0.14x)', () => {
  test('a dependency that catches OwnerError and throws BadRequest answers that 400', async () => {
    log.length = 0;
    const s = await start(createApp({ ...quiet, controllers: [CleanupController] }));
    const res = await s.get('/owner');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: 'Owner error: Rick' });
    expect(log).toEqual(['saw the owner error']);
  });

  test('outer dependencies see the replacement error, after the inner one (async handler)', async () => {
    log.length = 0;
    const s = await start(createApp({ ...quiet, controllers: [CleanupController] }));
    const res = await s.get('/owner-async');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: 'Owner error: Morty' });
    expect(log).toEqual(['open', 'saw the owner error', 'closed after Owner error: Morty']);
  });

  test('the same under middleware', async () => {
    log.length = 0;
    const app = createApp({ ...quiet, controllers: [CleanupController] });
    const seen: number[] = [];
    app.use(async (_ctx, next) => {
      const response = await next();
      seen.push(response.status);
      return response;
    });
    const s = await start(app);
    const res = await s.get('/owner');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: 'Owner error: Rick' });
    expect(seen).toEqual([400]);
  });

  test('a dependency that swallows the error leaves the request\'s own error to answer', async () => {
    log.length = 0;
    const s = await start(createApp({ ...quiet, controllers: [CleanupController] }));
    const res = await s.get('/swallowed');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ detail: 'Internal Server Error' });
    expect(log).toEqual(['swallowed']);
  });
});

describe("@Depends(dep, { scope: 'function' })", () => {
  test('cleanup runs before the response is sent', async () => {
    log.length = 0;
    const s = await start(createApp({ ...quiet, controllers: [CleanupController] }));
    const res = await s.get('/function-scope');
    // The client's answer arrives only after the cleanup (which waits 100 ms) has run.
    expect(log).toEqual(['handler', 'function cleanup']);
    expect(await res.json()).toEqual({ s: 'session' });
  });

  test('a cleanup that throws chooses the response', async () => {
    const s = await start(createApp({ ...quiet, controllers: [CleanupController] }));
    const res = await s.get('/function-scope-fails');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: 'commit refused' });
  });
});
