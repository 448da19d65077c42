/**
 * An explicit response, for full control over status, headers and body. A handler that returns one is
 * answered with exactly that: no response model, no JSON encoding of strings.
 * @example
 * return new HttpResponse('pong', { contentType: 'text/plain' });
 * return HttpResponse.json({ created: true }, { status: 201, headers: { location: '/items/1' } });
 */
import type { HeaderValues } from './http-error.js';

export type ResponseBody = string | Uint8Array | AsyncIterable<string | Uint8Array> | null;

export interface ResponseInit {
  status?: number;
  headers?: HeaderValues;
  contentType?: string;
}

export class HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string | number | readonly string[]>;

  constructor(
    readonly body: ResponseBody = null,
    init: ResponseInit = {},
  ) {
    this.status = init.status ?? 200;
    this.headers = {};
    // A copy (middleware may change it), with lower-case names; runs per request under middleware.
    const headers = init.headers;
    if (headers) for (const name in headers) this.headers[name.toLowerCase()] = headers[name] as string | number | readonly string[];
    if (init.contentType) this.headers['content-type'] = init.contentType;
  }

  /** A JSON response; `value` is encoded with `JSON.stringify` as is (no response model applies). */
  static json(value: unknown, init: ResponseInit = {}): HttpResponse {
    return new HttpResponse(JSON.stringify(value) ?? 'null', { contentType: 'application/json', ...init });
  }

  /** A redirect, 307 by default as FastAPI's `RedirectResponse`. */
  static redirect(location: string, status = 307): HttpResponse {
    return new HttpResponse(null, { status, headers: { location } });
  }
}
