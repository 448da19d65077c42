/**
 * Reading a request target's path: where it ends, its trailing slash, and its segments percent-decoded
 * one by one (so an encoded `%2F` stays inside its segment). Raw UTF-8 bytes, which node hands over as
 * one latin-1 character per byte, decode as if they had been percent-encoded.
 */

/** Anything to decode: an escape, or a raw byte or character outside ASCII. */
const NEEDS_DECODING = /[%\u0080-\uffff]/;
const NON_ASCII_RUN = /[\u0080-\uffff]+/g;
const WIDER_THAN_A_BYTE = /[^\u0080-\u00ff]/;

export function needsDecoding(path: string): boolean {
  return NEEDS_DECODING.test(path);
}

/**
 * `/items/caf%C3%A9` → `['items', 'café']`; `/` → `[]`; `//a` → `['', 'a']` (an empty segment, which no
 * route matches). Undefined when an escape is malformed or the bytes are not UTF-8. `decode` is
 * `needsDecoding(path)`, which the caller has already asked.
 */
export function decodeSegments(path: string, decode: boolean): string[] | undefined {
  const segments = path.length === 1 ? [] : path.slice(1).split('/');
  if (!decode) return segments;
  try {
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as string;
      if (NEEDS_DECODING.test(segment)) segments[i] = decodeURIComponent(segment.replace(NON_ASCII_RUN, escapeRun));
    }
  } catch {
    return undefined;
  }
  return segments;
}

/** A literal segment as declared (`café` or `caf%C3%A9`), in the decoded form requests are compared in. */
export function decodeLiteral(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Raw bytes (latin-1 characters) → `%XX`; characters wider than a byte were already text → UTF-8 escapes. */
function escapeRun(run: string): string {
  if (WIDER_THAN_A_BYTE.test(run)) return encodeURIComponent(run);
  let escaped = '';
  for (let i = 0; i < run.length; i++) escaped += `%${run.charCodeAt(i).toString(16).toUpperCase()}`;
  return escaped;
}

/**
 * The path of a request target: origin-form as is (`/items?q=1` → `/items`), absolute-form without its
 * scheme and authority (RFC 9112 §3.2.2: servers must accept it); undefined for anything else (`*`).
 */
export function pathOfTarget(url: string, queryStart: number): string | undefined {
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  if (path.charCodeAt(0) === 47 /* / */) return path;
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/.exec(path);
  if (!authority) return undefined;
  const rest = path.slice(authority[0].length);
  return rest === '' ? '/' : rest;
}
