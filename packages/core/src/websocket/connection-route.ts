/**
 * What a WebSocket connection knows of its route (decided at bootstrap) and the small types of its
 * public surface.
 */
import type { OutgoingHeaders } from '../adapter/adapter.js';
import type { TypeSpec } from '../schema/type-spec.js';
import type { MessageReader } from './read-message.js';

/** Where a WebSocket route's context keeps its connection, for `@ConnectedSocket()` to bind. */
export const CONNECTED_SOCKET: unique symbol = Symbol('decorum.connectedSocket');

export type WebSocketState = 'connecting' | 'open' | 'closing' | 'closed';

export interface WebSocketCloseInfo {
  readonly code: number;
  readonly reason: string;
}

export interface AcceptOptions {
  /** The subprotocol to answer with; by default the first client offer the route lists in `subprotocols`. */
  readonly subprotocol?: string;
  /** Extra headers on the 101 response (a cookie, say). */
  readonly headers?: OutgoingHeaders;
}

/** What a connection knows of its route, decided at bootstrap. */
export interface ConnectionRoute {
  readonly id: string;
  readonly subprotocols: readonly string[];
  /** The route's `message` type, or any JSON without one. */
  readonly readMessage: MessageReader;
  /** The reader for a type given to `messages(type)`, compiled on first use and kept. */
  readerFor(type: TypeSpec): MessageReader;
  /** Any JSON value, for `receiveJson()`. */
  readonly readJson: MessageReader;
}
