/**
 * How a WebSocket session ends, in FastAPI's names. `WebSocketDisconnect` is the peer leaving: thrown by
 * `receive*` after the close, and a normal end when it escapes the handler. `WebSocketException` is the
 * handler (or a dependency) ending the session with a close code of its choice.
 */

/** Close codes Decorum sends (RFC 6455 §7.4.1, and 1012–1014 from the IANA registry). */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  /** Received by the server only: the connection dropped without a closing handshake. */
  abnormal: 1006,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
} as const;

export class WebSocketDisconnect extends Error {
  override readonly name = 'WebSocketDisconnect';
  constructor(readonly code: number = CLOSE_CODES.normal, readonly reason = '') {
    super(`WebSocket closed (${code}${reason ? `: ${reason}` : ''})`);
  }
}

export class WebSocketException extends Error {
  override readonly name = 'WebSocketException';
  /**
   * @param code a close code a server may send: 1000–1003, 1007–1014, or 3000–4999 (yours).
   * @param reason sent to the peer, cut to the 123 bytes a close frame holds.
   */
  constructor(readonly code: number, readonly reason = '') {
    if (!isSendableCloseCode(code)) throw new RangeError(`WebSocketException: ${code} is no close code a server may send (1000–1003, 1007–1014, 3000–4999)`);
    super(`WebSocket closed by the server (${code}${reason ? `: ${reason}` : ''})`);
  }
}

export function isSendableCloseCode(code: number): boolean {
  return Number.isInteger(code) && ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999));
}

const encoder = new TextEncoder();

/** A close frame's reason holds 123 bytes of UTF-8: longer ones are cut at a character boundary. */
export function fitCloseReason(reason: string): string {
  if (reason.length <= 41 || encoder.encode(reason).byteLength <= 123) return reason;
  let cut = '';
  let bytes = 0;
  for (const char of reason) {
    bytes += encoder.encode(char).byteLength;
    if (bytes > 123) break;
    cut += char;
  }
  return cut;
}
