/**
 * node's IncomingMessage as an `AdapterRequest`. The body is read only when a route asks for it, with
 * the size limit checked against Content-Length first and then while streaming. A body left unread is
 * discarded after the response (see `discard-body.ts`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestAborted, bodyLimitExceeded, isDisconnect, type AdapterRequest, type BodyChunkSink } from '@decorumjs/core';
import { disconnectSignal } from './disconnect-signal.js';

const EMPTY = new Uint8Array(0);

export class NodeRequest implements AdapterRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly #res: ServerResponse | undefined;
  #signal: AbortSignal | undefined;

  /** With `res`, the request has a `signal` that fires when the client disconnects. */
  constructor(readonly raw: IncomingMessage, res?: ServerResponse) {
    this.method = raw.method ?? 'GET';
    this.url = raw.url ?? '/';
    this.headers = raw.headers;
    this.#res = res;
  }

  get signal(): AbortSignal | undefined {
    if (this.#signal === undefined && this.#res !== undefined) this.#signal = disconnectSignal(this.#res);
    return this.#signal;
  }

  get remoteAddress(): string | undefined {
    return this.raw.socket.remoteAddress;
  }

  streamBody(sink: BodyChunkSink): Promise<void> {
    return streamNodeBody(this.raw, sink);
  }

  readBody(limit: number): Promise<Uint8Array> {
    const req = this.raw;
    const declared = req.headers['content-length'];
    if (declared === undefined && req.headers['transfer-encoding'] === undefined) return Promise.resolve(EMPTY);
    if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          // Paused with the rest unread: the response discards it (bounded) once the 413 is sent.
          cleanup();
          req.pause();
          reject(tooLarge(limit));
          return;
        }
        chunks.push(chunk);
      };
      // A body that ended needs no listener removal: the stream emits nothing more, and `close` then
      // finds the request complete.
      const onEnd = () => {
        resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(isDisconnect(error) ? new RequestAborted({ cause: error }) : error);
      };
      // The client hung up mid-body: node closes the request without an error when nobody listens for one.
      const onClose = () => {
        cleanup();
        if (!req.complete) reject(new RequestAborted());
      };
      const cleanup = () => {
        req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      };
      req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
    });
  }
}

/**
 * Feeds a node request's body to `sink`, pausing the stream while the sink is busy. Stopping removes the
 * listeners and leaves the stream paused: the response then discards the rest (see `discard-body.ts`).
 */
export function streamNodeBody(req: IncomingMessage, sink: BodyChunkSink): Promise<void> {
  if (req.complete) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const stop = () => {
      cleanup();
      req.pause();
      resolve();
    };
    const onData = (chunk: Buffer) => {
      const more = sink(chunk);
      if (more === true) return;
      if (more === false) return stop();
      req.pause();
      more.then((go) => {
        if (go) req.resume();
        else stop();
      }, (error: unknown) => {
        cleanup();
        reject(error);
      });
    };
    const onEnd = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(isDisconnect(error) ? new RequestAborted({ cause: error }) : error);
    };
    const onClose = () => {
      cleanup();
      if (!req.complete) reject(new RequestAborted());
      else resolve();
    };
    const cleanup = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

function tooLarge(limit: number): Error {
  return bodyLimitExceeded(limit);
}
