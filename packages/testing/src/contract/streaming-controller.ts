/**
 * The streaming part of the contract app: Server-Sent Events framed byte for byte, keep-alive comments
 * on an idle stream, `Last-Event-ID`, and a stream that never ends, whose `finally` tells when a client
 * that left closed it.
 */
import { IsString } from 'class-validator';
import { Controller, Depends, Get, LastEventId, Query, ResponseModel, Signal, Sse, SseEvent, dependency } from '@decorumjs/core';

class Token {
  @IsString() text!: string;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keys of the never-ending streams whose generator was closed. */
const closed = new Set<string>();

/** Whether the stream of `key` was closed (for cases that closed the app, so cannot ask it). */
export const streamClosed = (key: string): boolean => closed.has(key);
/** The signals of requests by key, to tell whether a client that left aborted them. */
const signals = new Map<string, AbortSignal>();
/** Keys of the requests whose handler saw the abort event. */
const aborted = new Set<string>();
/** How many times each key's dependency cleanup ran (once, however the stream ended). */
const cleanups = new Map<string, number>();
/** Items each firehose produced so far: bounded when the client reads nothing (back-pressure). */
const produced = new Map<string, number>();

const session = dependency({
  name: 'session',
  inject: [Query('key')],
  *use(key: string) {
    try {
      yield key;
    } finally {
      // A client that left is an error thrown in at the yield: the cleanup still runs, once.
      cleanups.set(key, (cleanups.get(key) ?? 0) + 1);
    }
  },
});

@Controller('streaming')
export class StreamingController {
  @Sse('events')
  async *events() {
    yield 'hello';
    yield 'two\nlines\r\nthree\rfour';
    yield { n: 1, text: 'a\nb' };
    yield new SseEvent({ event: 'update', id: '7', retry: 3000, data: { a: [1] } });
    yield new SseEvent({ comment: 'note\nmore' });
    yield new SseEvent({ data: '' });
    yield new SseEvent({ event: 'end' });
  }

  @Sse('projected') @ResponseModel(Token)
  *projected() {
    yield { text: 'one', secret: 'never sent' };
    yield new SseEvent({ id: '2', data: { text: 'two', secret: 'never sent' } });
    yield 'a string is sent as it is';
  }

  @Sse('injection')
  async *injection(@Query('field') field: string) {
    yield 'before';
    // Refused where the handler builds it: the stream ends without the forged field.
    yield field === 'id' ? new SseEvent({ id: '1\ndata: forged' }) : new SseEvent({ event: 'x\r\nid: forged' });
  }

  @Sse('idle', { keepAliveMs: 40 })
  async *idle() {
    await wait(140);
    yield 'late';
  }

  @Sse('resume')
  *resume(@LastEventId() lastEventId: string | undefined) {
    const from = lastEventId === undefined ? 0 : Number(lastEventId);
    for (let id = from + 1; id <= from + 3; id++) yield new SseEvent({ id: String(id), data: { id, resumed: lastEventId ?? null } });
  }

  @Sse('forever')
  async *forever(@Depends(session) key: string, @Signal() signal: AbortSignal) {
    signals.set(key, signal);
    try {
      for (let tick = 0; ; tick++) {
        yield { tick };
        await wait(10);
      }
    } finally {
      closed.add(key);
    }
  }

  /** Waits for the client to leave, as a long model call would, then stops. */
  @Get('wait')
  async wait(@Query('key') key: string, @Signal() signal: AbortSignal) {
    signals.set(key, signal);
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    aborted.add(key);
    return { aborted: true };
  }

  @Get('closed')
  closed(@Query('key') key: string) {
    return {
      closed: closed.has(key), aborted: aborted.has(key), signalled: signals.get(key)?.aborted ?? null,
      cleanups: cleanups.get(key) ?? 0, produced: produced.get(key) ?? 0,
    };
  }

  /** JSON Lines of 16 KiB as fast as the client takes them. */
  @Get('firehose')
  async *firehose(@Query('key') key: string) {
    const pad = 'x'.repeat(16 * 1024);
    for (let n = 0; ; n++) {
      produced.set(key, n + 1);
      yield { n, pad };
    }
  }
}
