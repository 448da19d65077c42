/**
 * A group payload as the bytes of one Redis message, and back.
 *
 * Redis messages are bytes with no type, but a WebSocket frame is text or binary and a client can tell
 * them apart (`typeof event.data`), so the kind has to travel with the bytes: `sendText('abc')` and
 * `sendBytes([97, 98, 99])` are the same three bytes on Redis. One leading byte marks it. A byte rather
 * than a JSON envelope or base64 keeps binary payloads their own size and costs no parsing.
 */
import type { GroupPayload } from '@decorumjs/core';

const TEXT = 0x74; // 't'
const BYTES = 0x62; // 'b'

export function encodePayload(payload: GroupPayload): Buffer {
  if (typeof payload === 'string') {
    const message = Buffer.allocUnsafe(1 + Buffer.byteLength(payload, 'utf8'));
    message[0] = TEXT;
    message.write(payload, 1, 'utf8');
    return message;
  }
  const message = Buffer.allocUnsafe(1 + payload.byteLength);
  message[0] = BYTES;
  message.set(payload, 1);
  return message;
}

/** `undefined` for a message this codec did not write (another program publishing on the channel). */
export function decodePayload(message: Buffer): GroupPayload | undefined {
  if (message[0] === TEXT) return message.toString('utf8', 1);
  // A copy, not a view: the reply buffer may be a slice of the client's parser pool, and core hands the
  // payload to every local socket, possibly after later replies arrived. A plain Uint8Array, as publish took.
  if (message[0] === BYTES) return new Uint8Array(message.subarray(1));
  return undefined;
}
