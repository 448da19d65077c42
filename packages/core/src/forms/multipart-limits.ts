/**
 * Limits on a form body, enforced while it streams in: past one, the upload stops being read and the
 * client gets a 413 naming the field. Defaults follow `@fastify/multipart`'s where it has them, and are
 * finite everywhere, so no form can make the server store more than `files × fileSize` bytes. A part's
 * own headers are bounded by busboy itself (16 KiB, 2000 lines; not configurable there): larger is a 400.
 */
import { decorumErrors } from '../errors.js';

export interface MultipartLimits {
  /** Largest file, in bytes (10 MiB). */
  fileSize?: number;
  /** Most files in one request (10). */
  files?: number;
  /** Most non-file fields in one request (1000). */
  fields?: number;
  /** Largest non-file field value, in bytes (1 MiB). */
  fieldSize?: number;
  /** Most parts, files and fields together (1000). */
  parts?: number;
  /** Bytes of a file kept in memory before it is spooled to a temporary file (1 MiB). */
  memoryThreshold?: number;
  /** Where temporary files go (the OS's temporary directory). */
  tempDir?: string;
}

export type ResolvedMultipartLimits = Required<Omit<MultipartLimits, 'tempDir'>> & { tempDir: string | undefined };

const MIB = 1024 * 1024;

export const DEFAULT_MULTIPART_LIMITS: ResolvedMultipartLimits = {
  fileSize: 10 * MIB,
  files: 10,
  fields: 1000,
  fieldSize: MIB,
  parts: 1000,
  memoryThreshold: MIB,
  tempDir: undefined,
};

export function resolveMultipartLimits(limits: MultipartLimits = {}): ResolvedMultipartLimits {
  const resolved = { ...DEFAULT_MULTIPART_LIMITS };
  for (const key of ['fileSize', 'files', 'fields', 'fieldSize', 'parts', 'memoryThreshold'] as const) {
    const value = limits[key];
    if (value === undefined) continue;
    if (!(Number.isSafeInteger(value) && value >= 0)) throw decorumErrors.limitInvalid(`multipart.${key}`, 'a whole number', value);
    resolved[key] = value;
  }
  resolved.tempDir = limits.tempDir;
  return resolved;
}
