/**
 * Requests node:http refuses before any route sees them (malformed, headers or URL too large, too slow),
 * answered in Decorum's shape (`{"detail": ...}`) instead of node's bare status line, and closed with a
 * lingering close so the client reads the answer rather than a reset.
 */
import { STATUS_CODES, type IncomingMessage, type RequestListener } from 'node:http';
import type { Duplex } from 'node:stream';
import { isDisconnect } from '@decorumjs/core';
import { isDiscarding, isLingering, lingerClose } from './discard-body.js';

/** node's error codes for a request it could not accept, and the status each gets. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
};

/** A `clientError` listener for node:http servers (Fastify's `clientErrorHandler` has the same shape). */
export function answerClientError(error: Error, socket: Duplex): void {
  // Answered already: node's parser errs again on each piece of the rest, which the close reads and drops.
  if (isLingering(socket)) return;
  if (isDisconnect(error) || !socket.writable || isDiscarding(socket) || responseStarted(socket)) {
    socket.destroy();
    return;
  }
  const status = STATUS_BY_CODE[(error as { code?: string }).code ?? ''] ?? 400;
  lingerClose(socket, rawResponse(status, JSON.stringify({ detail: STATUS_CODES[status] })));
}

const MISSING_HOST = JSON.stringify({ detail: 'Bad Request: an HTTP/1.1 request must have a Host header' });

/**
 * RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request without Host. node does so itself with
 * an empty body unless `requireHostHeader` is off; the server turns it off and answers through this.
 */
export function requireHost(listener: RequestListener): RequestListener {
  return (req, res) => {
    if (req.headers.host !== undefined || !isHttp11(req)) {
      listener(req, res);
      return;
    }
    res.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(MISSING_HOST), connection: 'close' });
    res.end(MISSING_HOST);
  };
}

function isHttp11(req: IncomingMessage): boolean {
  return req.httpVersionMajor === 1 && req.httpVersionMinor === 1;
}

/** A response in progress on this socket (node's own default handler checks the same): it cannot get a second one. */
function responseStarted(socket: Duplex): boolean {
  const current = (socket as { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  return current?.headersSent === true;
}

function rawResponse(status: number, body: string): string {
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/json\r\n`
    + `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}
