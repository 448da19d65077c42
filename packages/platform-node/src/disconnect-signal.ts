/**
 * The `AbortSignal` of one request on node:http (and the frameworks on it): aborted when the
 * connection closes before the response was finished, which is how node tells that the client left.
 * Made on first read by the adapter request, so requests that never ask add no listener.
 */
import type { ServerResponse } from 'node:http';

export function disconnectSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  if (res.closed) {
    if (!res.writableFinished) controller.abort();
    return controller.signal;
  }
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
