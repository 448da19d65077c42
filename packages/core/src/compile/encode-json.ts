/**
 * JSON text for a handler's result, with the types `JSON.stringify` mangles written as a client expects:
 *
 * | value                     | JSON                                   | plain `JSON.stringify` |
 * | ------------------------- | -------------------------------------- | ---------------------- |
 * | `Date`                    | ISO 8601 string (`null` if invalid)    | same                   |
 * | `Set`                     | array                                  | `{}`                   |
 * | `Map`                     | object, keys as strings                | `{}`                   |
 * | `bigint`                  | decimal string (`"9007199254740993"`)  | throws                 |
 * | `Uint8Array` / `Buffer`   | base64 string (pydantic's `bytes`)     | `{"0":…}` / `{"type":"Buffer",…}` |
 * | other typed arrays        | array of numbers                       | `{"0":…}`              |
 *
 * A bigint is a string, not a number, because a JSON number past 2^53 silently loses digits in every
 * JavaScript client (the convention of APIs with 64-bit ids).
 *
 * Plain data costs one `JSON.stringify` and one scan of its output: each mangled type leaves a mark in
 * plain `JSON.stringify`'s output (`{}`, `{"0":`, `{"type":"Buffer"`) or makes it throw, and only then
 * is the value walked and encoded. Plain data that happens to contain a mark takes the walk too and is written
 * the same, just slower.
 */

export function encodeJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // A bigint or a cycle: the walk encodes the first and names the field of the second.
    return stringifyEncoded(value);
  }
  if (text === undefined) return 'null';
  return hasMangledMark(text) ? stringifyEncoded(value) : text;
}

/**
 * Whether an object in `text` opens as a mangled value does: `{}` (a Set or Map), `{"0":` (a typed
 * array), `{"type":"Buffer"` (a Buffer's own toJSON). One pass from `{` to `{`, which is a few percent
 * of `JSON.stringify`'s own time; `"` would be the worse anchor, as it starts every key.
 */
function hasMangledMark(text: string): boolean {
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === CLOSE_BRACE) return true;
    if (next === QUOTE) {
      const first = text.charCodeAt(i + 2);
      if (first === ZERO && text.startsWith('"0":', i + 1)) return true;
      if (first === LOWER_T && text.startsWith('"type":"Buffer"', i + 1)) return true;
    }
  }
  return false;
}

const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const ZERO = 0x30;
const LOWER_T = 0x74;

function stringifyEncoded(value: unknown): string {
  return JSON.stringify(encode(value, '', [])) ?? 'null';
}

/** Why a response could not be written as JSON, with the field that stopped it. */
export class ResponseEncodingError extends TypeError {
  override readonly name = 'ResponseEncodingError';
  constructor(readonly field: string, reason: string) {
    super(`the response cannot be written as JSON: ${reason} at ${field || '(the whole response)'}`);
  }
}

/** A JSON-ready copy of `value`; `ancestors` holds the objects being encoded above it, to refuse cycles. */
function encode(value: unknown, path: string, ancestors: object[]): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (ancestors.includes(value)) throw new ResponseEncodingError(path, 'a circular reference');
  if (value instanceof Uint8Array) return toBase64(value);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number | bigint>, (n) => encode(n, path, ancestors));
  ancestors.push(value);
  try {
    if (Array.isArray(value) || value instanceof Set) {
      return Array.from(value as Iterable<unknown>, (item, i) => encode(item, `${path}[${i}]`, ancestors));
    }
    if (value instanceof Map) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of value as Map<unknown, unknown>) {
        const name = key instanceof Date ? key.toISOString() : String(key);
        out[name] = encode(item, join(path, name), ancestors);
      }
      return out;
    }
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return encode(toJSON.call(value), path, ancestors);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = encode((value as Record<string, unknown>)[key], join(path, key), ancestors);
    return out;
  } finally {
    ancestors.pop();
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Base64 of bytes (`Buffer` is a `Uint8Array`), without relying on Node's `Buffer` on other runtimes. */
function toBase64(bytes: Uint8Array): string {
  const nodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, o: number, l: number): { toString(e: string): string } } }).Buffer;
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
