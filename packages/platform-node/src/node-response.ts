/**
 * node's ServerResponse as an `AdapterResponse`. Bodies in one piece get an exact Content-Length;
 * streamed bodies are piped with backpressure, and `send` resolves when the last byte is written.
 */
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AdapterResponse, OutgoingBody, OutgoingHeaders } from '@decorum/core';
import type { NodeRequest } from './node-request.js';

export class NodeResponse implements AdapterResponse {
  constructor(
    readonly raw: ServerResponse,
    private readonly request: NodeRequest,
  ) {}

  get headersSent(): boolean {
    return this.raw.headersSent || this.raw.writableEnded;
  }

  send(status: number, headers: OutgoingHeaders, body: OutgoingBody): void | Promise<void> {
    const res = this.raw;
    const out: Record<string, string | number | readonly string[]> = { ...headers };
    // A body we refused to read is still on the socket; closing is cheaper than draining it.
    if (this.request.abandoned) out.connection = 'close';
    if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
      if (status !== 204 && status !== 304) {
        out['content-length'] = body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      }
      res.writeHead(status, out as Record<string, string | number | string[]>);
      res.end(body ?? undefined);
      return;
    }
    res.writeHead(status, out as Record<string, string | number | string[]>);
    return pipeline(Readable.from(body), res);
  }
}
