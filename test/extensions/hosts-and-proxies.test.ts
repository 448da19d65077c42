import { describe, expect, test } from 'vitest';
import { Controller, Get, Req, clientIp, createApp, proxyHeaders, requestScheme, trustedHost, type RequestContext } from '@decorumjs/decorum';
import { rawRequest } from './raw-request.js';
import { serve } from './serve.js';

@Controller()
class Who {
  @Get('whoami') whoami(@Req() ctx: RequestContext) { return { ip: clientIp(ctx) ?? null, scheme: requestScheme(ctx) }; }
}

const json = async (url: string, headers: Record<string, string>) => {
  const response = await rawRequest(url, { headers });
  return { status: response.status, body: JSON.parse(response.body.toString()) as unknown };
};

describe('trustedHost', () => {
  test('allowed hosts pass (with any port); others get 400 {"detail":"Invalid host header"}', async () => {
    const { url } = await serve({ controllers: [Who], middleware: [trustedHost({ allowedHosts: ['example.com', '*.example.org'] })] });
    const at = (host: string) => json(`${url}/whoami`, { host });
    expect((await at('example.com')).status).toBe(200);
    expect((await at('EXAMPLE.com:8443')).status).toBe(200);
    expect((await at('api.example.org')).status).toBe(200);
    expect((await at('deep.api.example.org')).status).toBe(200);
    expect(await at('example.org')).toEqual({ status: 400, body: { detail: 'Invalid host header' } });
    expect(await at('evil.com')).toEqual({ status: 400, body: { detail: 'Invalid host header' } });
    expect((await at('example.com.evil.com')).status).toBe(400);
    // Before routing: an unknown host is refused even where no route exists.
    expect((await json(`${url}/nowhere`, { host: 'evil.com' })).status).toBe(400);
  });

  test('IPv6 literals and "*"', async () => {
    const v6 = await serve({ controllers: [Who], middleware: [trustedHost({ allowedHosts: ['[::1]'] })] });
    expect((await json(`${v6.url}/whoami`, { host: '[::1]:8000' })).status).toBe(200);
    const any = await serve({ controllers: [Who], middleware: [trustedHost({ allowedHosts: ['*'] })] });
    expect((await json(`${any.url}/whoami`, { host: 'whatever.io' })).status).toBe(200);
  });
});

describe('proxyHeaders', () => {
  test('from a trusted proxy: the client IP from X-Forwarded-For, the scheme from X-Forwarded-Proto', async () => {
    const { url } = await serve({ controllers: [Who], middleware: [proxyHeaders({ trustedProxies: ['127.0.0.1'] })] });
    expect(await json(`${url}/whoami`, { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' }))
      .toEqual({ status: 200, body: { ip: '203.0.113.7', scheme: 'https' } });
  });

  test('the client is the right-most address that is not a trusted proxy (what the client wrote itself is ignored)', async () => {
    const { url } = await serve({ controllers: [Who], middleware: [proxyHeaders({ trustedProxies: ['127.0.0.1', '10.0.0.0/8'] })] });
    const body = (await json(`${url}/whoami`, { 'x-forwarded-for': '1.2.3.4, 198.51.100.9, 10.1.2.3' })).body;
    expect(body).toEqual({ ip: '198.51.100.9', scheme: 'http' });
  });

  test('from an untrusted peer the headers are ignored: the peer address, http', async () => {
    const { url } = await serve({ controllers: [Who], middleware: [proxyHeaders({ trustedProxies: ['10.0.0.1'] })] });
    const body = (await json(`${url}/whoami`, { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' })).body as { ip: string };
    expect(body).toEqual({ ip: expect.stringMatching(/127\.0\.0\.1$/), scheme: 'http' });
  });

  test('without the middleware, clientIp is the peer address', async () => {
    const { url } = await serve({ controllers: [Who] });
    expect((await json(`${url}/whoami`, { 'x-forwarded-for': '203.0.113.7' })).body).toEqual({ ip: expect.stringMatching(/127\.0\.0\.1$/), scheme: 'http' });
  });

  test('IPv6 proxies by range: a client behind two IPv6 hops, compressed and expanded forms alike', async () => {
    const app = createApp({ logger: false, shutdownSignals: false, openapi: false, controllers: [Who],
      middleware: [proxyHeaders({ trustedProxies: ['::1/128', 'fd00::/8', '10.0.0.0/8'] })] });
    const { url } = await app.listen(0, '::1');
    try {
      const chain = '2001:db8::7, fd00:0:0:0:0:0:1:2, 10.9.8.7';
      expect((await json(`${url}/whoami`, { 'x-forwarded-for': chain, 'x-forwarded-proto': 'https' })).body)
        .toEqual({ ip: '2001:db8::7', scheme: 'https' });
      // An address outside every range is the client, however it is spelled.
      expect((await json(`${url}/whoami`, { 'x-forwarded-for': 'fe80::1, fd12::9' })).body).toEqual({ ip: 'fe80::1', scheme: 'http' });
    } finally {
      await app.close();
    }
  });

  test('a malformed address or range is a startup mistake, not a silent mismatch', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0/8', 'fd00::/129', 'localhost', '10.0.0.1/', '::1/64/2']) {
      expect(() => proxyHeaders({ trustedProxies: [bad] }), bad).toThrow(/DECORUM_ERR_MIDDLEWARE_OPTIONS: proxyHeaders: .* is not an IP address or range/);
    }
    expect(() => proxyHeaders({ trustedProxies: ['::ffff:10.0.0.1', '0.0.0.0/0', '::/0'] })).not.toThrow();
  });
});
