/**
 * A node:http server for a fetch handler, with the limits every Decorum server has: 10 s to receive
 * the headers, 30 s for the whole request, 5 s before an idle keep-alive connection is closed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerAddress } from '@decorumjs/core';
import type { FetchHandler } from '../fetch-adapter.js';
import { toNodeListener, type NodeListenerOptions } from './to-node-listener.js';

export interface ServeFetchOptions extends NodeListenerOptions {
  /** Port to listen on (8000); 0 lets the system choose one. */
  port?: number;
  /** Interface to listen on (`127.0.0.1`); `0.0.0.0` or `::` to accept connections from other machines. */
  host?: string;
  /** Time allowed to receive a whole request, in ms (30 s). */
  requestTimeout?: number;
  /** Time allowed to receive the request headers, in ms (10 s). */
  headersTimeout?: number;
  /** Idle time before a keep-alive connection is closed, in ms (5 s). */
  keepAliveTimeout?: number;
}

export interface FetchServer {
  /** The node:http server (for WebSocket upgrades and other server-level needs). */
  readonly server: Server;
  /** Where it listens, with the port the system chose for port 0. */
  readonly address: ServerAddress;
  /**
   * Stops accepting connections, lets requests in flight finish for up to `graceMs` (10 s), then cuts
   * what is left. Idle keep-alive connections are closed at once.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Serves a fetch handler on node — a Decorum app's (`toFetchHandler(app)`) or any other's.
 * @example
 * import { toFetchHandler } from '@decorumjs/platform-fetch';
 * import { serveFetch } from '@decorumjs/platform-fetch/node';
 *
 * const { address } = await serveFetch(await toFetchHandler(app), { port: 8000 });
 * console.log(`listening on ${address.url}`);
 */
export async function serveFetch(handler: FetchHandler, options: ServeFetchOptions = {}): Promise<FetchServer> {
  const server = createServer(toNodeListener(handler, options));
  server.requestTimeout = options.requestTimeout ?? 30_000;
  server.headersTimeout = options.headersTimeout ?? 10_000;
  server.keepAliveTimeout = options.keepAliveTimeout ?? 5_000;
  const address = await listen(server, options.port ?? 8000, options.host ?? '127.0.0.1');
  return { server, address, close: (graceMs = 10_000) => closeGracefully(server, graceMs) };
}

function listen(server: Server, port: number, host: string): Promise<ServerAddress> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { address, family, port: bound } = server.address() as AddressInfo;
      const shownHost = family === 'IPv6' ? `[${address}]` : address;
      resolve({ host: address, port: bound, url: `http://${shownHost}:${bound}` });
    });
  });
}

function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections that finish their request become idle; close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.once('close', () => {
      clearInterval(sweep);
      clearTimeout(deadline);
    });
    server.closeIdleConnections();
  });
}
