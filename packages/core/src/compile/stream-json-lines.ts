/**
 * Generator handlers (`RouteDef.streams`) stream JSON Lines, as FastAPI 0.134+ streams a path operation that `yield`s:
 * `application/jsonl`, one item per line, each through the response model, sent as it is produced
 * (the adapters write an `AsyncIterable` body chunk by chunk, with backpressure). A client that goes
 * away ends the iteration, so the generator's `finally` runs; dependency cleanup waits for the end.
 */
import { toJson } from './serialize.js';

export const JSON_LINES = 'application/jsonl';

/** What the handler returned is still its iterator (an interceptor may have replaced it). */
export function isItemStream(value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> {
  if (typeof value !== 'object' || value === null || typeof (value as Iterator<unknown>).next !== 'function') return false;
  return Symbol.asyncIterator in value || Symbol.iterator in value;
}

/**
 * Each item as one line of JSON, through the route's response stage when it has one (projected,
 * validated, defaults filled); JSON text never holds a raw newline, so lines cannot break.
 */
export async function* toJsonLines(
  items: Iterable<unknown> | AsyncIterable<unknown>, respond: ((item: unknown) => unknown) | null,
): AsyncGenerator<string> {
  for await (const item of items) yield `${toJson(respond ? await respond(item) : item)}\n`;
}

/**
 * HEAD on a streaming route: GET's headers and an empty stream (chunked, as GET's, so no
 * `Content-Length: 0`), and the handler's iterator closed unread. Written by adapters as is, an
 * endless stream would otherwise run for ever with its output thrown away.
 */
export async function* closeItems(items: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<string> {
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  await iterator.return?.();
}
