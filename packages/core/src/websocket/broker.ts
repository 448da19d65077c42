/**
 * How `WebSocketGroups.publish` reaches connections on other workers and machines. The default broker
 * delivers in this process only; a shared one (Redis pub/sub) delivers to every worker subscribed to a
 * group, this one included, so each worker fans a message out to its own sockets.
 */
export type GroupPayload = string | Uint8Array;

export interface WebSocketBroker {
  /** Delivers `payload` to every subscriber of `group`, on every worker (this one included). */
  publish(group: string, payload: GroupPayload): Promise<void>;
  /**
   * Starts handing `group`'s payloads to `deliver` (one subscription per group per worker: the app
   * subscribes when the first local socket joins and unsubscribes when the last leaves). Resolves once
   * messages published after it are sure to arrive.
   */
  subscribe(group: string, deliver: (payload: GroupPayload) => void): Promise<void>;
  unsubscribe(group: string): Promise<void>;
  /** Ends the broker's own connections (the app calls it on `close()`). */
  close(): Promise<void>;
}
