/**
 * A file sent from disk (FastAPI's `FileResponse`). What goes out depends on the request (conditional
 * GET, `Range`, HEAD), so the route's send stage resolves it with `resolveFile` once the handler returns;
 * the file is streamed with `fs.createReadStream`, which adapters write with back-pressure.
 * @example
 * return new FileResponse('reports/2024.pdf', { filename: 'Rapport été.pdf' });
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { create as contentDisposition } from 'content-disposition';
import fresh from 'fresh';
import { contentType as contentTypeOf } from 'mime-types';
import parseRange from 'range-parser';
import type { AdapterRequest } from '../adapter/adapter.js';
import { NotFound } from './http-error.js';
import { HttpResponse, type ResponseInit } from './http-response.js';

export interface FileResponseInit extends ResponseInit {
  /** Offered to the client as the download's name (`Content-Disposition`); non-ASCII names go in `filename*`. */
  filename?: string;
  /** `attachment` (the default with a filename) or `inline` (the default without one: no header then). */
  disposition?: 'attachment' | 'inline';
}

export class FileResponse extends HttpResponse {
  constructor(
    readonly path: string,
    readonly init: FileResponseInit = {},
  ) {
    super(null, init);
  }
}

const OCTET_STREAM = 'application/octet-stream';

/**
 * HEAD's body: a stream (so adapters keep the declared `Content-Length` instead of counting a null body
 * as 0) with nothing in it, and no file opened.
 */
const NOTHING: AsyncIterable<Uint8Array> = { async *[Symbol.asyncIterator]() {} };

/** A weak validator from size and modification time, as `send` and Starlette do: no read of the file. */
function weakEtag(stats: Stats): string {
  return `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
}

/**
 * The response for `file` given `request`: 200 with the file, 304 when the client's copy is fresh,
 * 206 for one satisfiable range, 416 for none. A missing file (or a folder) is a 404 `NotFound`.
 */
export async function resolveFile(request: AdapterRequest, file: FileResponse): Promise<HttpResponse> {
  let stats: Stats;
  try {
    stats = await stat(file.path);
  } catch {
    throw new NotFound();
  }
  if (!stats.isFile()) throw new NotFound();
  const { init } = file;
  const headers: Record<string, string | number | readonly string[]> = {
    'content-type': init.contentType ?? (contentTypeOf(extname(file.path)) || OCTET_STREAM),
    'accept-ranges': 'bytes',
    'last-modified': stats.mtime.toUTCString(),
    etag: weakEtag(stats),
    ...file.headers,
  };
  if (init.filename !== undefined || init.disposition !== undefined) {
    headers['content-disposition'] = init.filename === undefined
      ? (init.disposition ?? 'attachment')
      : contentDisposition(init.filename, { type: init.disposition ?? 'attachment' });
  }
  const status = file.status;
  const conditional = request.headers['if-none-match'] !== undefined || request.headers['if-modified-since'] !== undefined;
  if (status === 200 && conditional && fresh(request.headers, { etag: headers.etag as string, 'last-modified': headers['last-modified'] as string })) {
    // A 304 carries the validators, not the representation's own headers.
    delete headers['content-type'];
    delete headers['content-disposition'];
    return new HttpResponse(null, { status: 304, headers });
  }
  const head = request.method === 'HEAD';
  const range = request.headers.range;
  if (status === 200 && typeof range === 'string' && stats.size > 0 && rangeStillValid(request, headers)) {
    const ranges = parseRange(stats.size, range, { combine: true });
    if (ranges === -1) {
      return HttpResponse.json({ detail: 'Range Not Satisfiable' }, { status: 416, headers: { 'content-range': `bytes */${stats.size}`, 'accept-ranges': 'bytes' } });
    }
    // A malformed header is ignored (RFC 9110 §14.2); several ranges get the whole file (multipart/byteranges is optional).
    if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) {
      const [{ start, end }] = ranges as unknown as [{ start: number; end: number }];
      headers['content-range'] = `bytes ${start}-${end}/${stats.size}`;
      headers['content-length'] = end - start + 1;
      return new HttpResponse(head ? NOTHING : createReadStream(file.path, { start, end }), { status: 206, headers });
    }
  }
  headers['content-length'] = stats.size;
  const body = stats.size === 0 ? null : head ? NOTHING : createReadStream(file.path);
  return new HttpResponse(body, { status, headers });
}

/** `If-Range`: the range applies only while the client's validator still matches the file. */
function rangeStillValid(request: AdapterRequest, headers: Record<string, unknown>): boolean {
  const ifRange = request.headers['if-range'];
  if (typeof ifRange !== 'string') return true;
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return false; // weak tags never match for ranges
  return Date.parse(ifRange) >= Date.parse(headers['last-modified'] as string);
}
