/**
 * The app's WebSocket limits (`createApp({ websocket })`), with their documented defaults. Each bounds
 * what one client can make the server hold: a message, a backlog of unread messages, a backlog of unsent
 * ones, a silent peer, a number of connections.
 */
import { decorumErrors } from '../errors.js';
import type { WebSocketBroker } from './broker.js';

export interface WebSocketOptions {
  /** Largest message accepted, in bytes (1 MiB). A larger one closes its connection with 1009; others never notice. */
  maxMessageBytes?: number;
  /** Open WebSocket connections at most (unlimited by default); past it, upgrades are refused with 503. */
  maxConnections?: number;
  /**
   * Ping interval in ms (30 s; 0 turns it off). One timer serves every connection: each tick pings, and a
   * peer that has not answered the previous tick's ping is cut.
   */
  heartbeatMs?: number;
  /** Messages held while the handler is not reading (16); past it, reading from the network pauses until it reads. */
  receiveQueue?: number;
  /**
   * Largest send backlog of one connection, in bytes (1 MiB). A slow consumer past it is closed with 1013
   * and dropped from its groups. `send*` already wait while the backlog is over 64 KiB.
   */
  maxBufferedBytes?: number;
  /** Carries `WebSocketGroups.publish` to every worker (in-memory, this process only, by default). */
  broker?: WebSocketBroker;
}

export interface ResolvedWebSocketOptions {
  readonly maxMessageBytes: number;
  readonly maxConnections: number;
  readonly heartbeatMs: number;
  readonly receiveQueue: number;
  readonly maxBufferedBytes: number;
  readonly broker: WebSocketBroker | undefined;
}

export const DEFAULT_WEBSOCKET_OPTIONS: Omit<ResolvedWebSocketOptions, 'broker'> = {
  maxMessageBytes: 1024 * 1024,
  maxConnections: Number.POSITIVE_INFINITY,
  heartbeatMs: 30_000,
  receiveQueue: 16,
  maxBufferedBytes: 1024 * 1024,
};

/** `send*` resolve at once below this many buffered bytes, and wait for the network above it. */
export const SEND_HIGH_WATER_MARK = 64 * 1024;

/** How long a closing handshake may take before the connection is cut. */
export const CLOSE_TIMEOUT_MS = 5_000;

export function resolveWebSocketOptions(options: WebSocketOptions = {}): ResolvedWebSocketOptions {
  const resolved = { ...DEFAULT_WEBSOCKET_OPTIONS, ...withoutUndefined(options), broker: options.broker };
  const whole = (name: keyof typeof DEFAULT_WEBSOCKET_OPTIONS, min: number, infinite = false) => {
    const value = resolved[name];
    if (!(Number.isSafeInteger(value) || (infinite && value === Number.POSITIVE_INFINITY)) || value < min) {
      throw decorumErrors.limitInvalid(`websocket.${name}`, `a whole number from ${min}${infinite ? ' (or Infinity)' : ''}`, value);
    }
  };
  whole('maxMessageBytes', 1);
  whole('maxConnections', 0, true);
  whole('heartbeatMs', 0);
  whole('receiveQueue', 1);
  whole('maxBufferedBytes', 1);
  return resolved;
}

function withoutUndefined(options: WebSocketOptions): Partial<typeof DEFAULT_WEBSOCKET_OPTIONS> {
  return Object.fromEntries(Object.entries(options).filter(([name, v]) => name !== 'broker' && v !== undefined));
}
