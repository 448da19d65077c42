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
  // Most bodies have fewer brackets than the limit allows levels: a few native searches settle them.
  if (!hasMoreOpeners(bytes, limit)) return -1;
  let depth = 0;
  const end = bytes.byteLength;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte === QUOTE) {
      i = closingQuote(bytes, i);
      if (i === -1) return -1;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > limit) return i;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return -1;
}

/** More than `limit` `[` and `{` in all (strings included): only then can the nesting be deeper. */
function hasMoreOpeners(bytes: Uint8Array, limit: number): boolean {
  if (bytes.byteLength <= limit) return false;
  let count = 0;
  for (const opener of [OPEN_OBJECT, OPEN_ARRAY]) {
    for (let i = bytes.indexOf(opener); i !== -1; i = bytes.indexOf(opener, i + 1)) {
      if (++count > limit) return true;
    }
  }
  return false;
}

/** The offset of the quote that ends the string opened at `open` (strings are skipped natively), or -1. */
function closingQuote(bytes: Uint8Array, open: number): number {
  for (let i = bytes.indexOf(QUOTE, open + 1); i !== -1; i = bytes.indexOf(QUOTE, i + 1)) {
    // Escaped when preceded by an odd number of backslashes.
    let backslashes = 0;
    while (bytes[i - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return -1;
}
