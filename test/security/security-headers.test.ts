import { describe, expect, test } from 'vitest';
import { Controller, Get, HttpResponse, Unauthorized, proxyHeaders, securityHeaders } from '@decorumjs/decorum';
import { serve } from './serve.js';

@Controller()
class Pages {
  @Get('data') data() { return { ok: true }; }
  @Get('framed') framed() { return HttpResponse.json({ ok: true }, { headers: { 'x-frame-options': 'SAMEORIGIN' } }); }
  @Get('private') private() { throw new Unauthorized('Not authenticated', { 'www-authenticate': 'Bearer' }); }
}

const CSP = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; script-src 'self'; " +
  "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:";

describe('securityHeaders', () => {
  test('defaults on answers, errors and unmatched paths alike; no HSTS over plain HTTP', async () => {
    const { fetch } = await serve({ controllers: [Pages], middleware: [securityHeaders()] });
    for (const [path, status] of [['/data', 200], ['/private', 401], ['/nowhere', 404]] as const) {
      const response = await fetch(path);
      expect(response.status).toBe(status);
      expect(Object.fromEntries([...response.headers].filter(([name]) => /^(x-|content-security|referrer|cross-origin|strict)/.test(name)))).toEqual({
        'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin', 'cross-origin-resource-policy': 'same-origin', 'content-security-policy': CSP,
      });
    }
    // A header the handler set is its own.
    expect((await fetch('/framed')).headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  test('HSTS only when the request came over TLS, as a trusted proxy reports it', async () => {
    const { fetch } = await serve({ controllers: [Pages], middleware: [proxyHeaders(), securityHeaders({ hsts: { maxAge: 600, preload: true } })] });
    expect((await fetch('/data', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security'))
      .toBe('max-age=600; includeSubDomains; preload');
    expect((await fetch('/data', { headers: { 'x-forwarded-proto': 'http' } })).headers.get('strict-transport-security')).toBeNull();
  });

  test('CSP directives merge over the defaults, null removes one, false drops the header; bad values fail at startup', async () => {
    const { fetch } = await serve({ controllers: [Pages], middleware: [securityHeaders({
      contentSecurityPolicy: { 'img-src': "'self' https://cdn.example.com", 'worker-src': null, 'upgrade-insecure-requests': '' },
      frameOptions: false, crossOriginResourcePolicy: 'cross-origin',
    })] });
    const response = await fetch('/data');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' https://cdn.example.com;");
    expect(csp).not.toContain('worker-src');
    expect(csp.endsWith('; upgrade-insecure-requests')).toBe(true);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const none = await serve({ controllers: [Pages], middleware: [securityHeaders({ contentSecurityPolicy: false })] });
    expect((await none.fetch('/data')).headers.get('content-security-policy')).toBeNull();
    expect(() => securityHeaders({ contentSecurityPolicy: { 'script-src': "'self'; script-src *" } })).toThrow(/DECORUM_ERR_MIDDLEWARE_OPTIONS: securityHeaders: the script-src directive contains/);
  });
});
