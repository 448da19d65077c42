/**
 * Collects what a route sends into a web-standard `Response` and hands it over at once; a streamed body
 * becomes a `ReadableStream`, and `send` settles when the consumer has read it all (core then runs cleanup).
 * There is no native response object to take over, so `raw` is undefined: return an `HttpResponse` instead.
 */
import type { AdapterResponse, OutgoingBody, OutgoingHeaders } from '@decorumjs/core';

type Deliver = (response: Response) => void;

// `new Response(body, { status })` throws for these when a body is given (fetch spec "null body status").
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
const encoder = new TextEncoder();

export class FetchResponse implements AdapterResponse {
  readonly raw: undefined = undefined;
  #sent = false;

  constructor(
    private readonly deliver: Deliver,
    /** HEAD: headers as for GET, no body (what node:http does for the other adapters). */
    private readonly isHead: boolean,
  ) {}

  get headersSent(): boolean {
    return this.#sent;
  }

  send(status: number, headers: OutgoingHeaders, body: OutgoingBody): void | Promise<void> {
    this.#sent = true;
    const out = toHeaders(headers);
    const bodyless = this.isHead || NULL_BODY_STATUS.has(status);
    if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
      if (!NULL_BODY_STATUS.has(status)) out.set('content-length', String(byteLength(body)));
      this.deliver(new Response(bodyless ? null : body, { status, headers: out }));
      return;
    }
    const iterator = body[Symbol.asyncIterator]();
    if (bodyless) {
      this.deliver(new Response(null, { status, headers: out }));
      // Let a generator run its `finally` blocks: nobody will read it.
      return iterator.return?.().then(() => undefined);
    }
    return new Promise((resolve, reject) => {
      this.deliver(new Response(toStream(iterator, resolve, reject), { status, headers: out }));
    });
  }
}

function toHeaders(headers: OutgoingHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const item of value) out.append(name, String(item));
    else out.set(name, String(value));
  }
  return out;
}

function byteLength(body: string | Uint8Array | null): number {
  if (body === null) return 0;
  return typeof body === 'string' ? encoder.encode(body).byteLength : body.byteLength;
}

function toStream(
  iterator: AsyncIterator<string | Uint8Array>, finished: () => void, failed: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (done) {
          controller.close();
          finished();
        } else {
          controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
        }
      } catch (error) {
        controller.error(error);
        failed(error);
      }
    },
    async cancel() {
      // The client went away: stop the producer, and let core run cleanup.
      await iterator.return?.();
      finished();
    },
    // Pull only when the reader asks: no read-ahead of the producer (a slow reader slows it), and a
    // failure does not discard the chunk before it, which an eager pull would error out of the queue.
  }, { highWaterMark: 0 });
}
