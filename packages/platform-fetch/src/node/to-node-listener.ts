/**
 * Serves a fetch handler from a node:http (or https) server: each `IncomingMessage` becomes a
 * `Request`, and the `Response` is written back with back-pressure. The request target alone decides
 * the path (see read-request-target); a target or request the URL standard cannot represent gets a
 * 400 with a JSON `detail`, and a failure of the handler a JSON 500 without a stack.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FetchHandler } from '../fetch-adapter.js';
import { isValidAuthority, readRequestTarget, type RequestTarget } from './read-request-target.js';
import { writeResponse, writeJsonError } from './write-response.js';

export interface NodeListenerOptions {
  /**
   * Called with what the handler threw (or a response body that failed midway); the client gets a
   * JSON 500 or, once the headers are sent, a cut connection. Default: `console.error`.
   * Not called when the client went away first: that is not a server error.
   */
  onError?: (error: unknown, request: Request) => void;
}

/**
 * Methods the fetch standard refuses to put in a `Request` (CONNECT never reaches a request listener).
 * A server still receives them and must answer (405 from a Decorum app), so the request is built as a
 * bodiless GET and given its real method.
 */
const FORBIDDEN_METHODS = new Set(['TRACE', 'TRACK']);

/**
 * @example
 * import { createServer } from 'node:http';
 * import { toNodeListener } from '@decorumjs/platform-fetch/node';
 *
 * createServer(toNodeListener(await toFetchHandler(app))).listen(8000);
 */
export function toNodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): RequestListener {
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  return (req, res) => void answer(handler, onError, req, res);
}

async function answer(
  handler: FetchHandler, onError: (error: unknown, request: Request) => void, req: IncomingMessage, res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const target = readRequestTarget(method, req.url ?? '');
  if (!target) return writeJsonError(res, 400, 'Invalid request target');
  // The client going away aborts the request's signal, so the handler can stop its work.
  const disconnected = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) disconnected.abort();
  });
  const request = toRequest(req, method, target, disconnected.signal);
  if (!request) return writeJsonError(res, 400, 'Malformed request');
  try {
    const response = await handler(request, { remoteAddress: req.socket.remoteAddress, target: target.pathAndQuery });
    await writeResponse(res, response, method === 'HEAD');
  } catch (error) {
    if (disconnected.signal.aborted) return;
    onError(error, request);
    if (res.headersSent) res.destroy();
    else writeJsonError(res, 500, 'Internal Server Error');
  }
}

/** undefined when the URL standard cannot represent the request (the client's mistake: 400). */
function toRequest(req: IncomingMessage, method: string, target: RequestTarget, signal: AbortSignal): Request | undefined {
  const forbidden = FORBIDDEN_METHODS.has(method);
  const headers = new Headers();
  try {
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  } catch {
    return undefined;
  }
  const init: RequestInit & { duplex: 'half' } = {
    method: forbidden ? 'GET' : method,
    headers,
    body: hasBody(req, method) && !forbidden ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal,
    duplex: 'half',
  };
  const scheme = 'encrypted' in req.socket ? 'https' : 'http';
  // `*` (OPTIONS *) has no URL form; the URL says `/`, the target the handler is given says `*`.
  const path = target.pathAndQuery === '*' ? '/' : target.pathAndQuery;
  const request = target.authority !== undefined
    ? create(`${scheme}://${target.authority}${path}`, init)
    : (isValidAuthority(req.headers.host) && create(`${scheme}://${req.headers.host}${path}`, init)) ||
      // A missing or malformed Host does not change where the request goes (node:http answers a missing
      // one on HTTP/1.1 itself); reject it with `trustedHost()` when a deployment must.
      create(`${scheme}://localhost${path}`, init);
  if (request && forbidden) Object.defineProperty(request, 'method', { value: method });
  return request || undefined;
}

function create(url: string, init: RequestInit): Request | false {
  try {
    return new Request(url, init);
  } catch {
    return false;
  }
}

/** A body is on the wire only when the request declares one (fetch forbids one on GET and HEAD). */
function hasBody(req: IncomingMessage, method: string): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
