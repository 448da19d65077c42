/**
 * Messages that arrived while the handler was not reading, in order. Past `limit` the transport is
 * paused (TCP then pushes back on the peer) and resumed as the handler catches up, so a peer that sends
 * faster than the handler reads costs `limit` messages of memory, not more.
 */
import { WebSocketDisconnect } from './websocket-errors.js';

export type IncomingMessage = string | Uint8Array;

interface Waiter {
  resolve(message: IncomingMessage): void;
  reject(error: WebSocketDisconnect): void;
}

export class ReceiveQueue {
  readonly #messages: IncomingMessage[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #limit: number;
  readonly #pause: () => void;
  readonly #resume: () => void;
  #paused = false;
  #ended: WebSocketDisconnect | undefined;

  constructor(limit: number, pause: () => void, resume: () => void) {
    this.#limit = limit;
    this.#pause = pause;
    this.#resume = resume;
  }

  /** Reading from the network is paused: the peer's pongs and close frames wait unread too. */
  get paused(): boolean {
    return this.#paused;
  }

  push(message: IncomingMessage): void {
    const waiter = this.#waiters.shift();
    if (waiter) {
      waiter.resolve(message);
      return;
    }
    this.#messages.push(message);
    if (!this.#paused && this.#messages.length >= this.#limit && !this.#ended) {
      this.#paused = true;
      this.#pause();
    }
  }

  /** The next message; after the close, those still queued, then `WebSocketDisconnect`. */
  next(): Promise<IncomingMessage> {
    const message = this.#messages.shift();
    if (message !== undefined) {
      if (this.#paused && this.#messages.length < this.#limit) {
        this.#paused = false;
        if (!this.#ended) this.#resume();
      }
      return Promise.resolve(message);
    }
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** The connection closed: waiting readers get `WebSocketDisconnect`. */
  end(code: number, reason: string): void {
    this.#ended = new WebSocketDisconnect(code, reason);
    for (const waiter of this.#waiters.splice(0)) waiter.reject(this.#ended);
  }
}
