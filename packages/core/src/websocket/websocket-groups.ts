/**
 * `WebSocketGroups`, injectable in controllers and providers: publishes to every socket that joined a
 * group (`ws.join(room)`), on every worker the app's broker reaches.
 * @example
 * constructor(private readonly groups: WebSocketGroups) {}
 * await this.groups.publish(room, { from: user.name, text });
 */
import type { WebSocketHub } from './websocket-hub.js';

export class WebSocketGroups {
  readonly #hub: WebSocketHub;

  /** The app provides the instance; there is no need to build one. */
  constructor(hub: WebSocketHub) {
    this.#hub = hub;
  }

  /** Sends `data` to the group's sockets: strings as text frames, bytes as binary ones, anything else as JSON. */
  publish(group: string, data: string | Uint8Array | object): Promise<void> {
    return this.#hub.publish(group, data);
  }

  /** How many sockets of this worker are in `group`. */
  size(group: string): number {
    return this.#hub.sizeOf(group);
  }
}
