import { describe, expect, test } from 'vitest';
import { Controller, Get, REQUEST_ID, Req, createApp, requestId, requestIdOf, type Logger, type RequestContext } from '@decorumjs/decorum';
import { listen, quiet, serve } from './serve.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

@Controller()
class Ids {
  @Get('id') id(@Req() ctx: RequestContext) { return { id: requestIdOf(ctx), fromState: ctx.state.get(REQUEST_ID) }; }
  @Get('boom') boom(): never { throw new Error('kaboom'); }
}

/** A logger that keeps what it is given, to check Decorum's own log lines. */
function recordingLogger(): Logger & { lines: Array<{ level: string; obj: unknown; msg?: string }> } {
  const lines: Array<{ level: string; obj: unknown; msg?: string }> = [];
  const at = (level: string) => (obj: unknown, msg?: string) => void lines.push({ level, obj, msg });
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

describe('requestId', () => {
  test('a valid incoming x-request-id is kept, echoed, and visible to the handler', async () => {
    const { fetch } = await serve({ controllers: [Ids], middleware: [requestId()] });
    const response = await fetch('/id', { headers: { 'x-request-id': 'lb-7f3a.91:2' } });
    expect(response.headers.get('x-request-id')).toBe('lb-7f3a.91:2');
    expect(await response.json()).toEqual({ id: 'lb-7f3a.91:2', fromState: 'lb-7f3a.91:2' });
  });

  test('a missing or invalid one is replaced by a generated UUID', async () => {
    const { fetch } = await serve({ controllers: [Ids], middleware: [requestId()] });
    const generated = await fetch('/id');
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(await generated.json()).toEqual({ id, fromState: id });
    for (const bad of ['has space', 'x'.repeat(129), '<script>']) {
      expect((await fetch('/id', { headers: { 'x-request-id': bad } })).headers.get('x-request-id')).toMatch(UUID);
    }
  });

  test('a custom header and generator; trustIncoming: false ignores the client\'s', async () => {
    let n = 0;
    const { fetch } = await serve({
      controllers: [Ids], middleware: [requestId({ header: 'X-Correlation-Id', generate: () => `req-${++n}`, trustIncoming: false })],
    });
    const response = await fetch('/id', { headers: { 'x-correlation-id': 'from-client' } });
    expect(response.headers.get('x-correlation-id')).toBe('req-1');
    expect(await response.json()).toMatchObject({ id: 'req-1' });
  });

  test('echoed on 404s and 500s too, and included in the 500 log line and the access log', async () => {
    const logger = recordingLogger();
    const app = createApp({ ...quiet, logger, accessLog: true, controllers: [Ids], middleware: [requestId()] });
    const { fetch } = await listen(app);
    const missing = await fetch('/nowhere', { headers: { 'x-request-id': 'req-404' } });
    expect([missing.status, missing.headers.get('x-request-id')]).toEqual([404, 'req-404']);
    const failed = await fetch('/boom', { headers: { 'x-request-id': 'req-500' } });
    expect([failed.status, failed.headers.get('x-request-id')]).toEqual([500, 'req-500']);

    const unhandled = logger.lines.find((l) => l.msg === 'unhandled error');
    expect(unhandled?.obj).toMatchObject({ requestId: 'req-500', url: '/boom' });
    const access = logger.lines.filter((l) => l.level === 'info' && typeof l.msg === 'string' && /^GET \//.test(l.msg));
    expect(access.map((l) => l.obj)).toEqual([
      expect.objectContaining({ url: '/nowhere', status: 404, requestId: 'req-404' }),
      expect.objectContaining({ url: '/boom', status: 500, requestId: 'req-500' }),
    ]);
  });

  test('without the middleware, log lines have no requestId field', async () => {
    const logger = recordingLogger();
    const { fetch } = await listen(createApp({ ...quiet, logger, accessLog: true, controllers: [Ids] }));
    await fetch('/boom');
    expect(logger.lines.every((l) => !Object.hasOwn(l.obj as object, 'requestId'))).toBe(true);
  });
});
