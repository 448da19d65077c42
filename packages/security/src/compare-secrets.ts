/**
 * Comparing a secret the client sent with the one expected, in time that does not depend on where they
 * differ, nor on their lengths (FastAPI's tutorial uses `secrets.compare_digest`).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when `given` equals `expected`. Both are hashed first, so `timingSafeEqual` compares equal-length
 * digests and neither the position of the first difference nor the expected length leaks.
 * @example
 * if (!(compareSecrets(c.username, 'stanley') & compareSecrets(c.password, settings.adminPassword))) throw …;
 */
export function compareSecrets(given: string | Uint8Array, expected: string | Uint8Array): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(value: string | Uint8Array): Buffer {
  return createHash('sha256').update(value).digest();
}
