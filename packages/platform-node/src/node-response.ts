/**
 * node's ServerResponse as an `AdapterResponse`. Bodies in one piece get an exact Content-Length;
 * streamed bodies are piped with backpressure, and `send` resolves when the last byte is written.
 */
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AdapterResponse, OutgoingBody, OutgoingHeaders } from '@decorumjs/core';
import { discardUnread, hasBody } from './discard-body.js';
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
    const whole = body === null || typeof body === 'string' || body instanceof Uint8Array;
    const withLength = whole && status !== 204 && status !== 304;
    // A body the route refused or never read is still arriving: read it off the wire (bounded) so the
    // client, still sending, gets to read this response.
    const req = this.request.raw;
    if (!req.complete && hasBody(req)) discardUnread(req);
    // writeHead's flat [name, value, …] form: adding Content-Length to a copy of the route's header object
    // was the costliest line of a request (a keyed store on a different object shape per route).
    const out: Array<string | number | readonly string[]> = [];
    for (const name in headers) {
      if (withLength && name === 'content-length') continue;
      out.push(name, headers[name] as string | number | readonly string[]);
    }
    if (whole) {
      if (withLength) out.push('content-length', body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      res.writeHead(status, out as unknown as string[]);
      res.end(body ?? undefined);
      return;
    }
    res.writeHead(status, out as unknown as string[]);
    return pipeline(Readable.from(body), res);
  }
}
