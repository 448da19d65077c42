/**
 * Values JSON numbers and strings cannot carry as JavaScript would: `Decimal`, pydantic's `Decimal`,
 * kept exact as its decimal string (`"12.30"` stays `"12.30"`; a JSON number is taken as written by
 * `String`, and a response model writes numbers as strings), and `Bytes`, pydantic's `bytes` with
 * base64 JSON, which reaches the handler as a `Uint8Array` and is written back as base64.
 */
import type { ErrorDetail, Loc } from '../http/validation-error.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function readDecimal(value: unknown, loc: Loc, errors: ErrorDetail[]): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
  errors.push(typeof value === 'string'
    ? { type: 'decimal_parsing', loc, msg: 'Input should be a valid decimal', input: value }
    : { type: 'decimal_type', loc, msg: 'Decimal input should be an integer, float, string or Decimal object', input: value });
  return undefined;
}

export function readBytes(value: unknown, loc: Loc, errors: ErrorDetail[]): Uint8Array | undefined {
  if (typeof value === 'string' && (BASE64.test(value) || BASE64URL.test(value))) {
    const standard = value.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }
  errors.push(typeof value === 'string'
    ? { type: 'bytes_invalid_encoding', loc, msg: 'Input should be a valid base64 string', input: value }
    : { type: 'bytes_type', loc, msg: 'Input should be a valid bytes', input: value });
  return undefined;
}

/** A number a response model declares as `Decimal` → its decimal string; anything else as is. */
export function writeDecimal(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
}
