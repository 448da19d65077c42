/**
 * Sends exact bytes over a fresh TCP connection and reads the response until the server closes it
 * (every fuzz request says `Connection: close`). Raw sockets, because `fetch` refuses or repairs much of
 * what the fuzz sends: bad escapes, unknown methods, bodies without framing.
 */
import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export type SendResult = { ok: true; response: RawResponse } | { ok: false; error: string; received: string };

export function sendRaw(port: number, bytes: Buffer, timeoutMs: number, head = false): Promise<SendResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect({ port, host: '127.0.0.1' });
    const finish = (problem?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const received = Buffer.concat(chunks);
      const parsed = parseResponse(received, head);
      // A server may answer early (a 4xx before reading the whole body) and close: the answer still counts
      // when it arrived whole. Without one, the error is the outcome.
      if (parsed.ok) resolve({ ok: true, response: parsed.response });
      else resolve({ ok: false, error: problem ?? parsed.error, received: preview(received) });
    };
    const timer = setTimeout(() => finish(`no complete response within ${timeoutMs} ms`), timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => finish(`${error.code ?? 'socket error'}: ${error.message}`));
    socket.end(bytes);
  });
}

type Parsed = { ok: true; response: RawResponse } | { ok: false; error: string };

/** Parses one HTTP/1.1 response; `head` when it answers a HEAD request (a length, but no body). */
export function parseResponse(data: Buffer, head = false): Parsed {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd === -1) return { ok: false, error: data.byteLength === 0 ? 'connection closed with no response' : 'incomplete response head' };
  const [statusLine = '', ...headerLines] = data.subarray(0, headEnd).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!match) return { ok: false, error: `malformed status line ${JSON.stringify(statusLine)}` };
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  const rest = data.subarray(headEnd + 4);
  const status = Number(match[1]);
  const body = head || status === 204 || status === 304 ? Buffer.alloc(0) : readBody(rest, headers);
  if (!body) return { ok: false, error: 'response body cut short' };
  return { ok: true, response: { status, headers, body } };
}

function readBody(rest: Buffer, headers: Record<string, string>): Buffer | undefined {
  if (headers['transfer-encoding']?.toLowerCase().includes('chunked')) return decodeChunked(rest);
  const length = headers['content-length'];
  if (length === undefined) return rest;
  const size = Number(length);
  return rest.byteLength >= size ? rest.subarray(0, size) : undefined;
}

function decodeChunked(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (data.byteLength < start + size) return undefined;
    parts.push(data.subarray(start, start + size));
    at = start + size + 2;
  }
}

/** The start of what arrived, for a failure message. */
export function preview(data: Buffer, max = 600): string {
  const text = data.subarray(0, max).toString('latin1');
  return data.byteLength > max ? `${text}… (${data.byteLength} bytes)` : text;
}
