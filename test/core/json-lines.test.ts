// A generator handler streams JSON Lines (FastAPI 0.134+): application/jsonl, one item per line,
// each through the response model, sent as produced; dependency cleanup waits for the end.
import { IsString } from 'class-validator';
import { describe, expect, test } from 'vitest';
import { Controller, Depends, Get, Query, ResponseModel, dependency, openApiDocument } from '@decorumjs/decorum';
import { serve } from './serve.js';
import { expectValidOpenApi } from '../openapi/expect-valid-openapi.js';

class Item {
  @IsString() name!: string;
}

const events: string[] = [];
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const connection = dependency({
  name: 'connection',
  async *use() {
    yield 'db';
    events.push('cleanup');
  },
});

@Controller('items')
class StreamController {
  @Get('stream') @ResponseModel(Item)
  async *stream(@Query('n', { type: Number, default: 3 }) n: number, @Depends(connection) _db: string) {
    for (let i = 0; i < n; i++) {
      events.push(`item ${i}`);
      yield { name: `item ${i}`, secret: 'never sent' };
      await wait(20);
    }
  }

  @Get('sync')
  *sync() {
    yield 1;
    yield 'two';
    yield { three: [3] };
    yield null;
  }

  @Get('fails')
  async *fails() {
    yield { ok: true };
    throw new Error('stream broke');
  }
}

const api = serve({ controllers: [StreamController] });

describe('generator handlers stream JSON Lines', () => {
  test('items arrive one per line, through the response model, and cleanup runs after the last', async () => {
    events.length = 0;
    const res = await api.get('/items/stream');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/jsonl');
    expect(await res.text()).toBe('{"name":"item 0"}\n{"name":"item 1"}\n{"name":"item 2"}\n');
    await wait(20);
    expect(events).toEqual(['item 0', 'item 1', 'item 2', 'cleanup']);
  });

  test('the first line is sent before the generator has finished', async () => {
    const res = await api.get('/items/stream?n=50');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const started = Date.now();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('{"name":"item 0"}');
    // 50 items 20 ms apart take a second; the first arrives long before.
    expect(Date.now() - started).toBeLessThan(500);
    await reader.cancel();
  });

  test('HEAD answers the headers without running the stream to the end', async () => {
    const res = await api.get('/items/stream', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/jsonl');
    expect(await res.text()).toBe('');
    expect((await api.get('/items/sync')).status).toBe(200);
  });

  test('a sync generator, with any JSON values', async () => {
    expect(await (await api.get('/items/sync')).text()).toBe('1\n"two"\n{"three":[3]}\nnull\n');
  });

  test('a stream that fails midway ends after the lines it sent, and the app keeps serving', async () => {
    const res = await api.get('/items/fails');
    expect(res.status).toBe(200);
    const text = await res.text().catch(() => 'aborted');
    expect(['{"ok":true}\n', 'aborted']).toContain(text);
    expect((await api.get('/items/sync')).status).toBe(200);
  });

  test('the document says application/jsonl with the item schema', async () => {
    const document = openApiDocument(api.app);
    const ok = (document.paths as Record<string, { get: { responses: Record<string, unknown> } }>)['/items/stream']?.get.responses['200'];
    expect(ok).toEqual({
      description: 'Successful Response: JSON Lines, one item per line',
      content: { 'application/jsonl': { schema: { $ref: '#/components/schemas/Item' } } },
    });
    await expectValidOpenApi(document);
  });
});
