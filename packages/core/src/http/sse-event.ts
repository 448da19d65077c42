/**
 * One Server-Sent Event with its fields (HTML § 9.2 "Server-sent events"). A handler of an `@Sse()`
 * route yields these, or plain values, which are sent as an event's `data`. The fields that the wire
 * format ends at a newline (`event`, `id`) are checked here, where the handler can see the error:
 * a newline in them would start a field of the client's choosing.
 * @example
 * yield new SseEvent({ event: 'token', id: String(n), data: { text } });
 */
import { decorumErrors } from '../errors.js';

export interface SseEventInit {
  /** Strings are sent as they are (one `data:` line per line), anything else as JSON. */
  readonly data?: unknown;
  /** The event type (`addEventListener(type)` in the browser); `message` when left out. */
  readonly event?: string;
  /** The id a reconnecting client sends back as `Last-Event-ID`. */
  readonly id?: string;
  /** How long the client waits before reconnecting, in ms. */
  readonly retry?: number;
  /** A comment line (ignored by clients; keeps proxies from timing out). */
  readonly comment?: string;
}

export class SseEvent implements SseEventInit {
  readonly data?: unknown;
  readonly event?: string;
  readonly id?: string;
  readonly retry?: number;
  readonly comment?: string;

  constructor(init: SseEventInit) {
    if (init.event !== undefined) this.event = checkLine('event', init.event);
    // A NUL in an id makes the browser ignore the field (HTML § 9.2.6): refuse it rather than lose it.
    if (init.id !== undefined) this.id = checkLine('id', init.id, true);
    if (init.retry !== undefined) {
      if (!Number.isInteger(init.retry) || init.retry < 0) throw decorumErrors.sseRetry(init.retry);
      this.retry = init.retry;
    }
    if (init.data !== undefined) this.data = init.data;
    if (init.comment !== undefined) this.comment = init.comment;
  }
}

function checkLine(field: string, value: string, noNul = false): string {
  if (/[\r\n]/.test(value) || (noNul && value.includes('\0'))) {
    throw decorumErrors.sseLine(field, value, noNul);
  }
  return value;
}
