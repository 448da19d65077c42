/**
 * The seam between core's WebSocket connection and an adapter's protocol library (`ws` on node). The
 * adapter owns framing, masking, the handshake bytes and the per-message size limit; core owns the
 * session: accepting, queueing, validation, back-pressure, heartbeat, groups and shutdown.
 */
import type { OutgoingHeaders } from '../adapter/adapter.js';

export interface SocketEvents {
  /** One whole message: text frames as strings, binary frames as bytes. */
  message(data: string | Uint8Array): void;
  /** The peer answered a ping. */
  pong(): void;
  /** The connection is gone, by a closing handshake or not (1006 when the peer just vanished). */
  close(code: number, reason: string): void;
}

export interface SocketTransport {
  /** Bytes queued but not yet handed to the network. */
  readonly bufferedAmount: number;
  /** Core sets its listeners once, right after the handshake, before any message is delivered. */
  listen(events: SocketEvents): void;
  /** Queues one message; `done` runs once it is written (or failed). */
  send(data: string | Uint8Array, done: (error?: Error) => void): void;
  ping(): void;
  /** Starts the closing handshake. */
  close(code: number, reason: string): void;
  /** Cuts the connection without a handshake (dead peer, end of the shutdown grace). */
  terminate(): void;
  /** Stops and restarts reading from the network: back-pressure on a handler that does not read. */
  pause(): void;
  resume(): void;
}

/** Present on an `AdapterRequest` that asks for a WebSocket (`Upgrade: websocket`) on an adapter that can give one. */
export interface SocketUpgrade {
  /** Subprotocols the client offered (`Sec-WebSocket-Protocol`), in its order. */
  readonly protocols: readonly string[];
  /** Completes the handshake (101) with `protocol` chosen and extra `headers`; resolves to the open socket. */
  accept(protocol: string | undefined, headers: OutgoingHeaders): Promise<SocketTransport>;
}
