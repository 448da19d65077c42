// Startup and shutdown: hooks, graceful close with a request in flight, and a request path that does
// no reflection once the app is listening.
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Body, Controller, Get, Header, Int, Param, Post, Query, ResponseModel, createApp, type App } from '@decorumjs/decorum';
import { start } from './serve.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const state = { ready: false };
let releaseSlow: () => void = () => {};
let slowStarted: () => void = () => {};

@Controller('life')
class LifeController {
  @Get('ready') ready() { return { ready: state.ready }; }

  @Get('stuck') stuck() { return new Promise(() => {}); }

  @Get('slow')
  async slow() {
    slowStarted();
    await new Promise<void>((resolve) => (releaseSlow = resolve));
    return { finished: true };
  }
}

class Part {
  @IsString() name!: string;
}

class Order {
  @IsInt() quantity!: number;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Part) parts?: Part[];
}

class Filters {
  @IsInt() page!: number;
  @IsOptional() @IsString() q?: string;
}

@Controller('hot')
class HotController {
  @Post('orders/:id') @ResponseModel(Order)
  order(@Param('id', { type: Int }) id: number, @Body() order: Order, @Header('x-tenant', { default: 't' }) tenant: string) {
    return { ...order, id, tenant, secret: 'x' };
  }

  @Get('search') search(@Query() filters: Filters, @Query('tags', { type: [String], default: [] }) tags: string[]) {
    return { filters, tags };
  }
}

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('startup hooks', () => {
  test('run in order and are awaited before the first request', async () => {
    const order: string[] = [];
    state.ready = false;
    const started = await start({ controllers: [LifeController] }, (a) => {
      a.onStartup(async () => {
        await sleep(30);
        order.push('first');
      });
      a.onStartup(() => {
        order.push('second');
        state.ready = true;
      });
    });
    app = started.app;
    expect(order).toEqual(['first', 'second']);
    expect(await (await fetch(`${started.url}/life/ready`)).json()).toEqual({ ready: true });
  });

  test('a failing startup hook fails listen and nothing is served', async () => {
    const failing = await start({ controllers: [LifeController] }, (a) => a.onStartup(() => {
      throw new Error('database unreachable');
    })).catch((e: unknown) => e);
    expect(failing).toBeInstanceOf(Error);
    expect((failing as Error).message).toBe('database unreachable');
  });
});

describe('shutdown', () => {
  test('hooks run in reverse order on close(), awaited, even after one fails', async () => {
    const order: string[] = [];
    const started = await start({ controllers: [LifeController] }, (a) => {
      a.onShutdown(() => void order.push('registered first'));
      a.onShutdown(() => {
        order.push('failing');
        throw new Error('cleanup failed');
      });
      a.onShutdown(async () => {
        await sleep(20);
        order.push('registered last');
      });
    });
    await started.app.close();
    expect(order).toEqual(['registered last', 'failing', 'registered first']);
    await started.app.close();
    expect(order).toHaveLength(3);
    await expect(fetch(`${started.url}/life/ready`)).rejects.toThrow();
  });

  test('close() lets an in-flight slow request finish, then stops', async () => {
    const started = await start({ controllers: [LifeController] });
    const handlerRunning = new Promise<void>((resolve) => (slowStarted = resolve));
    const response = fetch(`${started.url}/life/slow`);
    await handlerRunning;
    let closed = false;
    const closing = started.app.close().then(() => (closed = true));
    await sleep(50);
    expect(closed).toBe(false);
    releaseSlow();
    const res = await response;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ finished: true });
    await closing;
    expect(closed).toBe(true);
  });
});

describe('shutdown grace', () => {
  test('a request that never ends is cut off after shutdownGraceMs', async () => {
    const started = await start({ controllers: [LifeController], shutdownGraceMs: 100 });
    const response = fetch(`${started.url}/life/stuck`).then(() => 'answered', () => 'cut off');
    await sleep(20);
    const before = performance.now();
    await started.app.close();
    // Far below a hang, far above the 100 ms grace: CPU steal on a shared machine costs seconds.
    expect(performance.now() - before).toBeLessThan(5_000);
    expect(await response).toBe('cut off');
  });
});

describe('idle connections', () => {
  test('an idle keep-alive connection does not hold close() for the grace period', async () => {
    const started = await start({ controllers: [LifeController], shutdownGraceMs: 15_000 });
    expect((await fetch(`${started.url}/life/ready`)).status).toBe(200);
    const before = performance.now();
    await started.app.close();
    // Waiting for the idle connection would take the whole 15 s grace period.
    expect(performance.now() - before).toBeLessThan(5_000);
  });
});

describe('bootstrap compiles once', () => {
  test('no reflection happens per request after listen', async () => {
    const started = await start({ controllers: [HotController, LifeController] });
    app = started.app;
    const spies = [
      vi.spyOn(Reflect, 'getMetadata'), vi.spyOn(Reflect, 'getOwnMetadata'),
      vi.spyOn(Reflect, 'hasMetadata'), vi.spyOn(Reflect, 'getMetadataKeys'),
    ];
    try {
      const requests = Array.from({ length: 50 }, (_, i) => {
        switch (i % 4) {
          case 0:
            return fetch(`${started.url}/hot/orders/${i}`, {
              method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ quantity: i, parts: [{ name: 'p' }] }),
            });
          case 1:
            return fetch(`${started.url}/hot/orders/x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"parts":[{}]}' });
          case 2:
            return fetch(`${started.url}/hot/search?page=${i}&q=z&tags=a&tags=b`);
          default:
            return fetch(`${started.url}/nowhere`);
        }
      });
      const statuses = (await Promise.all(requests)).map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(25);
      expect(statuses.filter((s) => s === 422)).toHaveLength(13);
      expect(statuses.filter((s) => s === 404)).toHaveLength(12);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      // The spy does see Decorum's reflection: building another route table reads metadata.
      void createApp({ controllers: [HotController], logger: false }).routes;
      expect(spies[0]).toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
