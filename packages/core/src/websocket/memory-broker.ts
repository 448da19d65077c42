/**
 * The default `WebSocketBroker`: groups of this process only. Enough for one worker; several workers
 * (or machines) need a shared broker, such as `@decorumjs/redis`'s, for a publish to reach them all.
 */
import type { GroupPayload, WebSocketBroker } from './broker.js';

export class InMemoryBroker implements WebSocketBroker {
  readonly #subscribers = new Map<string, (payload: GroupPayload) => void>();

  publish(group: string, payload: GroupPayload): Promise<void> {
    this.#subscribers.get(group)?.(payload);
    return Promise.resolve();
  }

  subscribe(group: string, deliver: (payload: GroupPayload) => void): Promise<void> {
    this.#subscribers.set(group, deliver);
    return Promise.resolve();
  }

  unsubscribe(group: string): Promise<void> {
    this.#subscribers.delete(group);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.#subscribers.clear();
    return Promise.resolve();
  }
}
