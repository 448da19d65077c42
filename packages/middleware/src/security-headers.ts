/**
 * Response headers that make browsers safer with an API and its docs (what helmet sets for Express),
 * with defaults that keep Decorum's offline /docs (Swagger UI) and /redoc (ReDoc) working.
 */
import type { Middleware } from '@decorumjs/core';
import { middlewareErrors } from './errors.js';
import { requestScheme } from './proxy-headers.js';

export interface SecurityHeadersOptions {
  /**
   * `Content-Security-Policy`: directives merged over the defaults (a directive set to `null` is
   * removed), or `false` for no CSP. Defaults allow only the app's own origin, plus what Swagger UI and
   * ReDoc need: inline styles, `data:` images and fonts, and ReDoc's `blob:` search worker.
   */
  contentSecurityPolicy?: Record<string, string | null> | false;
  /**
   * `Strict-Transport-Security`, sent only on requests that came over TLS (`requestScheme(ctx)` is
   * `https`: put `proxyHeaders()` before this behind a proxy), as RFC 6797 §7.2 asks. Default one year
   * with subdomains; `false` never sends it.
   */
  hsts?: { maxAge?: number; includeSubDomains?: boolean; preload?: boolean } | false;
  /** `X-Frame-Options`: `DENY` by default (CSP's `frame-ancestors 'none'` says the same to new browsers). */
  frameOptions?: 'DENY' | 'SAMEORIGIN' | false;
  /** `Referrer-Policy`: `no-referrer` by default. */
  referrerPolicy?: string | false;
  /** `Cross-Origin-Opener-Policy`: `same-origin` by default. */
  crossOriginOpenerPolicy?: string | false;
  /** `Cross-Origin-Resource-Policy`: `same-origin` by default; `cross-origin` for a public API read by other sites' pages. */
  crossOriginResourcePolicy?: string | false;
}

export const DEFAULT_CSP: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'base-uri': "'self'",
  'object-src': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
};

/**
 * Adds the headers to every response, errors and unmatched requests included; a header the handler set
 * itself is left alone.
 * @example
 * createApp({ middleware: [proxyHeaders(), securityHeaders({ contentSecurityPolicy: { 'img-src': "'self' https://cdn.example.com" } })] });
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): Middleware {
  const fixed: Array<[string, string]> = [['x-content-type-options', 'nosniff']];
  const csp = contentSecurityPolicy(options.contentSecurityPolicy);
  if (csp) fixed.push(['content-security-policy', csp]);
  if (options.frameOptions !== false) fixed.push(['x-frame-options', options.frameOptions ?? 'DENY']);
  if (options.referrerPolicy !== false) fixed.push(['referrer-policy', options.referrerPolicy ?? 'no-referrer']);
  if (options.crossOriginOpenerPolicy !== false) fixed.push(['cross-origin-opener-policy', options.crossOriginOpenerPolicy ?? 'same-origin']);
  if (options.crossOriginResourcePolicy !== false) {
    fixed.push(['cross-origin-resource-policy', options.crossOriginResourcePolicy ?? 'same-origin']);
  }
  const hsts = options.hsts === false ? undefined : hstsValue(options.hsts ?? {});
  return async (ctx, next) => {
    const response = await next();
    const headers = response.headers;
    for (const [name, value] of fixed) if (headers[name] === undefined) headers[name] = value;
    if (hsts && headers['strict-transport-security'] === undefined && requestScheme(ctx) === 'https') {
      headers['strict-transport-security'] = hsts;
    }
    return response;
  };
}

function contentSecurityPolicy(option: SecurityHeadersOptions['contentSecurityPolicy']): string | undefined {
  if (option === false) return undefined;
  const directives: Record<string, string | null> = { ...DEFAULT_CSP, ...option };
  for (const [name, value] of Object.entries(directives)) {
    // A header value cannot hold a line break or `;` inside a directive: refuse it at startup, not on the wire.
    if (value !== null && /[;\r\n]/.test(value)) throw middlewareErrors.cspDirective(name);
  }
  return Object.entries(directives).filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => (value === '' ? name : `${name} ${value}`)).join('; ');
}

function hstsValue(options: { maxAge?: number; includeSubDomains?: boolean; preload?: boolean }): string {
  const { maxAge = 31_536_000, includeSubDomains = true, preload = false } = options;
  return [`max-age=${maxAge}`, includeSubDomains && 'includeSubDomains', preload && 'preload'].filter(Boolean).join('; ');
}
