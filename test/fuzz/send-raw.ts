/**
 * Sends exact bytes over a TCP connection and reads the responses. Raw sockets, because `fetch` refuses
 * or repairs much of what the fuzz sends: bad escapes, unknown methods, odd framing and Host headers.
 */
import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export type SendResult = { ok: true; response: RawResponse } | { ok: false; error: string; received: string };

export interface Exchange {
  readonly bytes: Buffer;
  /** The request is a HEAD: its response has a length but no body. */
  readonly head?: boolean;
}

/** Sends one request on a fresh connection and reads its response. */
export async function sendRaw(port: number, bytes: Buffer, timeoutMs: number, head = false): Promise<SendResult> {
  const [result] = await exchange(port, [{ bytes, head }], timeoutMs);
  return result as SendResult;
}

/**
 * Sends requests one after another on one connection, each once the previous response is complete, and
 * reads until the server closes. A result is missing for a request never sent because the server had
 * closed the connection by then (its right, after an error).
 */
export function exchange(port: number, requests: readonly Exchange[], timeoutMs: number): Promise<SendResult[]> {
  return new Promise((resolve) => {
    const results: SendResult[] = [];
    let buffer = Buffer.alloc(0);
    let settled = false;
    const socket = connect({ port, host: '127.0.0.1' });
    const current = () => requests[results.length];
    // Takes every complete response off the buffer; sends the next request after each.
    const drain = (closed: boolean): void => {
      for (let request = current(); request; request = current()) {
        const parsed = parseResponse(buffer, request.head, closed);
        if (parsed.state !== 'complete') return;
        results.push({ ok: true, response: parsed.response });
        buffer = buffer.subarray(parsed.consumed);
        const next = current();
        // A server that says it closes is not asked again; one that says nothing must answer on the connection.
        if (next && /\bclose\b/i.test(parsed.response.headers.connection ?? '')) {
          if (!settled) finishClosed();
          return;
        }
        if (next && !closed && !socket.destroyed) socket.write(next.bytes);
      }
    };
    const finish = (problem?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      drain(true);
      // A server may answer early (a 4xx before reading the whole body) and close: the answer still counts
      // when it arrived whole. Without one, the error is the outcome of the request waiting for it.
      const waiting = current();
      if (waiting && (results.length === 0 || buffer.byteLength > 0 || problem)) {
        const parsed = parseResponse(buffer, waiting.head, true);
        const error = problem ?? (parsed.state === 'invalid' ? parsed.error : 'connection closed mid-response');
        results.push({ ok: false, error, received: preview(buffer) });
      }
      resolve(results);
    };
    // The server announced it closes after a response: the requests after it are never sent.
    const finishClosed = (): void => {
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(results);
    };
    const timer = setTimeout(() => finish(`no complete response within ${timeoutMs} ms`), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      drain(false);
      if (!current()) finish();
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => finish(`${error.code ?? 'socket error'}: ${error.message}`));
    socket.write((requests[0] as Exchange).bytes);
  });
}

type Parsed =
  | { state: 'complete'; response: RawResponse; consumed: number }
  | { state: 'incomplete' }
  | { state: 'invalid'; error: string };

/**
 * Parses the first HTTP/1.1 response in `data`. `head` when it answers a HEAD (a length, but no body);
 * `closed` once the server closed the connection, which ends a response framed by neither length nor chunks.
 */
export function parseResponse(data: Buffer, head = false, closed = true): Parsed {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd === -1) {
    if (!closed) return { state: 'incomplete' };
    return { state: 'invalid', error: data.byteLength === 0 ? 'connection closed with no response' : 'incomplete response head' };
  }
  const [statusLine = '', ...headerLines] = data.subarray(0, headEnd).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!match) return { state: 'invalid', error: `malformed status line ${JSON.stringify(statusLine)}` };
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  const status = Number(match[1]);
  const start = headEnd + 4;
  if (head || status === 204 || status === 304) return { state: 'complete', response: { status, headers, body: Buffer.alloc(0) }, consumed: start };
  const body = readBody(data.subarray(start), headers, closed);
  if (!body) return closed ? { state: 'invalid', error: 'response body cut short' } : { state: 'incomplete' };
  return { state: 'complete', response: { status, headers, body: body.body }, consumed: start + body.consumed };
}

function readBody(rest: Buffer, headers: Record<string, string>, closed: boolean): { body: Buffer; consumed: number } | undefined {
  if (headers['transfer-encoding']?.toLowerCase().includes('chunked')) return decodeChunked(rest);
  const length = headers['content-length'];
  if (length === undefined) return closed ? { body: rest, consumed: rest.byteLength } : undefined;
  const size = Number(length);
  return rest.byteLength >= size ? { body: rest.subarray(0, size), consumed: size } : undefined;
}

function decodeChunked(data: Buffer): { body: Buffer; consumed: number } | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    const start = lineEnd + 2;
    if (size === 0) {
      // No trailers from Decorum: the last chunk is followed by one empty line.
      return data.byteLength >= start + 2 ? { body: Buffer.concat(parts), consumed: start + 2 } : undefined;
    }
    if (data.byteLength < start + size + 2) return undefined;
    parts.push(data.subarray(start, start + size));
    at = start + size + 2;
  }
}

/** The start of what arrived, for a failure message. */
export function preview(data: Buffer, max = 600): string {
  const text = data.subarray(0, max).toString('latin1');
  return data.byteLength > max ? `${text}… (${data.byteLength} bytes)` : text;
}
