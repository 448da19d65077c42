// The token stream over a real socket: the event-stream bytes, resuming after Last-Event-ID, and a client
// that leaves stopping the model.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answerFor, tokenize } from '../src/fake-model.js';
import { createTokenStreamApp } from '../src/main.js';

const { app, model } = createTokenStreamApp({ delayMs: 2 });
let url = '';
beforeAll(async () => {
  url = (await app.listen(0, '127.0.0.1')).url;
});
afterAll(() => app.close());

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tokenEvent = (id: number, token: string) => `event: token\nid: ${id}\ndata: ${JSON.stringify({ token })}\n\n`;
const DONE = 'event: done\ndata: {}\n\n';

describe('GET /chat/stream', () => {
  test('streams every token of the answer as a token event, then done, byte for byte', async () => {
    const res = await fetch(`${url}/chat/stream?prompt=hi`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const body = await res.text();
    expect(body.startsWith('event: token\nid: 0\ndata: {"token":"You "}\n\nevent: token\nid: 1\ndata: {"token":"asked: "}\n\n')).toBe(true);
    expect(body).toBe(tokenize(answerFor('hi')).map((token, id) => tokenEvent(id, token)).join('') + DONE);
  });

  test('Last-Event-ID: 2 resumes at token 3', async () => {
    const tokens = tokenize(answerFor('hi'));
    const res = await fetch(`${url}/chat/stream?prompt=hi`, { headers: { 'last-event-id': '2' } });
    const body = await res.text();
    expect(body.startsWith(tokenEvent(3, tokens[3] as string))).toBe(true);
    expect(body).toBe(tokens.slice(3).map((token, n) => tokenEvent(n + 3, token)).join('') + DONE);
  });

  test('a missing prompt is a 422 naming it', async () => {
    const res = await fetch(`${url}/chat/stream`);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ detail: [expect.objectContaining({ type: 'missing', loc: ['query', 'prompt'] })] });
  });

  test('a client that leaves mid-stream stops the model', async () => {
    const slow = createTokenStreamApp({ delayMs: 30 });
    const served = await slow.app.listen(0, '127.0.0.1');
    try {
      const controller = new AbortController();
      const res = await fetch(`${served.url}/chat/stream?prompt=leaving`, { signal: controller.signal });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^event: token\nid: 0\n/);
      controller.abort();
      await reader.cancel().catch(() => undefined);
      const run = slow.model.runs[0];
      for (let tries = 0; tries < 100 && run?.outcome === 'running'; tries++) await wait(10);
      expect(run).toMatchObject({ prompt: 'leaving', outcome: 'stopped' });
      const produced = run?.produced ?? 0;
      expect(produced).toBeLessThan(tokenize(answerFor('leaving')).length);
      await wait(100);
      expect(run?.produced).toBe(produced);
    } finally {
      await slow.app.close();
    }
  });

  test('a run that is read to the end is complete', async () => {
    await (await fetch(`${url}/chat/stream?prompt=whole`)).text();
    expect(model.runs.find((run) => run.prompt === 'whole')).toEqual({ prompt: 'whole', produced: tokenize(answerFor('whole')).length, outcome: 'complete' });
  });
});

describe('GET /', () => {
  test('is the HTML page that reads the stream, left out of the OpenAPI document', async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain("new EventSource('/chat/stream?prompt=hi')");
    expect(html).toContain('<div id="answer"></div>');
    const document = await (await fetch(`${url}/openapi.json`)).json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(['/chat/stream']);
  });
});
