/**
 * The client went away before its request was read to the end (a closed tab, a cancelled upload). It is
 * not a server error and there is nobody left to answer: adapters raise it from `readBody`, and the app
 * logs it at debug level instead of as an unhandled 500.
 */
export class RequestAborted extends Error {
  override readonly name = 'RequestAborted';
  constructor(options?: { cause?: unknown }) {
    super('The client closed the connection before the request body was received', options);
  }
}

/** Whether a stream error means the peer hung up (node's `aborted` / ECONNRESET and their kin). */
export function isDisconnect(error: unknown): boolean {
  if (error instanceof RequestAborted) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || code === 'ERR_STREAM_PREMATURE_CLOSE'
    || message === 'aborted';
}
