/**
 * The client's address and scheme behind a reverse proxy (Uvicorn's `ProxyHeadersMiddleware`). When the
 * peer that connected is a trusted proxy, `X-Forwarded-For` and `X-Forwarded-Proto` are believed;
 * otherwise they are ignored, since any client can send them.
 */
import type { Middleware, RequestContext } from '@decorumjs/core';
import { middlewareErrors } from './errors.js';
import { headerOf, listOf } from './headers.js';

export interface ProxyHeadersOptions {
  /**
   * Addresses of proxies whose forwarded headers are believed: IPs (`10.0.0.5`, `::1`), IPv4 ranges in
   * CIDR form (`10.0.0.0/8`), or `'*'` for any peer (only when nothing but the proxy can reach the app).
   * `['127.0.0.1']` by default, as Uvicorn.
   */
  trustedProxies?: readonly string[];
}

interface Forwarded {
  readonly clientIp: string | undefined;
  readonly scheme: string;
}

/** The `ctx.state` key holding what `proxyHeaders()` found. */
export const FORWARDED = Symbol.for('decorum.forwarded');

/**
 * Records the client's IP and the request's scheme as the trusted proxy saw them; read them with
 * `clientIp(ctx)` and `requestScheme(ctx)`. The client is the right-most `X-Forwarded-For` entry that is
 * not itself a trusted proxy (entries further left were written by the client and prove nothing).
 * @example
 * app.use(proxyHeaders({ trustedProxies: ['10.0.0.0/8'] }));
 * @Get('whoami') whoami(@Req() ctx: RequestContext) { return { ip: clientIp(ctx), scheme: requestScheme(ctx) }; }
 */
export function proxyHeaders(options: ProxyHeadersOptions = {}): Middleware {
  const isTrusted = trustPredicate(options.trustedProxies ?? ['127.0.0.1']);
  return (ctx, next) => {
    const peer = ctx.request.remoteAddress;
    if (peer === undefined || !isTrusted(normalize(peer))) return next();
    const hops = listOf(headerOf(ctx, 'x-forwarded-for')).map(normalize);
    const proto = listOf(headerOf(ctx, 'x-forwarded-proto')).at(-1)?.toLowerCase();
    let clientIp = hops.length > 0 ? hops[0] : peer;
    for (let i = hops.length - 1; i >= 0; i--) {
      if (!isTrusted(hops[i] as string)) {
        clientIp = hops[i];
        break;
      }
    }
    const forwarded: Forwarded = { clientIp, scheme: proto === 'https' || proto === 'wss' || proto === 'http' || proto === 'ws' ? proto : 'http' };
    ctx.state.set(FORWARDED, forwarded);
    return next();
  };
}

/**
 * The client's IP: from a trusted proxy's `X-Forwarded-For` when `proxyHeaders()` ran, otherwise the
 * address of the peer that connected (undefined when the adapter does not know it).
 */
export function clientIp(ctx: RequestContext): string | undefined {
  const forwarded = ctx.state.get(FORWARDED) as Forwarded | undefined;
  return forwarded ? forwarded.clientIp : ctx.request.remoteAddress;
}

/**
 * `https` or `http` (or `wss`/`ws`): from a trusted proxy's `X-Forwarded-Proto` when `proxyHeaders()`
 * ran. Otherwise `http`: the adapter contract does not say whether the server itself terminates TLS.
 */
export function requestScheme(ctx: RequestContext): string {
  const forwarded = ctx.state.get(FORWARDED) as Forwarded | undefined;
  return forwarded?.scheme ?? 'http';
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`, what a dual-stack socket reports) compares as IPv4. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

function trustPredicate(trusted: readonly string[]): (address: string) => boolean {
  if (trusted.includes('*')) return () => true;
  const exact = new Set(trusted.filter((t) => !t.includes('/')).map(normalize));
  const ranges = trusted.filter((t) => t.includes('/')).map(parseCidr);
  return (address) => {
    if (exact.has(address)) return true;
    const ip = ipv4(address);
    return ip !== undefined && ranges.some(({ base, mask }) => ((ip & mask) >>> 0) === base);
  };
}

function parseCidr(cidr: string): { base: number; mask: number } {
  const [address = '', bits = ''] = cidr.split('/');
  const ip = ipv4(address);
  const prefix = Number(bits);
  if (ip === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) {
    throw middlewareErrors.proxyRange(cidr);
  }
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return { base: (ip & mask) >>> 0, mask };
}

function ipv4(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    const n = Number(part);
    if (part === '' || !Number.isInteger(n) || n < 0 || n > 255) return undefined;
    value = value * 256 + n;
  }
  return value >>> 0;
}
