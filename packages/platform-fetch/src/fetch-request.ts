/**
 * A web-standard `Request` as an `AdapterRequest`. Headers are copied once into node's shape (lower-case
 * names) because that is what core's binders read; the body stream is read only when a route asks.
 */
import { DEFAULT_SERVER_LIMITS, RequestAborted, bodyLimitExceeded, type AdapterRequest, type BodyChunkSink } from '@decorumjs/core';

const EMPTY = new Uint8Array(0);

export class FetchRequest implements AdapterRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | undefined>>;

  constructor(
    readonly raw: Request,
    /** Path and query string, as `AdapterRequest.url` wants them (no scheme or host). */
    readonly url: string,
    readonly remoteAddress?: string,
  ) {
    this.method = raw.method;
    // `Headers` iterates lower-case names, with repeated headers already joined.
    this.headers = Object.fromEntries(raw.headers);
  }

  /**
   * From the `Request`'s own stream. Stopped, it reads and drops the rest in the background, up to the
   * discard bound, so the client can finish sending and read the answer; past the bound it cancels.
   */
  async streamBody(sink: BodyChunkSink): Promise<void> {
    const body = this.raw.body;
    if (body === null) return;
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        throw new RequestAborted({ cause: error });
      });
      if (done) return;
      let more = sink(value);
      if (typeof more !== 'boolean') more = await more;
      if (!more) {
        void discardRest(reader);
        return;
      }
    }
  }

  /** The Request's own signal: `serveFetch` aborts it when the client disconnects, as runtimes do. */
  get signal(): AbortSignal {
    return this.raw.signal;
  }

  async readBody(limit: number): Promise<Uint8Array> {
    const declared = this.raw.headers.get('content-length');
    if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
    const body = this.raw.body;
    if (body === null) return EMPTY;
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        // The body stream broke before its end: the client went away (the runtime says no more).
        throw new RequestAborted({ cause: error });
      });
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
    return chunks.length === 1 ? (chunks[0] as Uint8Array) : concat(chunks, size);
  }
}

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > DEFAULT_SERVER_LIMITS.discardLimit) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: nothing is left to discard.
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(limit: number): Error {
  return bodyLimitExceeded(limit);
}
