// What the contract suite does not cover: the OpenAPI document of an @Sse() route, SseEvent's checks,
// a failing background task logged with the request id, and the test client awaiting the tasks.
import { IsString } from 'class-validator';
import { describe, expect, test } from 'vitest';
import {
  Background, BackgroundTasks, Controller, NotFound, Post, ResponseModel, Sse, SseEvent, createApp, openApiDocument, requestId,
  type Logger,
} from '@decorumjs/decorum';
import { createTestClient } from '@decorumjs/testing';
import { expectValidOpenApi } from '../openapi/expect-valid-openapi.js';

class Token {
  @IsString() text!: string;
}

const done: string[] = [];

@Controller()
class ChatController {
  @Sse('tokens') @ResponseModel(Token)
  async *tokens() {
    yield { text: 'hi' };
  }

  @Sse('untyped')
  *untyped() {
    yield 'x';
  }

  @Post('jobs')
  jobs(@Background() tasks: BackgroundTasks) {
    tasks.add(() => {
      throw new Error('mail server down');
    });
    tasks.add(async (name: string) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      done.push(name);
    }, 'report');
    return { accepted: true };
  }

  @Post('missing')
  missing(@Background() tasks: BackgroundTasks) {
    tasks.add(() => done.push('never'));
    throw new NotFound('No such job');
  }
}

describe('Server-Sent Events', () => {
  test('OpenAPI documents an @Sse() route as text/event-stream with the data schema', async () => {
    const app = createApp({ controllers: [ChatController], logger: false });
    const doc = await openApiDocument(app);
    await expectValidOpenApi(doc);
    const tokens = (doc.paths['/tokens'] as { get: { responses: Record<string, { content: Record<string, unknown> }> } }).get;
    expect(tokens.responses['200']?.content).toEqual({ 'text/event-stream': { schema: { $ref: '#/components/schemas/Token' } } });
    const untyped = (doc.paths['/untyped'] as { get: { responses: Record<string, { content: Record<string, unknown> }> } }).get;
    expect(untyped.responses['200']?.content).toEqual({ 'text/event-stream': { schema: {} } });
  });

  test('SseEvent refuses fields that would break out of their line, and a bad retry', () => {
    expect(() => new SseEvent({ event: 'a\nb' })).toThrow(/event must be a single line/);
    expect(() => new SseEvent({ id: 'a\rb' })).toThrow(/id must be a single line/);
    expect(() => new SseEvent({ id: 'a\0b' })).toThrow(/without NUL/);
    expect(() => new SseEvent({ retry: -1 })).toThrow(/retry/);
    expect(() => new SseEvent({ retry: 1.5 })).toThrow(/retry/);
    expect(new SseEvent({ data: 'multi\nline', comment: 'c\nd' })).toMatchObject({ data: 'multi\nline', comment: 'c\nd' });
  });

  test('a negative keep-alive interval is refused where the route is declared', () => {
    expect(() => Sse('x', { keepAliveMs: -1 })).toThrow(/keepAliveMs/);
  });
});

describe('background tasks', () => {
  test('the test client awaits them; a failure is logged with the request id and the response is unaffected', async () => {
    const errors: Array<Record<string, unknown>> = [];
    const logger: Logger = {
      error: (obj) => errors.push(obj as Record<string, unknown>), warn: () => undefined, info: () => undefined, debug: () => undefined,
    };
    const app = createApp({ controllers: [ChatController], logger, openapi: false, middleware: [requestId()] });
    const client = await createTestClient(app);
    try {
      const res = await client.post('/jobs', { headers: { 'x-request-id': 'req-42' } });
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ accepted: true });
      expect(done).toEqual([]);
      await client.backgroundTasks();
      expect(done).toEqual(['report']);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ requestId: 'req-42', task: 0, route: 'ChatController.jobs' });
      // As in FastAPI, the tasks go with the route's own response: an error response drops them.
      expect((await client.post('/missing')).status).toBe(404);
      await client.backgroundTasks();
      expect(done).toEqual(['report']);
    } finally {
      await client.close();
    }
  });
});
