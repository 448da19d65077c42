/**
 * Response compression with gzip or brotli, chosen from `Accept-Encoding` (Starlette's `GZipMiddleware`,
 * Express's `compression`). Decided per response: it leaves alone what is small, already encoded, not
 * text, bodiless, a HEAD answer, or marked `Cache-Control: no-transform`.
 */
import { HttpResponse, type Middleware } from '@decorumjs/core';
import { appendVary } from '../headers.js';
import { isCompressibleType } from './compressible.js';
import { encodeStream, encodeWhole, type EncoderSettings } from './encode-body.js';
import { negotiateEncoding, type Encoding } from './negotiate-encoding.js';

export interface CompressionOptions {
  /** Bodies smaller than this many bytes are sent as they are (1024 by default, as Express's `compression`). */
  threshold?: number;
  /** Encodings offered, best first, for clients that accept several equally: `['br', 'gzip']` by default. */
  encodings?: readonly Encoding[];
  /** gzip level, 1–9 (6 by default). */
  gzipLevel?: number;
  /** Brotli quality, 0–11 (4 by default: brotli's own default, 11, is far too slow per request). */
  brotliQuality?: number;
  /** Decides which content types are compressed (text, JSON, XML, JavaScript, SVG… by default). */
  filter?: (contentType: string) => boolean;
}

/**
 * Compresses responses the client can decode. Bodies in one piece are compressed at once; streamed
 * bodies (`AsyncIterable`) are compressed as a stream, each chunk flushed as it comes. The response
 * gets `Content-Encoding`, `Vary: Accept-Encoding`, loses its `Content-Length` (the adapter sets the new
 * one), and a strong `ETag` becomes weak, since the bytes are no longer those it named.
 * @example
 * app.use(compression());
 * app.use(compression({ threshold: 2048, encodings: ['gzip'] }));
 */
export function compression(options: CompressionOptions = {}): Middleware {
  const threshold = options.threshold ?? 1024;
  const preferred = options.encodings ?? ['br', 'gzip'];
  const filter = options.filter ?? isCompressibleType;
  const settings: EncoderSettings = { gzipLevel: options.gzipLevel ?? 6, brotliQuality: options.brotliQuality ?? 4 };

  return async (ctx, next) => {
    const response = await next();
    if (ctx.method === 'HEAD' || !worthCompressing(response, threshold, filter)) return response;
    // From here the answer depends on Accept-Encoding, whether or not this client gets it compressed.
    appendVary(response, 'Accept-Encoding');
    const encoding = negotiateEncoding(ctx, preferred);
    if (!encoding) return response;
    return encode(response, encoding, settings);
  };
}

function worthCompressing(response: HttpResponse, threshold: number, filter: (contentType: string) => boolean): boolean {
  const { body, headers, status } = response;
  // A 206's Content-Range counts bytes of the uncompressed file: encoding it would break the range.
  if (body === null || status < 200 || status === 204 || status === 206 || status === 304) return false;
  if (headers['content-encoding'] !== undefined) return false;
  const contentType = headers['content-type'];
  if (typeof contentType !== 'string' || !filter(contentType)) return false;
  const cacheControl = headers['cache-control'];
  if (typeof cacheControl === 'string' && /\bno-transform\b/i.test(cacheControl)) return false;
  return sizeOf(response) >= threshold;
}

/** The body's size in bytes; a stream counts as large unless it declared a Content-Length. */
function sizeOf({ body, headers }: HttpResponse): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  const declared = headers['content-length'];
  return declared === undefined ? Number.POSITIVE_INFINITY : Number(declared);
}

async function encode(response: HttpResponse, encoding: Encoding, settings: EncoderSettings): Promise<HttpResponse> {
  const headers: HttpResponse['headers'] = { ...response.headers, 'content-encoding': encoding };
  delete headers['content-length'];
  // Ranges of the encoded body are not served: a client must not ask for them.
  delete headers['accept-ranges'];
  const etag = headers.etag;
  if (typeof etag === 'string' && !etag.startsWith('W/')) headers.etag = `W/${etag}`;
  const body = response.body as NonNullable<HttpResponse['body']>;
  const encoded = typeof body === 'string' || body instanceof Uint8Array
    ? await encodeWhole(body, encoding, settings)
    : encodeStream(body, encoding, settings);
  return new HttpResponse(encoded, { status: response.status, headers });
}
