/**
 * A node:http server for a fetch handler: the server the node, Fastify and Express adapters use, with
 * the same limits (10 s to receive the headers, 30 s for the whole request, 5 s before an idle keep-alive
 * connection is closed, 16 KiB of headers) and the same JSON answers to requests node refuses itself.
 */
import type { Server } from 'node:http';
import type { ServerAddress, ServerLimits } from '@decorumjs/core';
import { closeGracefully, createLimitedServer, listenOn } from '@decorumjs/platform-node';
import type { FetchHandler } from '../fetch-adapter.js';
import { toNodeListener, type NodeListenerOptions } from './to-node-listener.js';

export interface ServeFetchOptions extends NodeListenerOptions, Pick<ServerLimits, 'headersTimeout' | 'requestTimeout' | 'keepAliveTimeout' | 'maxHeaderSize'> {
  /** Port to listen on (8000); 0 lets the system choose one. */
  port?: number;
  /** Interface to listen on (`127.0.0.1`); `0.0.0.0` or `::` to accept connections from other machines. */
  host?: string;
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
  const { headersTimeout, requestTimeout, keepAliveTimeout, maxHeaderSize } = options;
  // Every upload is invited (node's default): the handler, not the server, knows its body limit.
  const server = createLimitedServer(toNodeListener(handler, options), {
    headersTimeout, requestTimeout, keepAliveTimeout, maxHeaderSize,
  }, () => Number.POSITIVE_INFINITY);
  const address = await listenOn(server, options.port ?? 8000, options.host ?? '127.0.0.1');
  return { server, address, close: (graceMs = 10_000) => closeGracefully(server, graceMs) };
}
