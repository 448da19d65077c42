/**
 * What `@Res()` gives a handler: set the status, headers and cookies of the response Decorum sends
 * (FastAPI's `response: Response` parameter, NestJS's `passthrough`). `raw` is the server's own response
 * for full takeover; once a handler writes to it, Decorum sends nothing.
 */
import { serialize, type SerializeOptions } from 'cookie';
import type { RequestContext } from './request-context.js';

export type CookieOptions = SerializeOptions;

export class ResponseControl {
  readonly #ctx: RequestContext;

  constructor(ctx: RequestContext) {
    this.#ctx = ctx;
  }

  status(code: number): this {
    this.#ctx.responseStatus = code;
    return this;
  }

  header(name: string, value: string | number | readonly string[]): this {
    (this.#ctx.responseHeaders ??= {})[name.toLowerCase()] = value;
    return this;
  }

  cookie(name: string, value: string, options: CookieOptions = {}): this {
    const headers = (this.#ctx.responseHeaders ??= {});
    const existing = headers['set-cookie'];
    const cookie = serialize(name, value, { path: '/', httpOnly: true, sameSite: 'lax', ...options });
    headers['set-cookie'] = existing === undefined ? [cookie] : [...(Array.isArray(existing) ? existing : [String(existing)]), cookie];
    return this;
  }

  clearCookie(name: string, options: CookieOptions = {}): this {
    return this.cookie(name, '', { ...options, expires: new Date(0), maxAge: 0 });
  }

  get raw(): unknown {
    return this.#ctx.reply.raw;
  }
}
