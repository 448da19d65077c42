/**
 * A request in two forms: a `Draft` (an operation's parameters and body as values, what mutators mostly
 * change) and a `RawRequest` (the exact bytes on the wire, what a failure prints). Rendering encodes
 * path and query values the way a correct client does; mutators that need wrong bytes edit the raw form.
 */
import { generateValue } from './generate-value.js';
import type { OpenApiLike, Operation } from './operations.js';
import type { Prng } from './prng.js';

export interface Draft {
  readonly op: Operation;
  method: string;
  /** Path parameter values, not yet encoded. */
  pathParams: Record<string, string>;
  /** Query pairs in order, not yet encoded; a key may repeat. */
  query: Array<[string, string]>;
  headers: Array<[string, string]>;
  /** The JSON value to send, or `undefined` for no body. */
  body: unknown;
  contentType: string | undefined;
}

export interface RawRequest {
  method: string;
  /** The request target exactly as sent: `/items/42?q=x`. */
  target: string;
  headers: Array<[string, string]>;
  body?: Buffer;
  /** `length` (Content-Length, the default) or `chunked`. */
  framing?: 'length' | 'chunked';
  /** The `Host` headers to send instead of the server's address: none, an odd one, or two. */
  hosts?: string[];
}

/** Headers every request of an app needs to get past its gate (the inventory's `x-token`). */
export type AppHeaders = ReadonlyArray<readonly [string, string]>;

const HEADER_SAFE = /[^\x21-\x7e ]/g;

/** A valid request for `op`: every required parameter, some optional ones, a body its schema accepts. */
export function draftValid(document: OpenApiLike, op: Operation, rng: Prng, appHeaders: AppHeaders): Draft {
  const draft: Draft = { op, method: op.method, pathParams: {}, query: [], headers: [], body: undefined, contentType: undefined };
  for (const param of op.parameters) {
    if (!param.required && !rng.chance(0.6)) continue;
    const value = asParameterText(generateValue(document, param.schema, rng));
    if (param.in === 'path') draft.pathParams[param.name] = value === '' ? '0' : value;
    else if (param.in === 'query') draft.query.push([param.name, value]);
    else if (param.in === 'header') draft.headers.push([param.name, value.replace(HEADER_SAFE, '').trim()]);
  }
  for (const [name, value] of appHeaders) {
    draft.headers = draft.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
    draft.headers.push([name, value]);
  }
  if (op.body && (op.body.required || rng.chance(0.7))) {
    draft.body = generateValue(document, op.body.schema, rng);
    draft.contentType = 'application/json';
  }
  return draft;
}

/** The bytes a correct client sends for `draft`; `body` given as text replaces the draft's JSON. */
export function render(draft: Draft, overrides: { target?: string; bodyText?: string | Buffer } = {}): RawRequest {
  const headers: Array<[string, string]> = [...draft.headers];
  if (draft.contentType !== undefined) headers.push(['content-type', draft.contentType]);
  const text = overrides.bodyText ?? (draft.body === undefined ? undefined : JSON.stringify(draft.body));
  return {
    method: draft.method,
    target: overrides.target ?? targetOf(draft),
    headers,
    body: text === undefined ? undefined : Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
  };
}

export function targetOf(draft: Draft, encodeQuery = true): string {
  const path = draft.op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(draft.pathParams[name] ?? ''));
  if (draft.query.length === 0) return path;
  const encode = encodeQuery ? encodeURIComponent : (text: string) => text;
  return `${path}?${draft.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
}

/** The whole request as bytes, with a `Host` header and, unless the connection is to be reused, `Connection: close`. */
export function serialize(request: RawRequest, host: string, keepAlive = false): Buffer {
  const hosts = request.hosts ?? [host];
  const lines = [`${request.method} ${request.target} HTTP/1.1`, ...hosts.map((h) => `host: ${h}`)];
  if (!keepAlive) lines.push('connection: close');
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  const framing = request.framing ?? 'length';
  const body = request.body;
  if (body && framing === 'length') lines.push(`content-length: ${body.byteLength}`);
  if (body && framing === 'chunked') lines.push('transfer-encoding: chunked');
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  if (!body) return head;
  if (framing === 'chunked') return Buffer.concat([head, Buffer.from(`${body.byteLength.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
  return Buffer.concat([head, body]);
}

/** How a parameter value travels in a URL or header: strings as they are, everything else as JSON. */
function asParameterText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}
