/**
 * The fuzz checks its own checks: against an app built to break each rule once, a short run must report
 * every kind of problem; the same seed and case always give the same bytes; adapters are compared fairly.
 */
import { IsInt, IsOptional, IsString } from 'class-validator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Body, Controller, Get, HttpResponse, NodeAdapter, Post, Query, ResponseModel, createApp, openApiDocument,
} from '@decorumjs/decorum';
import { AdapterAnswers } from './compare-adapters.js';
import { draftValid, serialize } from './fuzz-request.js';
import { MUTATORS } from './mutators.js';
import { readOperations, type OpenApiLike } from './operations.js';
import { prngForCase } from './prng.js';
import { runFuzz, type Observation } from './run-fuzz.js';

class Count {
  @IsInt() count!: number;
}

class Note {
  @IsOptional() @IsString() note?: string;
}

@Controller('broken')
class BrokenController {
  // Sent as is (an HttpResponse skips the response model), so only the fuzz can see it breaks the document.
  @Get('schema')
  @ResponseModel(Count)
  schema() {
    return HttpResponse.json({ count: 'many' });
  }

  @Get('refuses')
  refuses(@Query('n', { default: 'x' }) n: string) {
    return HttpResponse.json({ detail: `no ${n}` }, { status: 400 });
  }

  @Get('undeclared')
  undeclared() {
    return HttpResponse.json({ accepted: true }, { status: 202 });
  }

  @Get('crash')
  crash(@Query('n', { default: 'x' }) n: string): never {
    throw new Error(`crash ${n}`);
  }

  @Get('html')
  html() {
    return new HttpResponse('<p>bad request</p>', { status: 400, contentType: 'text/html' });
  }

  @Get('stack')
  stack() {
    return HttpResponse.json({ detail: new Error('leaked').stack }, { status: 404 });
  }

  @Post('pollute')
  pollute(@Body() _body: Note) {
    (Object.prototype as Record<string, unknown>).fuzzCanary = true;
    return { polluted: true };
  }
}

describe('the fuzz reports every kind of problem', () => {
  const app = createApp({ controllers: [BrokenController], logger: false });
  const adapter = new NodeAdapter();
  const observations: Observation[] = [];

  beforeAll(async () => {
    await app.init();
    adapter.mount(app.mountTable());
    const { port } = await adapter.listen(0, '127.0.0.1');
    const document = openApiDocument(app) as OpenApiLike;
    await runFuzz(
      { app: 'broken', adapter: 'node', port, document, headers: [] },
      { seed: 7, cases: Array.from({ length: 60 }, (_, i) => i), timeoutMs: 5000 },
      (observation) => observations.push(observation),
    );
  });
  afterAll(() => adapter.close(500));

  const kinds = () => new Set(observations.flatMap((o) => o.problems.map((p) => p.kind)));

  test.each(['schema', 'undeclared-status', 'status-5xx', 'no-detail', 'leaked-stack', 'polluted', 'valid-refused'])('%s', (kind) => {
    expect([...kinds()]).toContain(kind);
  });

  test('a body that breaks the declared schema is named with the operation and the failing property', () => {
    const messages = observations.flatMap((o) => o.problems.filter((p) => p.kind === 'schema').map((p) => p.message));
    expect(messages).toContainEqual(expect.stringMatching(/^GET \/broken\/schema 200: the body does not match the declared schema: \/count must be integer/));
  });

  test('a request that pollutes a prototype is reported, and the key is removed again', () => {
    expect(({} as Record<string, unknown>).fuzzCanary).toBeUndefined();
  });
});

test('the same seed and case always give the same bytes', () => {
  const document = openApiDocument(createApp({ controllers: [BrokenController], logger: false })) as OpenApiLike;
  const bytesOf = (caseIndex: number) => {
    const rng = prngForCase(20261202, caseIndex);
    const op = rng.pick(readOperations(document));
    return serialize(MUTATORS['malformed-json'](draftValid(document, op, rng, []), rng) ?? { method: 'GET', target: '/', headers: [] }, 'h');
  };
  expect(bytesOf(3).equals(bytesOf(3))).toBe(true);
  expect(bytesOf(3).equals(bytesOf(4))).toBe(false);
});

describe('comparing adapters', () => {
  const observe = (adapter: string, caseIndex: number, method: string, status: number): Observation => ({
    app: 'a', adapter, seed: 1, caseIndex, family: 'valid', request: { method, target: '/x', headers: [] },
    bytes: Buffer.alloc(0), size: 0, sameConnection: false, problems: [],
    result: { ok: true, response: { status, headers: {}, body: Buffer.alloc(0) } },
  });
  const compare = (cases: Array<[string, Record<string, number>]>) => {
    const answers = new AdapterAnswers();
    cases.forEach(([method, statuses], i) => {
      for (const [adapter, status] of Object.entries(statuses)) answers.record(observe(adapter, i, method, status));
    });
    return answers.disagreements('a').map(({ observation, problem }) => `${observation.caseIndex} ${problem.message.split(' (')[0]}`);
  };

  test('each status unlike node’s is a difference of that adapter', () => {
    expect(compare([['GET', { node: 404, fastify: 405, fetch: 404 }], ['GET', { node: 200, fastify: 200, fetch: 200 }]]))
      .toEqual(['0 fastify answered 405 where node answered 404']);
  });

  test('after a write that succeeded on one side only, found-or-not reads are the state, not the adapter', () => {
    expect(compare([
      ['POST', { node: 201, fetch: 500 }],
      ['GET', { node: 200, fetch: 404 }],
      ['GET', { node: 200, fetch: 422 }],
    ])).toEqual(['0 fetch answered 500 where node answered 201', '2 fetch answered 422 where node answered 200']);
  });
});
