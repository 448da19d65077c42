/**
 * `@Sse()` routes stream their generator as Server-Sent Events (`text/event-stream`, HTML § 9.2):
 * each yielded value is one event, a plain value as its `data` (through the response model, JSON
 * unless a string) or an `SseEvent` with its fields. While the generator is idle a comment line goes
 * out every `keepAliveMs`, so proxies and load balancers do not drop the connection. When the client
 * goes away the adapter ends the iteration, which closes the handler's generator (its `finally` runs).
 */
import { SseEvent } from '../http/sse-event.js';
import type { Projector } from './serialize.js';
import { toJson } from './serialize.js';

export const EVENT_STREAM = 'text/event-stream';

/** What an idle stream sends: a comment, which every client ignores. */
export const KEEP_ALIVE = ': keep-alive\n\n';

/** Default keep-alive interval, in ms (as sse-starlette and most proxies' 60 s idle timeouts suggest). */
export const DEFAULT_SSE_KEEP_ALIVE_MS = 15_000;

// Every line end the event-stream grammar knows: CRLF, lone CR, lone LF.
const LINE_END = /\r\n|\r|\n/;

/** One event as wire text, ending in the blank line that dispatches it. */
export function formatSseEvent(item: unknown, project: Projector): string {
  if (!(item instanceof SseEvent)) return dataLines(item, project) + '\n';
  let out = '';
  if (item.comment !== undefined) for (const line of item.comment.split(LINE_END)) out += `: ${line}\n`;
  if (item.event !== undefined) out += `event: ${item.event}\n`;
  if (item.id !== undefined) out += `id: ${item.id}\n`;
  if (item.retry !== undefined) out += `retry: ${item.retry}\n`;
  if (item.data !== undefined) out += dataLines(item.data, project);
  return out + '\n';
}

function dataLines(data: unknown, project: Projector): string {
  const text = typeof data === 'string' ? data : toJson(project(data));
  let out = '';
  for (const line of text.split(LINE_END)) out += `data: ${line}\n`;
  return out;
}

/**
 * The events as wire text, with a keep-alive comment each time `keepAliveMs` passes without one
 * (0: never). Ending this iteration (the client left) closes `items` too.
 */
export async function* toServerSentEvents(
  items: Iterable<unknown> | AsyncIterable<unknown>, project: Projector, keepAliveMs: number, closing?: AbortSignal,
): AsyncGenerator<string> {
  if (closing?.aborted) {
    await closeUnstarted(items);
    return;
  }
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  // True once the handler's iterator ended or threw by itself; anything else ending this generator
  // (return() from the adapter, or throw() as node's Readable.from does on a premature close) closes it.
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The app is closing: end the stream cleanly (the handler's generator is closed), so the client's
  // EventSource reconnects, to another instance, instead of holding the shutdown for its whole grace.
  let onClosing: (() => void) | undefined;
  const closed = closing && new Promise<'closing'>((resolve) => {
    onClosing = () => resolve('closing');
    closing.addEventListener('abort', onClosing, { once: true });
  });
  try {
    for (;;) {
      const next = nextOrIdle(iterator, keepAliveMs, (t) => (timer = t)).catch((error: unknown) => {
        finished = true;
        throw error;
      });
      const step = closed ? await Promise.race([next, closed]) : await next;
      if (step === 'closing') {
        // The pending step settles unread once the generator is closed; its failure is nobody's now.
        next.catch(() => undefined);
        return;
      }
      if (step === 'idle') {
        yield KEEP_ALIVE;
        continue;
      }
      if (step.done) {
        finished = true;
        return;
      }
      yield formatSseEvent(step.value, project);
    }
  } finally {
    clearTimeout(timer);
    if (onClosing) closing?.removeEventListener('abort', onClosing);
    if (!finished) await iterator.return?.();
  }
}

async function closeUnstarted(items: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  await iterator.return?.();
}

// The pending `next()` survives an idle tick: the next call races the same promise again.
const pending = new WeakMap<object, Promise<IteratorResult<unknown>>>();

async function nextOrIdle(
  iterator: Iterator<unknown> | AsyncIterator<unknown>, keepAliveMs: number, onTimer: (timer: ReturnType<typeof setTimeout>) => void,
): Promise<IteratorResult<unknown> | 'idle'> {
  let next = pending.get(iterator);
  if (!next) {
    next = Promise.resolve(iterator.next());
    pending.set(iterator, next);
  }
  if (keepAliveMs === 0) {
    pending.delete(iterator);
    return next;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<'idle'>((resolve) => {
    timer = setTimeout(resolve, keepAliveMs, 'idle');
    onTimer(timer);
  });
  try {
    const step = await Promise.race([next, idle]);
    if (step !== 'idle') pending.delete(iterator);
    return step;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What proxies need to pass events through as they come: no caching, no buffering (nginx reads
 * `X-Accel-Buffering`), and a connection kept open (HTTP/1.1; HTTP/2 servers drop the header).
 */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': EVENT_STREAM,
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

/** The stream stage of an `@Sse()` route, decided at compile time. */
export function sseStream(project: Projector, keepAliveMs: number, closing?: AbortSignal) {
  return (items: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<string> => toServerSentEvents(items, project, keepAliveMs, closing);
}
