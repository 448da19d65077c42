/**
 * Decorum on Express: Decorum's routes behind one Express router, placed on an app Decorum creates or in
 * your own app's middleware chain (`app.use(adapter.router)`), so Express middleware before and after it
 * work. The router holds a single handler that gives every request to core's router (Express's own path
 * matching and decoding never see Decorum's routes); requests and responses go through node's own
 * objects, exactly as on the node adapter.
 */
import type { Server } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import { DEFAULT_BODY_LIMIT, type HttpAdapter, type MountTable, type ServerAddress } from '@decorumjs/core';
import {
  NodeResponse, attachWebSocketUpgrades, closeGracefully, createLimitedServer, listenOn, type NodeServerOptions,
} from '@decorumjs/platform-node';
import { ExpressRequest } from './express-request.js';

export interface ExpressAdapterOptions extends NodeServerOptions {
  /**
   * Your Express app. Decorum's routes run where you place `adapter.router` in it; `listen` serves the app.
   * Without it, Decorum creates an app with just its router.
   */
  app?: Express;
  /**
   * Requests no Decorum route matches go on to the next Express middleware instead of Decorum's
   * 404/405 (`{"detail":"Not Found"}`). For apps that serve other routes after Decorum's. Off by default.
   */
  fallthrough?: boolean;
}

export class ExpressAdapter implements HttpAdapter {
  readonly name = 'express';
  readonly supportsWebSockets = true;
  readonly app: Express;
  /** Decorum's one handler (added at `mount`), which hands every request to core. Place it with `app.use(adapter.router)`. */
  readonly router: Router = express.Router();
  readonly #fallthrough: boolean;
  readonly #serverOptions: NodeServerOptions;
  #bodyLimit = DEFAULT_BODY_LIMIT;
  #table: MountTable | undefined;
  #server: Server | undefined;

  constructor(options: ExpressAdapterOptions = {}) {
    this.#fallthrough = options.fallthrough ?? false;
    this.#serverOptions = options;
    if (options.app) {
      this.app = options.app;
    } else {
      this.app = express();
      // Nothing to gain from telling every client (and scanner) which server this is.
      this.app.disable('x-powered-by');
      this.app.use(this.router);
    }
  }

  /** The node:http server, once listening (for WebSocket upgrades and other server-level needs). */
  get server(): Server | undefined {
    return this.#server;
  }

  mount(table: MountTable): void {
    this.#bodyLimit = table.bodyLimit;
    this.#table = table;
    const fallthrough = this.#fallthrough;
    // `req.url` is relative to where the router is mounted (`app.use('/api', adapter.router)`).
    this.router.use((req: Request, res: Response, next: NextFunction) => {
      const routed = table.match(req.method, req.url);
      if (fallthrough && (routed.kind === 'not-found' || routed.kind === 'method-not-allowed')) return next();
      const request = new ExpressRequest(req, res);
      void table.dispatch(request, new NodeResponse(res, request), routed);
    });
  }

  listen(port: number, host: string): Promise<ServerAddress> {
    // The same limits and graceful close as platform-node's own server.
    this.#server = createLimitedServer(this.app, this.#serverOptions, () => this.#bodyLimit);
    // Upgrade requests skip Express's middleware: node:http emits them as 'upgrade' on its server.
    if (this.#table) attachWebSocketUpgrades(this.#server, this.#table);
    return listenOn(this.#server, port, host);
  }

  close(graceMs: number): Promise<void> {
    return closeGracefully(this.#server, graceMs);
  }
}
