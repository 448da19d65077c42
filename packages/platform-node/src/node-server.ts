/**
 * The node:http server life cycle every node-based adapter shares: a server with Decorum's limits
 * (`ServerLimits`: timeouts, keep-alive, lingering close) and its answers to requests node refuses itself,
 * listening that reports its address, and a graceful close bounded by a grace period.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_BODY_LIMIT, resolveServerLimits, type ServerAddress, type ServerLimits } from '@decorumjs/core';
import { answerClientError, requireHost } from './answer-client-error.js';
import { setDiscardLimit, withholdContinue } from './discard-body.js';
import { destroyUpgradedSockets } from './websocket-upgrades.js';

export type NodeServerOptions = ServerLimits;

/**
 * @param bodyLimit the app's body limit (read when a request arrives, so it may be set at `mount`): a
 *   request that announces a larger body with `Expect: 100-continue` is answered without being invited.
 */
export function createLimitedServer(listener: RequestListener, options: NodeServerOptions = {}, bodyLimit: () => number = () => DEFAULT_BODY_LIMIT): Server {
  const limits = resolveServerLimits(options);
  const server = createServer({
    requestTimeout: limits.requestTimeout,
    headersTimeout: limits.headersTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    maxHeaderSize: limits.maxHeaderSize,
    // node checks both timeouts on this interval (30 s by default): a tenth of the shortest keeps them close to exact.
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, limits.headersTimeout / 10, limits.requestTimeout / 10)),
    // node's own answer to a missing Host is an empty 400; `requireHost` gives it a detail.
    requireHostHeader: false,
  }, requireHost(listener));
  // Without this listener node invites every upload; a body over the limit is not invited: the route
  // answers 413 before the client sends it, and node closes the connection after that answer.
  // Multipart uploads are not held to the body limit: core bounds them per file and part while they stream.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers['content-length']) > bodyLimit() && !isMultipart(req)) withholdContinue(req);
    else res.writeContinue();
    server.emit('request', req, res);
  });
  server.on('clientError', answerClientError);
  server.on('connection', (socket) => setDiscardLimit(socket, limits.discardLimit));
  return server;
}

function isMultipart(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return type !== undefined && type.slice(0, 19).toLowerCase() === 'multipart/form-data';
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
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      destroyUpgradedSockets(server);
    }, graceMs);
    server.once('close', () => {
      clearInterval(sweep);
      clearTimeout(deadline);
    });
    server.closeIdleConnections();
  });
}
