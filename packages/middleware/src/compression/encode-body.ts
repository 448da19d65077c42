/**
 * Encodes a response body with node:zlib: a body in one piece at once, a streamed body as a stream.
 * Runtimes without node:zlib (some edge runtimes running the fetch adapter) would need the web
 * `CompressionStream` instead, which has gzip but no brotli; Node, Deno and Bun all provide node:zlib.
 */
import { promisify } from 'node:util';
import type { Transform } from 'node:stream';
import {
  brotliCompress, constants, createBrotliCompress, createGzip, gzip, type BrotliOptions, type ZlibOptions,
} from 'node:zlib';
import type { Encoding } from './negotiate-encoding.js';

const gzipAsync = promisify(gzip) as (input: Uint8Array | string, options: ZlibOptions) => Promise<Uint8Array>;
const brotliAsync = promisify(brotliCompress) as (input: Uint8Array | string, options: BrotliOptions) => Promise<Uint8Array>;

export interface EncoderSettings {
  /** gzip level, 1 (fast) to 9 (small); zlib's default 6. */
  readonly gzipLevel: number;
  /** Brotli quality, 0 to 11. 11 (brotli's default) is for static files; dynamic responses want ~4. */
  readonly brotliQuality: number;
}

export function encodeWhole(body: string | Uint8Array, encoding: Encoding, settings: EncoderSettings): Promise<Uint8Array> {
  if (encoding === 'gzip') return gzipAsync(body, { level: settings.gzipLevel });
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  return brotliAsync(body, { params: brotliParams(settings, size) });
}

function brotliParams(settings: EncoderSettings, size?: number): Record<number, number> {
  const params: Record<number, number> = {
    [constants.BROTLI_PARAM_QUALITY]: settings.brotliQuality,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  };
  if (size !== undefined) params[constants.BROTLI_PARAM_SIZE_HINT] = size;
  return params;
}

function createEncoder(encoding: Encoding, settings: EncoderSettings): Transform {
  return encoding === 'gzip' ? createGzip({ level: settings.gzipLevel }) : createBrotliCompress({ params: brotliParams(settings) });
}

/**
 * Encodes a streamed body chunk by chunk. Each chunk the handler yields is flushed through the encoder,
 * so server-sent events and progress updates reach the client when they are produced, not when the
 * encoder's window fills. If the client goes away, the encoder is destroyed and the source is closed
 * (its `finally` blocks run).
 */
export async function* encodeStream(
  source: AsyncIterable<string | Uint8Array>, encoding: Encoding, settings: EncoderSettings,
): AsyncGenerator<Uint8Array> {
  const encoder = createEncoder(encoding, settings);
  const input = source[Symbol.asyncIterator]();
  let stopped = false;
  // Feeds the encoder while the loop below drains it; flush waits while the output is not read, which
  // is the backpressure.
  const feeding = (async () => {
    try {
      for (;;) {
        const { done, value } = await input.next();
        if (done || stopped) break;
        encoder.write(value);
        await new Promise<void>((resolve) => (encoder as Transform & { flush(cb: () => void): void }).flush(() => resolve()));
      }
      if (!stopped) encoder.end();
    } catch (error) {
      encoder.destroy(error as Error);
    }
  })();
  try {
    for await (const chunk of encoder) yield chunk as Uint8Array;
    await feeding;
  } finally {
    if (!encoder.writableFinished) {
      stopped = true;
      encoder.destroy();
      await input.return?.();
    }
  }
}
