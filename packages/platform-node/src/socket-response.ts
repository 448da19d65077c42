/**
 * An `AdapterResponse` written straight onto the socket of an upgrade request, where node:http has
 * handed the connection over and no `ServerResponse` exists: refusals of a WebSocket handshake (401,
 * 403, 422, 426, 503), 404s, and ordinary routes reached by a request that asked for an upgrade. Each is
 * one HTTP/1.1 response, then the connection closes.
 */
import { STATUS_CODES, validateHeaderName, validateHeaderValue } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AdapterResponse, OutgoingBody, OutgoingHeaders } from '@decorumjs/core';

/** Framing is this response's own: one body, then the close. */
const FRAMING = new Set(['connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export class SocketResponse implements AdapterResponse {
  #sent = false;

  constructor(readonly raw: Duplex) {}

  get headersSent(): boolean {
    return this.#sent;
  }

  /** The WebSocket handshake takes the socket: nothing else may be written on it. */
  takeOver(): void {
    this.#sent = true;
  }

  send(status: number, headers: OutgoingHeaders, body: OutgoingBody): void | Promise<void> {
    if (this.#sent) return;
    this.#sent = true;
    const socket = this.raw;
    const whole = body === null || typeof body === 'string' || body instanceof Uint8Array;
    const bytes = whole ? (body === null ? undefined : typeof body === 'string' ? Buffer.from(body) : body) : undefined;
    let head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n`;
    for (const name in headers) {
      if (FRAMING.has(name.toLowerCase())) continue;
      const value = headers[name] as string | number | readonly string[];
      for (const each of Array.isArray(value) ? (value as readonly string[]) : [String(value)]) {
        // The checks node's writeHead makes: no header may smuggle a line break onto the wire.
        validateHeaderName(name);
        validateHeaderValue(name, each);
        head += `${name}: ${each}\r\n`;
      }
    }
    // Keep-alive is moot: the client asked to leave HTTP on this connection.
    if (whole) head += `content-length: ${bytes?.byteLength ?? 0}\r\n`;
    head += 'connection: close\r\n\r\n';
    if (!socket.writable) return;
    if (whole) {
      socket.end(bytes ? Buffer.concat([Buffer.from(head, 'latin1'), bytes]) : Buffer.from(head, 'latin1'));
      return;
    }
    socket.write(head, 'latin1');
    return streamTo(socket, body);
  }
}

/** Writes a streamed body (delimited by the close) with back-pressure, then ends the connection. */
async function streamTo(socket: Duplex, body: AsyncIterable<string | Uint8Array>): Promise<void> {
  try {
    for await (const chunk of body) {
      if (socket.destroyed) return;
      if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve).once('close', resolve));
    }
  } finally {
    socket.end();
  }
}
