/**
 * An Express request as an `AdapterRequest`: node's own request (read as the node adapter reads it),
 * plus one Express case. When a body parser mounted before Decorum (`express.json()`, `express.raw()`)
 * already consumed the stream, its result is handed to core instead, so the route still gets its body.
 */
import type { ServerResponse } from 'node:http';
import type { Request } from 'express';
import { bodyLimitExceeded, type BodyChunkSink } from '@decorumjs/core';
import { NodeRequest } from '@decorumjs/platform-node';

export class ExpressRequest extends NodeRequest {
  constructor(readonly express: Request, res?: ServerResponse) {
    super(express, res);
  }

  override async streamBody(sink: BodyChunkSink): Promise<void> {
    const parsed: unknown = this.express.body;
    if (!this.express.readableEnded || parsed === undefined) return super.streamBody(sink);
    const bytes = toBytes(parsed);
    if (bytes.byteLength > 0) await sink(bytes);
  }

  override readBody(limit: number): Promise<Uint8Array> {
    const parsed: unknown = this.express.body;
    if (!this.express.readableEnded || parsed === undefined) return super.readBody(limit);
    const bytes = toBytes(parsed);
    if (bytes.byteLength > limit) return Promise.reject(bodyLimitExceeded(limit));
    return Promise.resolve(bytes);
  }
}

/** `express.raw()` gives bytes, `express.text()` a string, `express.json()` a value to encode back. */
function toBytes(parsed: unknown): Uint8Array {
  if (parsed instanceof Uint8Array) return parsed;
  return Buffer.from(typeof parsed === 'string' ? parsed : JSON.stringify(parsed));
}
