/**
 * A Fastify request as an `AdapterRequest`. Fastify has already read the body (see `mount`: one
 * catch-all parser hands core the raw bytes, under core's body limit), so `readBody` only returns it, or
 * the error Fastify met while reading it, translated to the error core would have raised itself.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { bodyLimitExceeded, type AdapterRequest, type BodyChunkSink } from '@decorumjs/core';
import { NodeRequest, disconnectSignal, streamNodeBody } from '@decorumjs/platform-node';

const EMPTY = new Uint8Array(0);

export class FastifyAdapterRequest implements AdapterRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: FastifyRequest['headers'];
  readonly #bodyError: Error | undefined;
  readonly #res: ServerResponse | undefined;
  #signal: AbortSignal | undefined;

  constructor(
    readonly raw: FastifyRequest,
    /** Fastify's parsed query, when it was parsed with core's parser. */
    readonly query: AdapterRequest['query'],
    /** Set when Fastify failed to read the body (too large, unusable Content-Type). */
    bodyError?: Error,
    /** node's response under the reply, whose early close is the client disconnecting. */
    res?: ServerResponse,
  ) {
    this.method = raw.method;
    this.url = raw.url;
    this.headers = raw.headers;
    this.#bodyError = bodyError;
    this.#res = res;
  }

  get signal(): AbortSignal | undefined {
    if (this.#signal === undefined && this.#res !== undefined) this.#signal = disconnectSignal(this.#res);
    return this.#signal;
  }

  get remoteAddress(): string | undefined {
    return this.raw.ip;
  }

  /** A multipart body was left unread by its parser (see `mount`): it streams from node's request. */
  streamBody(sink: BodyChunkSink): Promise<void> {
    if (this.#bodyError) return Promise.reject(this.#bodyError);
    const body = this.raw.body;
    if (body instanceof Uint8Array) return body.byteLength > 0 ? Promise.resolve(sink(body)).then(() => undefined) : Promise.resolve();
    return streamNodeBody(this.raw.raw, sink);
  }

  readBody(limit: number): Promise<Uint8Array> {
    if (this.#bodyError) return Promise.reject(this.#bodyError);
    // Fastify leaves GET, HEAD and empty bodies unparsed.
    const body = this.raw.body;
    // A multipart body left unread for streaming (see `mount`), reaching a route that reads JSON: read it
    // as node's request, so the route answers 415 (or 413) as on every adapter.
    if (body === undefined && isMultipart(this.headers['content-type']) && !this.raw.raw.complete) {
      return new NodeRequest(this.raw.raw).readBody(limit);
    }
    if (!(body instanceof Uint8Array)) return Promise.resolve(EMPTY);
    if (body.byteLength > limit) return Promise.reject(bodyLimitExceeded(limit));
    return Promise.resolve(body);
  }
}

function isMultipart(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.slice(0, 19).toLowerCase() === 'multipart/form-data';
}
