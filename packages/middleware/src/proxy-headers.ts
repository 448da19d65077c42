/**
 * The client's address and scheme behind a reverse proxy (Uvicorn's `ProxyHeadersMiddleware`). When the
 * peer that connected is a trusted proxy, `X-Forwarded-For` and `X-Forwarded-Proto` are believed;
 * otherwise they are ignored, since any client can send them.
 */
import type { Middleware, RequestContext } from '@decorumjs/core';
import { BlockList, isIP } from 'node:net';
import { middlewareErrors } from './errors.js';
import { headerOf, listOf } from './headers.js';

export interface ProxyHeadersOptions {
  /**
   * Addresses of proxies whose forwarded headers are believed: IPs (`10.0.0.5`, `::1`), ranges in CIDR
   * form of either family (`10.0.0.0/8`, `fd00::/8`), or `'*'` for any peer (only when nothing but the
   * proxy can reach the app). A malformed entry is refused when the middleware is made.
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
  // node:net's BlockList matches addresses and ranges of both families, compressed IPv6 forms included.
  const list = new BlockList();
  for (const entry of trusted) addTrusted(list, entry);
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

function addTrusted(list: BlockList, entry: string): void {
  const [address = '', bits, extra] = normalize(entry).split('/');
  const family = isIP(address);
  const prefix = Number(bits);
  const max = family === 4 ? 32 : 128;
  if (family === 0 || extra !== undefined || (bits !== undefined && !(bits !== '' && Number.isInteger(prefix) && prefix >= 0 && prefix <= max))) {
    throw middlewareErrors.proxyRange(entry);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) list.addAddress(address, type);
  else list.addSubnet(address, prefix, type);
}
