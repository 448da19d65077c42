/**
 * Reading request headers and merging response headers, as the built-in middleware need them.
 * Request headers are node-shaped (lower-case names, repeated ones as arrays); response headers are the
 * mutable record of an `HttpResponse`.
 */
import type { HttpResponse, RequestContext } from '@decorumjs/core';

/** A request header as one string: repeated values joined with ", " (RFC 9110 §5.3). */
export function headerOf(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The comma-separated items of a list header, trimmed, empty items dropped. */
export function listOf(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * Adds `field` to the response's `Vary` unless it is already there (or `Vary: *` covers it), so caches
 * keep one copy per value of the request header the answer depended on.
 */
export function appendVary(response: HttpResponse, field: string): void {
  const current = response.headers.vary;
  if (current === undefined) {
    response.headers.vary = field;
    return;
  }
  const fields = listOf(Array.isArray(current) ? current.join(', ') : String(current));
  const lower = field.toLowerCase();
  if (fields.some((f) => f === '*' || f.toLowerCase() === lower)) return;
  response.headers.vary = [...fields, field].join(', ');
}
