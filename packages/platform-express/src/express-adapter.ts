/**
 * Decorum on Express: Decorum's routes in one Express router, placed on an app Decorum creates or in your
 * own app's middleware chain (`app.use(adapter.router)`), so Express middleware before and after it work.
 * Requests and responses go through node's own objects, exactly as on the node adapter.
 */
import type { Server } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import { DEFAULT_BODY_LIMIT, compileAllowedMethods, type HttpAdapter, type MountTable, type MountedRoute, type ServerAddress } from '@decorumjs/core';
import { NodeResponse, closeGracefully, createLimitedServer, listenOn, type NodeServerOptions } from '@decorumjs/platform-node';
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
  readonly app: Express;
  /** Decorum's routes (empty until `mount`). Place it in your app with `app.use(adapter.router)`. */
  readonly router: Router = express.Router({ caseSensitive: true, strict: false });
  readonly #fallthrough: boolean;
  readonly #serverOptions: NodeServerOptions;
  #bodyLimit = DEFAULT_BODY_LIMIT;
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
    for (const route of byPrecedence(table.routes)) {
      this.router.route(route.path)[lowerCase(route.method)]((req: Request, res: Response) => {
        const request = new ExpressRequest(req);
        void route.handle(request, new NodeResponse(res, request));
      });
    }
    const allowedMethods = compileAllowedMethods(table.routes);
    this.router.use((req: Request, res: Response, next: NextFunction) => {
      if (this.#fallthrough) return next();
      const request = new ExpressRequest(req);
      void table.fallback(request, new NodeResponse(res, request), allowedMethods(req.method, req.path));
    });
    // Express's own errors for Decorum's routes (a path parameter it cannot decode: `/items/%zz`) in
    // Decorum's shape, instead of Express's HTML page with a stack trace and absolute paths.
    this.router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
      if (!(error instanceof URIError)) return next(error);
      const request = new ExpressRequest(req);
      void new NodeResponse(res, request).send(400, { 'content-type': 'application/json' }, JSON.stringify({ detail: MALFORMED_PATH }));
    });
  }

  listen(port: number, host: string): Promise<ServerAddress> {
    // The same limits and graceful close as platform-node's own server.
    this.#server = createLimitedServer(this.app, this.#serverOptions, () => this.#bodyLimit);
    return listenOn(this.#server, port, host);
  }

  close(graceMs: number): Promise<void> {
    return closeGracefully(this.#server, graceMs);
  }
}

const MALFORMED_PATH = 'Malformed percent-encoding in the URL path';

type RouteMethod = 'get' | 'head' | 'post' | 'put' | 'patch' | 'delete' | 'options';

function lowerCase(method: MountedRoute['method']): RouteMethod {
  return method.toLowerCase() as RouteMethod;
}

/**
 * Express takes the first route that matches, find-my-way the most specific. Ordering literal segments
 * before parameters, segment by segment, makes `/items/latest` win over `/items/:id` on every adapter.
 */
function byPrecedence(routes: readonly MountedRoute[]): MountedRoute[] {
  const rank = (path: string) => path.split('/').map((segment) => (segment.startsWith(':') ? '1' : '0')).join('');
  return [...routes].sort((a, b) => {
    const ra = rank(a.path);
    const rb = rank(b.path);
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  });
}
