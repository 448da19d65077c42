/**
 * A Fastify reply as an `AdapterResponse`. Everything goes through `reply.send`, not the raw socket, so
 * the user's `onSend` hooks and plugins (compression, CORS, helmet…) still see Decorum's responses.
 */
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import type { AdapterResponse, OutgoingBody, OutgoingHeaders } from '@decorumjs/core';
import { discardUnread, hasBody } from '@decorumjs/platform-node';

export class FastifyAdapterResponse implements AdapterResponse {
  constructor(readonly raw: FastifyReply) {}

  get headersSent(): boolean {
    return this.raw.sent || this.raw.raw.headersSent;
  }

  send(status: number, headers: OutgoingHeaders, body: OutgoingBody): void | Promise<void> {
    const reply = this.raw.code(status);
    // A body Fastify refused or never read (a GET's) is read off the wire, bounded, as on node:http.
    const req = reply.request.raw;
    if (!req.complete && hasBody(req)) discardUnread(req);
    for (const name in headers) {
      const value = headers[name] as string | number | readonly string[];
      reply.header(name, Array.isArray(value) ? [...(value as readonly string[])] : value);
    }
    if (body === null || typeof body === 'string') {
      reply.send(body ?? undefined);
      return;
    }
    if (body instanceof Uint8Array) {
      reply.send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
      return;
    }
    const done = finished(reply.raw);
    reply.send(Readable.from(body));
    return done;
  }
}
