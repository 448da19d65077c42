/**
 * Server-Sent Events on every adapter: the wire format byte for byte (HTML § 9.2), the headers proxies
 * need, keep-alive comments while the handler is idle, `Last-Event-ID`, and a client that leaves
 * closing the handler's generator.
 */
import { describe, expect, test } from 'vitest';
import type { Logger } from '@decorumjs/core';
import type { ContractAppOptions, RequestTarget, ServedApp } from '../serve.js';
import { streamClosed } from '../streaming-controller.js';

type Launch = (options?: ContractAppOptions) => Promise<ServedApp>;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function streamingCases(fetch: RequestTarget, launch: Launch): void {
  describe('Server-Sent Events', () => {
    test('events are framed per the HTML spec, byte for byte', async () => {
      const res = await fetch('/streaming/events');
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(
        'data: hello\n\n'
        + 'data: two\ndata: lines\ndata: three\ndata: four\n\n'
        + 'data: {"n":1,"text":"a\\nb"}\n\n'
        + 'event: update\nid: 7\nretry: 3000\ndata: {"a":[1]}\n\n'
        + ': note\n: more\n\n'
        + 'data: \n\n'
        + 'event: end\n\n',
      );
    });

    test('the headers say event stream, no caching and no proxy buffering', async () => {
      const res = await fetch('/streaming/events');
      expect(res.headers.get('content-type')).toBe('text/event-stream');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-accel-buffering')).toBe('no');
      expect(res.headers.get('content-length')).toBeNull();
      await res.text();
    });

    test('HEAD on an endless stream answers the headers at once and closes the generator', async () => {
      const key = uniqueKey();
      const res = await fetch(`/streaming/forever?key=${key}`, { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/event-stream');
      expect(await res.text()).toBe('');
      expect(await until(fetch, key, (s) => s.cleanups > 0)).toMatchObject({ cleanups: 1 });
    });

    test('the response model projects each event\'s data', async () => {
      const res = await fetch('/streaming/projected');
      expect(await res.text()).toBe('data: {"text":"one"}\n\nid: 2\ndata: {"text":"two"}\n\ndata: a string is sent as it is\n\n');
    });

    test.each(['id', 'event'])('a newline in %s cannot inject a field: the stream ends before it', async (field) => {
      // The failure comes after the first byte, so the stream is cut: a reset (which may reach the
      // client before the event written just ahead of it), or a clean end in-process.
      const text = await fetch(`/streaming/injection?field=${field}`).then(readUntilEnd, () => '');
      expect(['', 'data: before\n\n']).toContain(text);
    });

    test('an idle stream sends keep-alive comments until the next event', async () => {
      const res = await fetch('/streaming/idle');
      const body = await res.text();
      expect(body).toMatch(/^(: keep-alive\n\n){2,3}data: late\n\n$/);
    });

    test('Last-Event-ID reaches the handler, which resumes after it', async () => {
      const first = await (await fetch('/streaming/resume')).text();
      expect(first).toBe('id: 1\ndata: {"id":1,"resumed":null}\n\nid: 2\ndata: {"id":2,"resumed":null}\n\nid: 3\ndata: {"id":3,"resumed":null}\n\n');
      const again = await (await fetch('/streaming/resume', { headers: { 'last-event-id': '3' } })).text();
      expect(again).toBe('id: 4\ndata: {"id":4,"resumed":"3"}\n\nid: 5\ndata: {"id":5,"resumed":"3"}\n\nid: 6\ndata: {"id":6,"resumed":"3"}\n\n');
    });

    test('a client that leaves closes the handler\'s generator, so its finally runs, and fires the signal', async () => {
      const key = uniqueKey();
      const controller = new AbortController();
      const res = await fetch(`/streaming/forever?key=${key}`, { signal: controller.signal });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toMatch(/^data: \{"tick":0\}\n\n/);
      expect(await state(fetch, key)).toMatchObject({ closed: false, aborted: false, signalled: false, cleanups: 0 });
      controller.abort();
      await reader.cancel().catch(() => undefined);
      expect(await until(fetch, key, (s) => s.closed && s.signalled === true && s.cleanups > 0))
        .toMatchObject({ closed: true, aborted: false, signalled: true, cleanups: 1 });
      await wait(50);
      expect((await state(fetch, key)).cleanups).toBe(1);
    });
  });

  describe('shutdown', () => {
    test('close() ends an open event stream cleanly instead of waiting out the grace', async () => {
      const served = await launch();
      const key = uniqueKey();
      const res = await served.fetch(`/streaming/forever?key=${key}`);
      const reading = readUntilEnd(res);
      await wait(50);
      const started = Date.now();
      await served.close();
      // The contract app's grace is 500 ms: a stream holding the shutdown would take all of it.
      expect(Date.now() - started).toBeLessThan(400);
      expect(await reading).toMatch(/^(data: \{"tick":\d+\}\n\n)+$/);
      expect(streamClosed(key)).toBe(true);
    });
  });

  describe('back-pressure', () => {
    test('a client that reads nothing stops the generator once the buffers are full', async () => {
      const key = uniqueKey();
      const controller = new AbortController();
      const res = await fetch(`/streaming/firehose?key=${key}`, { signal: controller.signal });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      await wait(300);
      const stalled = (await state(fetch, key)).produced;
      await wait(200);
      const later = (await state(fetch, key)).produced;
      controller.abort();
      await reader.cancel().catch(() => undefined);
      // Items of 16 KiB: without back-pressure the generator would have made gigabytes by now.
      expect(stalled * 16 * 1024).toBeLessThan(32 * 1024 * 1024);
      expect(later).toBe(stalled);
    });
  });

  describe('client disconnects', () => {
    test('a client leaving a stream is no server error: logged at debug level at most', async () => {
      const logged: Array<[string, string | undefined]> = [];
      const logger: Logger = {
        error: (_obj, msg) => logged.push(['error', msg]), warn: (_obj, msg) => logged.push(['warn', msg]),
        info: (_obj, msg) => logged.push(['info', msg]), debug: (_obj, msg) => logged.push(['debug', msg]),
      };
      const served = await launch({ logger });
      try {
        const key = uniqueKey();
        const controller = new AbortController();
        const res = await served.fetch(`/streaming/forever?key=${key}`, { signal: controller.signal });
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        await reader.read();
        controller.abort();
        await reader.cancel().catch(() => undefined);
        expect(await until(served.fetch, key, (s) => s.closed)).toMatchObject({ closed: true });
        await wait(50);
        expect(logged.filter(([level]) => level === 'error' || level === 'warn')).toEqual([]);
      } finally {
        await served.close();
      }
    });

    test('@Signal() fires when the client leaves a handler that is still working', async () => {
      const key = uniqueKey();
      const controller = new AbortController();
      const pending = fetch(`/streaming/wait?key=${key}`, { signal: controller.signal }).catch(() => undefined);
      expect(await until(fetch, key, (s) => s.signalled === false)).toMatchObject({ closed: false, aborted: false, signalled: false });
      controller.abort();
      expect(await until(fetch, key, (s) => s.aborted)).toMatchObject({ closed: false, aborted: true, signalled: true });
      await pending;
    });
  });
}

/** The body as far as it got: a stream cut by the server ends the text instead of failing the read. */
async function readUntilEnd(res: Response): Promise<string> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return text;
  }
}

interface StreamState {
  closed: boolean;
  cleanups: number;
  produced: number;
  aborted: boolean;
  signalled: boolean | null;
}

const uniqueKey = (): string => `k${Math.random().toString(36).slice(2)}`;

async function state(fetch: RequestTarget, key: string): Promise<StreamState> {
  return (await (await fetch(`/streaming/closed?key=${key}`)).json()) as StreamState;
}

/** The route's state once `done` holds, or as it stands after two seconds. */
async function until(fetch: RequestTarget, key: string, done: (s: StreamState) => boolean): Promise<StreamState> {
  let current = await state(fetch, key);
  for (let i = 0; i < 100 && !done(current); i++) {
    await wait(20);
    current = await state(fetch, key);
  }
  return current;
}
