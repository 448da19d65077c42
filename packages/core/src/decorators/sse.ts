/**
 * `@Sse(path)`: a GET route whose handler yields Server-Sent Events (NestJS's name). Yield plain
 * values (sent as `data`, JSON unless a string) or `SseEvent`s for `event`, `id`, `retry` and comments.
 * Unlike NestJS, a plain `{ data }` object is data like any other object: wrap fields in `new SseEvent()`.
 * @example
 * @Sse('tokens') async *tokens(@LastEventId() lastId: string | undefined) {
 *   for (const [i, text] of words.entries()) yield new SseEvent({ id: String(i), data: { text } });
 * }
 */
import { decorumErrors } from '../errors.js';
import { methodRecord } from '../metadata/store.js';
import { DEFAULT_SSE_KEEP_ALIVE_MS } from '../compile/stream-sse.js';
import { Header } from './params.js';

export interface SseOptions {
  /** Sends a comment line after this many ms without an event, so proxies keep the stream open; 0: never. Default 15 000. */
  readonly keepAliveMs?: number;
}

export function Sse(path = '', options: SseOptions = {}): MethodDecorator {
  const keepAliveMs = options.keepAliveMs ?? DEFAULT_SSE_KEEP_ALIVE_MS;
  if (!Number.isFinite(keepAliveMs) || keepAliveMs < 0) throw decorumErrors.sseKeepAlive(keepAliveMs);
  return (target, key) => {
    const record = methodRecord(target, key);
    record.routes.push({ method: 'GET', path });
    record.sse = { keepAliveMs };
  };
}

/** The `Last-Event-ID` a reconnecting `EventSource` sends (undefined on a first connection), to resume from. */
export const LastEventId = (): ParameterDecorator => Header('last-event-id', { optional: true, type: String });
