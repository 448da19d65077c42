/**
 * A `ws` WebSocket as core's `SocketTransport`. `ws` owns the protocol (framing, masking, UTF-8 checks,
 * the payload limit, close frames); this class only translates its events and calls.
 */
import type { RawData, WebSocket } from 'ws';
import type { SocketEvents, SocketTransport } from '@decorumjs/core';

type Early = { kind: 'message'; data: string | Uint8Array } | { kind: 'close'; code: number; reason: string };

export class WsTransport implements SocketTransport {
  readonly #ws: WebSocket;
  #events: SocketEvents | undefined;
  /** What arrived before core listened (nothing, usually: core listens right after the handshake). */
  #early: Early[] = [];

  constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const message = isBinary ? toBytes(data) : data.toString();
      if (this.#events) this.#events.message(message);
      else this.#early.push({ kind: 'message', data: message });
    });
    ws.on('pong', () => this.#events?.pong());
    ws.on('close', (code: number, reason: Buffer) => {
      // 1005: the peer's close frame had no code; to the handler that is a normal close.
      const text = reason.toString();
      if (this.#events) this.#events.close(code, text);
      else this.#early.push({ kind: 'close', code, reason: text });
    });
    // Protocol errors (an oversized or malformed frame) are answered by `ws` with a close frame; the
    // 'close' event then tells core. Without a listener they would crash the process.
    ws.on('error', () => undefined);
  }

  get bufferedAmount(): number {
    return this.#ws.bufferedAmount;
  }

  listen(events: SocketEvents): void {
    this.#events = events;
    for (const early of this.#early.splice(0)) {
      if (early.kind === 'message') events.message(early.data);
      else events.close(early.code, early.reason);
    }
  }

  send(data: string | Uint8Array, done: (error?: Error) => void): void {
    this.#ws.send(data, { binary: typeof data !== 'string' }, done);
  }

  ping(): void {
    this.#ws.ping();
  }

  close(code: number, reason: string): void {
    this.#ws.close(code, reason);
  }

  terminate(): void {
    this.#ws.terminate();
  }

  pause(): void {
    this.#ws.pause();
  }

  resume(): void {
    this.#ws.resume();
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
