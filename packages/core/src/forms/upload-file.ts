/**
 * One uploaded file, as a handler receives it (FastAPI's `UploadFile`). Its bytes are kept in memory up
 * to a small threshold and spooled to a temporary file past it (Starlette's `SpooledTemporaryFile`), so
 * an upload of any size costs the server a bounded amount of memory. The temporary file is removed after
 * the response, whatever happened; `moveTo` keeps it.
 */
import { createReadStream } from 'node:fs';
import { copyFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

export class UploadFile {
  /** The name the client gave, as sent (never a path to trust). */
  readonly filename: string;
  /** The declared media type, `application/octet-stream` when the part said none. */
  readonly contentType: string;
  /** Size in bytes. */
  readonly size: number;
  readonly #memory: Buffer | undefined;
  #path: string | undefined;
  #moved = false;

  constructor(filename: string, contentType: string, size: number, stored: Buffer | string) {
    this.filename = filename;
    this.contentType = contentType;
    this.size = size;
    if (typeof stored === 'string') this.#path = stored;
    else this.#memory = stored;
  }

  /** Whether the bytes were spooled to disk (past the in-memory threshold). */
  get spooled(): boolean {
    return this.#path !== undefined;
  }

  /**
   * Where the bytes are on disk: the temporary file while spooled (removed after the response), the
   * destination after `moveTo`, undefined while they are in memory.
   */
  get path(): string | undefined {
    return this.#path;
  }

  /** The bytes as a stream, read from memory or from the temporary file. */
  stream(): Readable {
    if (this.#path !== undefined) return createReadStream(this.#path);
    return Readable.from([this.#memory ?? Buffer.alloc(0)]);
  }

  /** The whole file in memory: for small files (use `stream()` or `moveTo()` for large ones). */
  async bytes(): Promise<Uint8Array> {
    return this.#path !== undefined ? readFile(this.#path) : (this.#memory ?? Buffer.alloc(0));
  }

  async text(): Promise<string> {
    return Buffer.from(await this.bytes()).toString('utf8');
  }

  /**
   * Stores the file at `path` (a rename when it was spooled on the same device, else a copy). The
   * file is then the app's: it is not removed after the response.
   */
  async moveTo(path: string): Promise<void> {
    if (this.#path === undefined) {
      await writeFile(path, this.#memory ?? Buffer.alloc(0));
    } else {
      try {
        await rename(this.#path, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await copyFile(this.#path, path);
        await rm(this.#path, { force: true });
      }
    }
    this.#path = path;
    this.#moved = true;
  }

  /** Removes the temporary file (after the response); a moved file is the app's and stays. */
  async dispose(): Promise<void> {
    if (this.#path !== undefined && !this.#moved) await rm(this.#path, { force: true });
  }
}
