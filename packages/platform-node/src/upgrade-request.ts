/**
 * A request node:http emitted as `'upgrade'` as an `AdapterRequest`. One that asks for a WebSocket
 * (GET with `Upgrade: websocket`) carries `upgrade`, through which a WebSocket route completes the
 * handshake with `ws`; any other (an `h2c` upgrade, say) is an ordinary request whose answer closes
 * the connection.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpError, RequestAborted, bodyLimitExceeded, type AdapterRequest, type OutgoingHeaders, type SocketTransport, type SocketUpgrade } from '@decorumjs/core';

const EMPTY = new Uint8Array(0);

/** Completes the handshake on `socket` with `ws`; rejects if the connection ends first. */
export type CompleteHandshake = (
  req: IncomingMessage, socket: Duplex, head: Buffer, protocol: string | undefined, headers: OutgoingHeaders,
) => Promise<SocketTransport>;

export class UpgradeRequest implements AdapterRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly upgrade: SocketUpgrade | undefined;
  readonly #socket: Duplex;
  readonly #head: Buffer;

  /** `takeOver` runs as the handshake starts: the socket is then the WebSocket's. */
  constructor(readonly raw: IncomingMessage, socket: Duplex, head: Buffer, complete: CompleteHandshake, takeOver: () => void) {
    this.method = raw.method ?? 'GET';
    this.url = raw.url ?? '/';
    this.headers = raw.headers;
    this.#socket = socket;
    this.#head = head;
    this.upgrade = isWebSocketRequest(raw)
      ? {
        protocols: offeredProtocols(raw.headers['sec-websocket-protocol']),
        accept: (protocol, headers) => {
          takeOver();
          return complete(raw, socket, head, protocol, headers);
        },
      }
      : undefined;
  }

  get remoteAddress(): string | undefined {
    return this.raw.socket.remoteAddress;
  }

  /**
   * The body of an upgrade request that is not a WebSocket handshake (rare: node:http stops parsing at
   * the upgrade, so only a Content-Length body can be read, from what followed the headers).
   */
  readBody(limit: number): Promise<Uint8Array> {
    const declared = this.headers['content-length'];
    if (this.headers['transfer-encoding'] !== undefined) {
      return Promise.reject(new HttpError(400, 'Bad Request: an upgrade request cannot have a chunked body'));
    }
    if (declared === undefined || declared === '0') return Promise.resolve(EMPTY);
    const length = Number(declared);
    if (length > limit) return Promise.reject(bodyLimitExceeded(limit));
    const socket = this.#socket;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [this.#head];
      let size = this.#head.byteLength;
      const done = () => {
        socket.off('data', onData).off('close', onClose);
        socket.pause();
        resolve(Buffer.concat(chunks, size).subarray(0, length));
      };
      const onData = (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.byteLength;
        if (size >= length) done();
      };
      const onClose = () => {
        socket.off('data', onData);
        reject(new RequestAborted());
      };
      if (size >= length) return done();
      socket.on('data', onData).once('close', onClose);
      socket.resume();
    });
  }
}

/** RFC 6455 §4.1: a GET whose `Upgrade` names websocket (any case). `ws` checks the key and version. */
function isWebSocketRequest(req: IncomingMessage): boolean {
  const upgrade = req.headers.upgrade;
  return req.method === 'GET' && typeof upgrade === 'string' && upgrade.toLowerCase() === 'websocket';
}

function offeredProtocols(header: string | undefined): readonly string[] {
  if (!header) return [];
  return header.split(',').map((p) => p.trim()).filter((p) => p !== '');
}
