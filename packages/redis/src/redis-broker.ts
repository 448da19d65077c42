/**
 * `WebSocketGroups.publish` across workers and machines: each group is one Redis pub/sub channel
 * (`prefix + group`); every worker with a local socket in the group subscribes to it and fans what
 * arrives out to its own sockets, its own publishes included.
 *
 * Redis pub/sub is at-most-once: a message published while a worker's subscriber is reconnecting does not
 * reach that worker. ioredis re-subscribes to every channel once the connection is back, so deliveries
 * resume on their own.
 */
import type { GroupPayload, WebSocketBroker } from '@decorumjs/core';
import { redisErrors } from './errors.js';
import { decodePayload, encodePayload } from './payload-codec.js';

type MessageListener = (channel: Buffer, message: Buffer) => void;

/** What the broker needs of the connection it publishes on: ioredis' `publish(channel, message)`. */
export interface RedisPublisherClient {
  publish(channel: string, message: Buffer): Promise<unknown>;
}

/**
 * What the broker needs of its subscribed connection (ioredis): `subscribe`/`unsubscribe` resolving on
 * the server's confirmation, the `messageBuffer` event (the message as bytes: the `message` event decodes
 * it as UTF-8, which would mangle binary payloads), and `status`/`quit`/`disconnect` to end it.
 * A connection you pass in must keep ioredis' `autoResubscribe` on (the default).
 */
export interface RedisSubscriberClient {
  readonly status: string;
  subscribe(...channels: string[]): Promise<unknown>;
  unsubscribe(...channels: string[]): Promise<unknown>;
  on(event: 'messageBuffer', listener: MessageListener): unknown;
  off(event: 'messageBuffer', listener: MessageListener): unknown;
  quit(): Promise<unknown>;
  disconnect(): void;
}

/** A publishing connection that can open a second one like itself (ioredis' `duplicate()`). */
export interface RedisDuplicableClient extends RedisPublisherClient {
  duplicate(override?: { autoResubscribe?: boolean }): RedisSubscriberClient;
}

export type RedisBrokerOptions = {
  /** Prepended to every group's channel name, so apps sharing one Redis do not hear each other. Default `decorum:ws:`. */
  prefix?: string;
} & (
  /** The broker publishes on `client` and subscribes on `client.duplicate()`, which it owns. */
  | { client: RedisDuplicableClient; publisher?: never; subscriber?: never }
  /** Two connections you own; `subscriber` is given over to pub/sub (it can no longer publish). */
  | { client?: never; publisher: RedisPublisherClient; subscriber: RedisSubscriberClient }
);

/**
 * @example
 * import { Redis } from 'ioredis';
 * import { RedisBroker } from '@decorumjs/redis';
 * const app = createApp({ controllers, websocket: { broker: new RedisBroker({ client: new Redis(process.env.REDIS_URL) }) } });
 *
 * `close()` (called by `app.close()`) quits only the connection the broker made: with `{ client }`, the
 * duplicated subscriber; `client` stays yours to quit. With `{ publisher, subscriber }` it quits neither,
 * it only unsubscribes from its channels.
 */
export class RedisBroker implements WebSocketBroker {
  readonly #publisher: RedisPublisherClient;
  readonly #subscriber: RedisSubscriberClient;
  readonly #ownsSubscriber: boolean;
  readonly #prefix: string;
  /** Full channel name → the app's delivery function for that group. */
  readonly #deliveries = new Map<string, (payload: GroupPayload) => void>();
  readonly #onMessage: MessageListener = (channel, message) => this.#receive(channel, message);
  #closed = false;

  constructor(options: RedisBrokerOptions) {
    const prefix: unknown = options.prefix ?? 'decorum:ws:';
    if (typeof prefix !== 'string') throw redisErrors.prefix(prefix);
    this.#prefix = prefix;
    if (options.client) {
      this.#publisher = options.client;
      // autoResubscribe is what makes deliveries resume after a reconnect; forced on whatever the client says.
      this.#subscriber = options.client.duplicate({ autoResubscribe: true });
      this.#ownsSubscriber = true;
    } else if (options.publisher && options.subscriber) {
      if ((options.publisher as unknown) === options.subscriber) throw redisErrors.sameConnection();
      this.#publisher = options.publisher;
      this.#subscriber = options.subscriber;
      this.#ownsSubscriber = false;
    } else {
      throw redisErrors.noConnection();
    }
    this.#subscriber.on('messageBuffer', this.#onMessage);
  }

  async publish(group: string, payload: GroupPayload): Promise<void> {
    if (this.#closed) throw redisErrors.closed(`publish to "${group}"`);
    await this.#publisher.publish(this.#prefix + group, encodePayload(payload));
  }

  async subscribe(group: string, deliver: (payload: GroupPayload) => void): Promise<void> {
    if (this.#closed) throw redisErrors.closed(`subscribe to "${group}"`);
    const channel = this.#prefix + group;
    // Registered before SUBSCRIBE is sent, so nothing published after the confirmation can slip past.
    this.#deliveries.set(channel, deliver);
    try {
      await this.#subscriber.subscribe(channel);
    } catch (error) {
      if (this.#deliveries.get(channel) === deliver) this.#deliveries.delete(channel);
      throw error;
    }
  }

  async unsubscribe(group: string): Promise<void> {
    if (this.#closed) return;
    const channel = this.#prefix + group;
    // Dropped first: messages already on their way stop being delivered now, not at the confirmation.
    this.#deliveries.delete(channel);
    await this.#subscriber.unsubscribe(channel);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const channels = [...this.#deliveries.keys()];
    this.#deliveries.clear();
    this.#subscriber.off('messageBuffer', this.#onMessage);
    if (!this.#ownsSubscriber) {
      if (channels.length > 0) await this.#subscriber.unsubscribe(...channels);
      return;
    }
    if (this.#subscriber.status !== 'ready') {
      // Connecting or reconnecting: QUIT would wait in the offline queue; dropping the socket ends it now.
      this.#subscriber.disconnect();
      return;
    }
    try {
      await this.#subscriber.quit();
    } catch {
      this.#subscriber.disconnect();
    }
  }

  #receive(channel: Buffer, message: Buffer | undefined): void {
    const deliver = this.#deliveries.get(channel.toString());
    if (!deliver || !message) return;
    const payload = decodePayload(message);
    if (payload === undefined) return;
    try {
      deliver(payload);
    } catch (error) {
      // This runs inside the client's reply parser: a throw here would abandon the rest of the replies in
      // the same socket read, so a failing delivery is reported and the connection carries on.
      process.emitWarning(`RedisBroker: delivering to channel "${channel.toString()}" threw: ${String(error)}`, 'DecorumRedisBrokerWarning');
    }
  }
}
