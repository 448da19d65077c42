/**
 * A byte scan that finds JSON nested deeper than a limit, before anything parses it. Every later walk
 * over a body (prototype-key stripping, validation, class-transformer, the 422's `input`, serialization)
 * is recursive; with depth bounded here, each of them is bounded too, whatever the client sends.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * The offset of the first `[` or `{` that opens level `limit + 1`, or -1 when the text stays within
 * `limit` levels. Brackets inside strings do not count. The text need not be valid JSON: the parser
 * reports its own errors afterwards.
 */
export function findTooDeep(bytes: Uint8Array, limit: number): number {
  // A body shorter than the limit cannot open more levels than it has bytes.
  if (bytes.byteLength <= limit) return -1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.byteLength; i++) {
    const byte = bytes[i] as number;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > limit) return i;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return -1;
}
