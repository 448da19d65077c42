/**
 * Every WebSocket connection of one app: the connection count `maxConnections` bounds, the one
 * heartbeat timer that pings them all, the groups (subscribed on the broker while a local socket is in
 * them) and the shutdown that closes them with 1001.
 */
import { encodeJson } from '../compile/encode-json.js';
import { ServiceUnavailable, type HttpError } from '../http/http-error.js';
import type { Logger } from '../logger.js';
import type { GroupPayload, WebSocketBroker } from './broker.js';
import { InMemoryBroker } from './memory-broker.js';
import { CLOSE_CODES } from './websocket-errors.js';
import type { ResolvedWebSocketOptions } from './websocket-options.js';

/** What the hub needs of an open connection. */
export interface SocketSession {
  /** A heartbeat tick: pings, or cuts a peer that did not answer the previous tick's ping. */
  beat(): void;
  /** A group's message, sent without waiting: a slow consumer is closed instead of buffered. */
  deliver(payload: GroupPayload): void;
  /** Starts the closing handshake. */
  close(code: number, reason: string): void;
  terminate(): void;
  /** Settles once the connection is closed. */
  readonly ended: Promise<unknown>;
}

export class WebSocketHub {
  readonly options: ResolvedWebSocketOptions;
  readonly logger: Logger;
  readonly #broker: WebSocketBroker;
  readonly #sessions = new Set<SocketSession>();
  readonly #groups = new Map<string, Set<SocketSession>>();
  /** Each group's subscription on the broker, resolved once publishes are sure to arrive. */
  readonly #subscriptions = new Map<string, Promise<void>>();
  #admitted = 0;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #closing = false;

  constructor(options: ResolvedWebSocketOptions, logger: Logger) {
    this.options = options;
    this.logger = logger;
    this.#broker = options.broker ?? new InMemoryBroker();
  }

  get closing(): boolean {
    return this.#closing;
  }

  /** Open connections. */
  get size(): number {
    return this.#sessions.size;
  }

  /** Takes a connection slot for an upgrade request, or returns the 503 that refuses it. */
  admit(): HttpError | undefined {
    if (this.#closing) return new ServiceUnavailable('Server shutting down');
    if (this.#admitted >= this.options.maxConnections) return new ServiceUnavailable('Too many WebSocket connections', { 'retry-after': '1' });
    this.#admitted++;
    return undefined;
  }

  /** Gives back a slot taken by `admit` (the session ended, accepted or not). */
  release(): void {
    this.#admitted--;
  }

  open(session: SocketSession): void {
    this.#sessions.add(session);
    if (this.#heartbeat === undefined && this.options.heartbeatMs > 0) {
      this.#heartbeat = setInterval(() => {
        for (const each of this.#sessions) each.beat();
      }, this.options.heartbeatMs);
      // The heartbeat alone never keeps the process alive.
      (this.#heartbeat as { unref?: () => void }).unref?.();
    }
  }

  /** The session closed: it leaves its groups and the heartbeat. */
  end(session: SocketSession, groups: Iterable<string>): void {
    this.#sessions.delete(session);
    for (const group of groups) this.leave(group, session);
    if (this.#sessions.size === 0 && this.#heartbeat !== undefined) {
      clearInterval(this.#heartbeat);
      this.#heartbeat = undefined;
    }
  }

  /** Resolves once messages published to `group` from now on reach the session. Never rejects: broker errors are logged. */
  join(group: string, session: SocketSession): Promise<void> {
    let members = this.#groups.get(group);
    if (!members) {
      members = new Set();
      this.#groups.set(group, members);
      const subscribed = this.#broker.subscribe(group, (payload) => this.#fanOut(group, payload)).catch((error: unknown) => {
        this.logger.error({ err: error, group }, 'WebSocket broker could not subscribe to a group');
      });
      this.#subscriptions.set(group, subscribed);
    }
    members.add(session);
    return this.#subscriptions.get(group) ?? Promise.resolve();
  }

  leave(group: string, session: SocketSession): void {
    const members = this.#groups.get(group);
    if (!members?.delete(session) || members.size > 0) return;
    this.#groups.delete(group);
    this.#subscriptions.delete(group);
    this.#broker.unsubscribe(group).catch((error: unknown) => {
      this.logger.error({ err: error, group }, 'WebSocket broker could not unsubscribe from a group');
    });
  }

  /** Sends `data` to every socket in `group`, on every worker the broker reaches; objects as JSON. */
  publish(group: string, data: string | Uint8Array | object): Promise<void> {
    const payload = typeof data === 'string' || data instanceof Uint8Array ? data : encodeJson(data);
    return this.#broker.publish(group, payload);
  }

  /** Sockets of this worker in `group`. */
  sizeOf(group: string): number {
    return this.#groups.get(group)?.size ?? 0;
  }

  #fanOut(group: string, payload: GroupPayload): void {
    const members = this.#groups.get(group);
    if (!members) return;
    for (const session of members) session.deliver(payload);
  }

  /**
   * Refuses new upgrades, closes every open socket with 1001, waits for the closing handshakes within
   * `graceMs`, cuts the rest, then closes the broker.
   */
  async close(graceMs: number): Promise<void> {
    this.#closing = true;
    const open = [...this.#sessions];
    for (const session of open) session.close(CLOSE_CODES.goingAway, 'Server shutting down');
    if (open.length > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all(open.map((s) => s.ended)), grace]);
      clearTimeout(timer);
      for (const session of this.#sessions) session.terminate();
      await Promise.all(open.map((s) => s.ended));
    }
    try {
      await this.#broker.close();
    } catch (error) {
      this.logger.error({ err: error }, 'WebSocket broker failed to close');
    }
  }
}
