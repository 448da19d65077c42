/**
 * Writes a web-standard `Response` to a node `ServerResponse`: headers once (every `Set-Cookie` kept
 * apart), then the body chunk by chunk, waiting for `drain` when the socket's buffer is full, so a
 * large or endless body never piles up in memory. A client that goes away cancels the body.
 */
import type { ServerResponse } from 'node:http';

export async function writeResponse(res: ServerResponse, response: Response, isHead: boolean): Promise<void> {
  if (res.destroyed) {
    // The client left while the handler worked: nobody will read the body, let its producer stop.
    await response.body?.cancel();
    return;
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  // A body the app refused to read is still on the socket; close rather than read it all to reuse the connection.
  if (response.status === 413) headers.connection = 'close';
  res.writeHead(response.status, response.statusText || undefined, headers);
  const body = response.body;
  if (body === null || isHead) {
    // HEAD: GET's headers, no body; let the producer stop (a generator runs its `finally`).
    await body?.cancel();
    res.end();
    return;
  }
  const reader = body.getReader();
  const cancel = (): void => void reader.cancel().catch(() => undefined);
  res.once('close', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } finally {
    res.off('close', cancel);
  }
}

/** A client mistake or a server failure as Decorum answers them: JSON `{ "detail": … }`, never a stack. */
export function writeJsonError(res: ServerResponse, status: number, detail: string): void {
  const body = JSON.stringify({ detail });
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  // A request the server could not read says nothing trustworthy about what follows it on the connection.
  if (status === 400) headers.connection = 'close';
  res.writeHead(status, headers);
  res.end(body);
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
