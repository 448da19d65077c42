/**
 * Refuses requests whose `Host` header names a host the app does not serve (Starlette's
 * `TrustedHostMiddleware`): a guard against Host-header attacks on password-reset links, caches and
 * virtual-host routing.
 */
import { HttpResponse, withCondition, type Middleware } from '@decorumjs/core';

export interface TrustedHostOptions {
  /**
   * Host names served: exact (`example.com`), a wildcard for subdomains (`*.example.com` matches
   * `api.example.com`, not `example.com` itself), or `'*'` for any. Compared without the port.
   */
  allowedHosts: readonly string[];
}

/**
 * Answers 400 `{"detail":"Invalid host header"}` unless the request's host is allowed.
 * @example
 * app.use(trustedHost({ allowedHosts: ['example.com', '*.example.com'] }));
 */
export function trustedHost(options: TrustedHostOptions): Middleware {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const pattern of options.allowedHosts) {
    if (pattern === '*') return withCondition((_ctx, next) => next(), () => false);
    if (pattern.startsWith('*.')) suffixes.push(pattern.slice(1).toLowerCase());
    else exact.add(pattern.toLowerCase());
  }
  const allowed = (host: string) => exact.has(host) || suffixes.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
  const refused = (header: string | string[] | undefined) => {
    const host = hostName(header);
    return host === undefined || !allowed(host);
  };
  // Requests for a served host pass straight to the route: the middleware runs only to refuse the others.
  return withCondition(invalidHost, (request) => refused(request.headers.host));
}

function invalidHost(): HttpResponse {
  return HttpResponse.json({ detail: 'Invalid host header' }, { status: 400 });
}

/** The host part of a Host header, lower-case, without the port: `[::1]:8000` → `[::1]`. */
function hostName(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || header === '') return undefined;
  const host = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':', 1)[0];
  return host?.toLowerCase();
}
