/**
 * The default adapter: node:http as a transport. Core's router decides everything about a request's
 * path (see `MountTable.dispatch`); per request there are two small wrapper objects and the compiled
 * route.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { DEFAULT_BODY_LIMIT, decorumErrors, type HttpAdapter, type MountTable, type ServerAddress } from '@decorumjs/core';
import { NodeRequest } from './node-request.js';
import { NodeResponse } from './node-response.js';
import { attachWebSocketUpgrades } from './websocket-upgrades.js';
import { closeGracefully, createLimitedServer, listenOn, type NodeServerOptions } from './node-server.js';

export type NodeAdapterOptions = NodeServerOptions;

export class NodeAdapter implements HttpAdapter {
  readonly name = 'node';
  readonly supportsWebSockets = true;
  readonly #options: NodeAdapterOptions;
  #table: MountTable | undefined;
  #server: Server | undefined;

  constructor(options: NodeAdapterOptions = {}) {
    this.#options = options;
  }

  /** The node:http server, once listening (for WebSocket upgrades and other server-level needs). */
  get server(): Server | undefined {
    return this.#server;
  }

  mount(table: MountTable): void {
    this.#table = table;
  }

  /** Answers one request; usable as a plain node `request` listener on a server you own. */
  readonly handler = (req: IncomingMessage, res: ServerResponse): void => {
    const table = this.#table;
    if (!table) throw decorumErrors.adapterNotMounted('NodeAdapter');
    const request = new NodeRequest(req, res);
    void table.dispatch(request, new NodeResponse(res, request));
  };

  listen(port: number, host: string): Promise<ServerAddress> {
    this.#server = createLimitedServer(this.handler, this.#options, () => this.#table?.bodyLimit ?? DEFAULT_BODY_LIMIT);
    if (this.#table) attachWebSocketUpgrades(this.#server, this.#table);
    return listenOn(this.#server, port, host);
  }

  close(graceMs: number): Promise<void> {
    return closeGracefully(this.#server, graceMs);
  }
}
