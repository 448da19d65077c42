/**
 * Reads a form body, `application/x-www-form-urlencoded` or `multipart/form-data`, into its fields and
 * files. Multipart is parsed by busboy while it streams from the adapter; files are spooled (see
 * `UploadFile`), and every limit is checked as the bytes arrive, so a too-large upload is refused at the
 * byte that crosses the limit, not after it was stored. The answer is a 413 naming the field; the
 * adapter discards the rest of the body so the client can read it.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import busboy from 'busboy';
import type { AdapterRequest } from '../adapter/adapter.js';
import { PayloadTooLarge, UnsupportedMediaType, HttpError } from '../http/http-error.js';
import { parseQueryString } from '../http/query-string.js';
import type { ResolvedMultipartLimits } from './multipart-limits.js';
import { streamBody } from './stream-body.js';
import { UploadFile } from './upload-file.js';

/** What a form route binds from: fields as the query's shape, files by field name. */
export class FormBody {
  constructor(
    readonly fields: Readonly<Record<string, string | string[] | undefined>>,
    readonly files: ReadonlyMap<string, readonly UploadFile[]>,
    readonly dispose: () => Promise<void>,
  ) {}
}

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
const NO_FILES: ReadonlyMap<string, readonly UploadFile[]> = new Map();
const nothing = () => Promise.resolve();

/** `needsMultipart`: the route takes files, which only `multipart/form-data` can carry. */
export async function readFormBody(
  req: AdapterRequest, bodyLimit: number, limits: ResolvedMultipartLimits, needsMultipart: boolean,
): Promise<FormBody> {
  const contentType = req.headers['content-type'];
  const mime = mediaType(typeof contentType === 'string' ? contentType : undefined);
  if (mime === FORM && !needsMultipart) {
    const bytes = await req.readBody(bodyLimit);
    return new FormBody(parseQueryString(Buffer.from(bytes).toString('utf8')), NO_FILES, nothing);
  }
  if (mime === MULTIPART) return readMultipart(req, contentType as string, limits);
  if (mime === undefined && !hasBody(req)) return new FormBody(Object.create(null) as Record<string, never>, NO_FILES, nothing);
  throw new UnsupportedMediaType(`Unsupported Media Type: expected a form body with Content-Type ${
    needsMultipart ? MULTIPART : `${FORM} or ${MULTIPART}`}, got ${contentType ? `"${String(contentType)}"` : 'no Content-Type'}`);
}

function readMultipart(req: AdapterRequest, contentType: string, limits: ResolvedMultipartLimits): Promise<FormBody> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      limits: {
        // busboy reports a size limit when a file or field value reaches it, not when it passes it: one
        // more byte lets one of exactly the limit through, as the 413's "larger than" says.
        fileSize: limits.fileSize + 1, files: limits.files, fields: limits.fields,
        fieldSize: limits.fieldSize + 1, parts: limits.parts,
      },
    });
  } catch {
    return Promise.reject(new HttpError(400, 'Malformed multipart body: the Content-Type has no boundary'));
  }
  const fields: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  const files = new Map<string, UploadFile[]>();
  const written: Array<Promise<void>> = [];
  /** Ends each file still being written when the body is refused: its part will never end. */
  const aborts: Array<() => void> = [];
  const temps: string[] = [];
  let tempDir: Promise<string> | undefined;
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
  };
  const dispose = async () => {
    await Promise.allSettled(written);
    await Promise.all([...files.values()].flat().map((f) => f.dispose()));
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    if (tempDir) await rm(await tempDir, { recursive: true, force: true }).catch(() => undefined);
  };

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) return fail(new PayloadTooLarge(`Form field "${name}" is larger than the limit of ${limits.fieldSize} bytes`));
    const previous = fields[name];
    if (previous === undefined) fields[name] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else fields[name] = [previous, value];
  });
  parser.on('file', (name, stream, info) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let out: WriteStream | undefined;
    let path: string | undefined;
    const done = new Promise<void>((resolve) => {
      aborts.push(() => {
        out?.destroy();
        resolve();
      });
      // busboy destroys an unfinished file's stream with the parser's error: the failure is already chosen.
      stream.on('error', fail);
      stream.on('limit', () => fail(new PayloadTooLarge(`File "${name}" is larger than the limit of ${limits.fileSize} bytes`)));
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (out) {
          if (!out.write(chunk)) {
            stream.pause();
            out.once('drain', () => stream.resume());
          }
          return;
        }
        chunks.push(chunk);
        if (size > limits.memoryThreshold) {
          // Past the threshold: everything so far, and the rest, goes to a temporary file.
          stream.pause();
          tempDir ??= mkdtemp(join(limits.tempDir ?? tmpdir(), 'decorum-upload-'));
          void tempDir.then((dir) => {
            path = join(dir, String(temps.length));
            temps.push(path);
            out = createWriteStream(path);
            out.on('error', fail);
            for (const c of chunks.splice(0)) out.write(c);
            stream.resume();
          }, (error: unknown) => { fail(error); stream.resume(); });
        }
      });
      stream.on('end', () => {
        const file = new UploadFile(info.filename ?? '', info.mimeType || 'application/octet-stream', size,
          path ?? Buffer.concat(chunks, size));
        const list = files.get(name);
        if (list) list.push(file);
        else files.set(name, [file]);
        if (out) out.end(resolve);
        else resolve();
      });
    });
    written.push(done);
  });
  parser.on('filesLimit', () => fail(new PayloadTooLarge(`Too many files: the limit is ${limits.files}`)));
  parser.on('fieldsLimit', () => fail(new PayloadTooLarge(`Too many form fields: the limit is ${limits.fields}`)));
  parser.on('partsLimit', () => fail(new PayloadTooLarge(`Too many form parts: the limit is ${limits.parts}`)));

  const finished = new Promise<void>((resolve) => {
    parser.on('close', resolve);
    parser.on('error', (error: Error) => {
      fail(new HttpError(400, `Malformed multipart body: ${error.message}`));
      resolve();
    });
  });

  const write = (chunk: Uint8Array): boolean | Promise<boolean> => {
    if (failure !== undefined) return false;
    if (parser.write(chunk)) return failure === undefined;
    return new Promise((resolve) => parser.once('drain', () => resolve(failure === undefined)));
  };
  return streamBody(req, write).then(async () => {
    if (failure === undefined) {
      parser.end();
      await finished;
    }
    if (failure !== undefined) throw failure;
    await Promise.all(written);
    if (failure !== undefined) throw failure;
    return new FormBody(fields, files, dispose);
  }).catch(async (error: unknown) => {
    parser.destroy();
    for (const abort of aborts) abort();
    await dispose();
    throw error;
  });
}

function hasBody(req: AdapterRequest): boolean {
  const length = req.headers['content-length'];
  return length === undefined ? req.headers['transfer-encoding'] !== undefined : length !== '0';
}

function mediaType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const semi = contentType.indexOf(';');
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}
