/**
 * The default adapter: node:http with find-my-way for routing. Routes are registered once at mount;
 * per request there is one router lookup (which also parses the query), two small wrapper objects, and
 * the compiled route.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import FindMyWay from 'find-my-way';
import { DEFAULT_BODY_LIMIT, parseQueryString, type HttpAdapter, type MountTable, type RouteHandle, type ServerAddress } from '@decorumjs/core';
import { NodeRequest } from './node-request.js';
import { NodeResponse } from './node-response.js';
import { closeGracefully, createLimitedServer, listenOn, type NodeServerOptions } from './node-server.js';

export type NodeAdapterOptions = NodeServerOptions;

type Router = FindMyWay.Instance<FindMyWay.HTTPVersion.V1>;

export class NodeAdapter implements HttpAdapter {
  readonly name = 'node';
  readonly #options: NodeAdapterOptions;
  #router: Router | undefined;
  #bodyLimit: number | undefined;
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
      // find-my-way parses the query string on every match: with core's parser, core reuses the result.
      querystringParser: parseQueryString,
      defaultRoute: (req, res) => {
        const nodeReq = new NodeRequest(req, {});
        void table.fallback(nodeReq, new NodeResponse(res, nodeReq), allowedMethods(router, req));
      },
    });
    for (const route of table.routes) router.on(route.method, route.path, toHandler(route.handle));
    this.#router = router;
    this.#bodyLimit = table.bodyLimit;
  }

  /** Answers one request; usable as a plain node `request` listener on a server you own. */
  readonly handler = (req: IncomingMessage, res: ServerResponse): void => {
    if (!this.#router) throw new Error('NodeAdapter: mount() before serving requests');
    this.#router.lookup(req, res);
  };

  listen(port: number, host: string): Promise<ServerAddress> {
    this.#server = createLimitedServer(this.handler, this.#options, () => this.#bodyLimit ?? DEFAULT_BODY_LIMIT);
    return listenOn(this.#server, port, host);
  }

  close(graceMs: number): Promise<void> {
    return closeGracefully(this.#server, graceMs);
  }
}

function toHandler(handle: RouteHandle): FindMyWay.Handler<FindMyWay.HTTPVersion.V1> {
  return (req, res, params, _store, query) => {
    const nodeReq = new NodeRequest(req, params, query as NodeRequest['query']);
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
