import { afterEach, describe, expect, test } from 'vitest';
import { Controller, Depends, Get, createApp, dependency, type App } from '@decorumjs/decorum';
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

@Controller()
class CleanupController {
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

  test('when the handler throws, the error is thrown into the generator and the client gets a 500', async () => {
    log.length = 0;
    const s = await start(createApp({ ...quiet, controllers: [CleanupController] }));
    const res = await s.get('/fails');
    expect(res.status).toBe(500);
    await wait(50);
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
