/**
 * The node:http server life cycle every node-based adapter shares: a server with Decorum's default
 * limits, listening that reports its address, and a graceful close bounded by a grace period.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerAddress } from '@decorumjs/core';

export interface NodeServerOptions {
  /** Time allowed to receive a whole request, in ms (30 s). */
  requestTimeout?: number;
  /** Time allowed to receive the request headers, in ms (10 s). */
  headersTimeout?: number;
  /** Idle time before a keep-alive connection is closed, in ms (5 s). */
  keepAliveTimeout?: number;
}

export function createLimitedServer(listener: RequestListener, options: NodeServerOptions = {}): Server {
  const server = createServer(listener);
  server.requestTimeout = options.requestTimeout ?? 30_000;
  server.headersTimeout = options.headersTimeout ?? 10_000;
  server.keepAliveTimeout = options.keepAliveTimeout ?? 5_000;
  return server;
}

export function listenOn(server: Server, port: number, host: string): Promise<ServerAddress> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({ host: address.address, port: address.port, url: `http://${shownHost}:${address.port}` });
    });
  });
}

/** Stops accepting, lets in-flight requests finish, and cuts what is left after `graceMs`. */
export function closeGracefully(server: Server | undefined, graceMs: number): Promise<void> {
  if (!server) return Promise.resolve();
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
