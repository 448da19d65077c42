/**
 * node's IncomingMessage as an `AdapterRequest`. The body is read only when a route asks for it, with
 * the size limit checked against Content-Length first and then while streaming.
 */
import type { IncomingMessage } from 'node:http';
import { bodyLimitExceeded, type AdapterRequest } from '@decorumjs/core';

const EMPTY = new Uint8Array(0);

export class NodeRequest implements AdapterRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  /** Set when the body was left unread (too large): the connection must close after the response. */
  abandoned = false;

  constructor(readonly raw: IncomingMessage) {
    this.method = raw.method ?? 'GET';
    this.url = raw.url ?? '/';
    this.headers = raw.headers;
  }

  get remoteAddress(): string | undefined {
    return this.raw.socket.remoteAddress;
  }

  readBody(limit: number): Promise<Uint8Array> {
    const req = this.raw;
    const declared = req.headers['content-length'];
    if (declared === undefined && req.headers['transfer-encoding'] === undefined) return Promise.resolve(EMPTY);
    if (declared !== undefined && Number(declared) > limit) {
      this.abandoned = true;
      return Promise.reject(tooLarge(limit));
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          this.abandoned = true;
          cleanup();
          reject(tooLarge(limit));
          return;
        }
        chunks.push(chunk);
      };
      // A body that ended needs no listener removal: the stream emits nothing more.
      const onEnd = () => {
        resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        req.off('data', onData).off('end', onEnd).off('error', onError);
      };
      req.on('data', onData).on('end', onEnd).on('error', onError);
    });
  }
}

function tooLarge(limit: number): Error {
  return bodyLimitExceeded(limit);
}
