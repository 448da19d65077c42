/**
 * The default adapter: node:http with find-my-way for routing. Routes are registered once at mount;
 * per request there is one router lookup, two small wrapper objects, and the compiled route.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import FindMyWay from 'find-my-way';
import type { HttpAdapter, MountTable, RouteHandle, ServerAddress } from '@decorum/core';
import { NodeRequest } from './node-request.js';
import { NodeResponse } from './node-response.js';

export interface NodeAdapterOptions {
  /** Time allowed to receive a whole request, in ms (30 s). */
  requestTimeout?: number;
  /** Time allowed to receive the request headers, in ms (10 s). */
  headersTimeout?: number;
  /** Idle time before a keep-alive connection is closed, in ms (5 s). */
  keepAliveTimeout?: number;
}

type Router = FindMyWay.Instance<FindMyWay.HTTPVersion.V1>;

export class NodeAdapter implements HttpAdapter {
  readonly name = 'node';
  readonly #options: NodeAdapterOptions;
  #router: Router | undefined;
  #server: Server | undefined;

  constructor(options: NodeAdapterOptions = {}) {
    this.#options = options;
  }

  /** The node:http server, once listening (for WebSocket upgrades and other server-level needs). */
  get server(): Server | undefined {
    return this.#server;
  }

  mount(table: MountTable): void {
    const router: Router = FindMyWay({
      ignoreTrailingSlash: true,
      maxParamLength: 2048,
      defaultRoute: (req, res) => {
        const nodeReq = new NodeRequest(req, {});
        void table.fallback(nodeReq, new NodeResponse(res, nodeReq), allowedMethods(router, req));
      },
    });
    for (const route of table.routes) router.on(route.method, route.path, toHandler(route.handle));
    this.#router = router;
  }

  /** Answers one request; usable as a plain node `request` listener on a server you own. */
  readonly handler = (req: IncomingMessage, res: ServerResponse): void => {
    if (!this.#router) throw new Error('NodeAdapter: mount() before serving requests');
    this.#router.lookup(req, res);
  };

  listen(port: number, host: string): Promise<ServerAddress> {
    const server = createServer(this.handler);
    server.requestTimeout = this.#options.requestTimeout ?? 30_000;
    server.headersTimeout = this.#options.headersTimeout ?? 10_000;
    server.keepAliveTimeout = this.#options.keepAliveTimeout ?? 5_000;
    this.#server = server;
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

  close(graceMs: number): Promise<void> {
    const server = this.#server;
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
}

function toHandler(handle: RouteHandle): FindMyWay.Handler<FindMyWay.HTTPVersion.V1> {
  return (req, res, params) => {
    const nodeReq = new NodeRequest(req, params);
    void handle(nodeReq, new NodeResponse(res, nodeReq));
  };
}

/** Methods that do have a route at this path: a non-empty list turns the 404 into a 405. */
function allowedMethods(router: Router, req: IncomingMessage): string[] {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const allowed: string[] = [];
  for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
    if (method !== req.method && router.find(method, path)) allowed.push(method);
  }
  return allowed;
}
