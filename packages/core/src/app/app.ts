/**
 * The application: collects controllers into the route table, compiles each route once, mounts them on
 * an adapter, and runs startup and shutdown hooks. Everything per route is decided in `init()`.
 */
import { resolveMultipartLimits } from '../forms/multipart-limits.js';
import type { AdapterRequest, AdapterResponse, HttpAdapter, MountTable, ServerAddress } from '../adapter/adapter.js';
import { compileRoute, type CompiledRoute, type RouteRuntime } from '../compile/compile-route.js';
import type { Middleware, MountedMiddleware } from '../extensions/middleware.js';
import { buildMountTable } from './build-mount-table.js';
import { injectedTargets, moduleProviders, planAppRoutes } from './plan-routes.js';
import { decorumErrors } from '../errors.js';
import { ExceptionHandlers, defaultErrorResponse, type ExceptionHandler } from '../http/exception-handlers.js';
import { HttpError, MethodNotAllowed, NotFound } from '../http/http-error.js';
import { HttpResponse } from '../http/http-response.js';
import { RequestAborted, isDisconnect } from '../http/request-aborted.js';
import { RequestContext } from '../http/request-context.js';
import { requestIdOf } from '../http/request-id.js';
import { BackgroundRunner } from '../http/background-tasks.js';
import { createDefaultLogger, silentLogger, type Logger } from '../logger.js';
import type { Class } from '../metadata/records.js';
import { Container } from '../di/container.js';
import { DependencyPlanner } from '../di/plan.js';
import type { Token } from '../di/tokens.js';
import type { ModuleDef } from './module.js';
import { unwatchShutdownSignals, watchShutdownSignals } from './shutdown-signals.js';
import type { RouteDef, RouteTable } from '../route-table/route-def.js';
import type { Unmatched } from '../routing/route-match.js';
import { WebSocketGroups } from '../websocket/websocket-groups.js';
import { WebSocketHub } from '../websocket/websocket-hub.js';
import { resolveWebSocketOptions } from '../websocket/websocket-options.js';
import {
  DEFAULT_BODY_LIMIT, DEFAULT_JSON_DEPTH_LIMIT, DEFAULT_SHUTDOWN_GRACE_MS, MAX_JSON_DEPTH_LIMIT, type AppInfo, type AppOptions,
} from './app-options.js';

type Hook = () => unknown;

export class App {
  readonly info: AppInfo;
  readonly logger: Logger;
  readonly #background: BackgroundRunner;
  /** Aborted when `close()` starts, so endless event streams end instead of holding the shutdown. */
  readonly #stopping = new AbortController();
  readonly exceptionHandlers = new ExceptionHandlers();
  readonly #options: AppOptions;
  readonly #controllers: Class[];
  readonly #modules: ModuleDef[];
  readonly #middleware: MountedMiddleware[];
  readonly #planner: DependencyPlanner;
  /** The app's WebSocket connections: limits, heartbeat, groups and their shutdown. */
  readonly #websockets: WebSocketHub;
  #container: Container | undefined;
  readonly #startup: Hook[] = [];
  readonly #shutdown: Hook[] = [];
  #routes: RouteDef[] | undefined;
  #compiled: CompiledRoute[] | undefined;
  #initializing: Promise<void> | undefined;
  #address: ServerAddress | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: AppOptions = {}) {
    this.#options = options;
    assertLimits(options);
    const { title = 'Decorum', version = '0.1.0', description, servers } = options;
    this.info = { title, version, description, servers };
    this.logger = options.logger === false ? silentLogger : (options.logger ?? createDefaultLogger());
    this.#background = new BackgroundRunner(this.logger);
    this.#controllers = [...(options.controllers ?? [])];
    this.#modules = [...(options.modules ?? [])];
    this.#middleware = (options.middleware ?? []).map((middleware) => ({ prefix: '', middleware }));
    this.#websockets = new WebSocketHub(resolveWebSocketOptions(options.websocket), this.logger);
    // The app's own providers come first, so one of the app's replaces it (a test's fake, say).
    const groups = { provide: WebSocketGroups, useValue: new WebSocketGroups(this.#websockets) };
    this.#planner = new DependencyPlanner([groups, ...(options.providers ?? []), ...moduleProviders(this.#modules)]);
    for (const plugin of options.plugins ?? []) plugin.register(this);
  }

  /** Adds controllers; only before the route table is built. */
  include(...controllers: Class[]): this {
    this.#assertOpen('include controllers');
    this.#controllers.push(...controllers);
    return this;
  }

  /** Adds a module (controllers and providers under a prefix); only before the route table is built. */
  includeModule(module: ModuleDef): this {
    this.#assertOpen('include a module');
    this.#modules.push(module);
    for (const provider of moduleProviders([module])) this.#planner.registerProvider(provider);
    return this;
  }

  /**
   * Replaces a provider or a dependency for this app only (FastAPI's `dependency_overrides`, NestJS's
   * `overrideProvider`): `app.override(ItemStore, { useValue: fakeStore })`, `app.override(currentUser, fakeUser)`.
   * Call before the app starts.
   */
  override(target: unknown, replacement: unknown): this {
    this.#assertOpen('override a dependency');
    this.#planner.override(target, replacement);
    return this;
  }

  /**
   * The route table, built on first use without starting anything (used by `decorum openapi`).
   * Parameters that dependencies read are part of each route's parameters.
   */
  get routes(): RouteTable {
    return (this.#routes ??= planAppRoutes({
      controllers: this.#controllers, modules: this.#modules, dependencies: this.#options.dependencies ?? [],
    }, this.#planner));
  }

  /** Answers errors of `errorClass` (and subclasses) with the response `handler` returns. */
  exceptionHandler<E>(errorClass: Class<E>, handler: ExceptionHandler<E>): this {
    this.exceptionHandlers.register(errorClass, handler);
    return this;
  }

  /** Runs before the app serves its first request; awaited in order. */
  onStartup(hook: Hook): this {
    this.#assertOpen('add a startup hook');
    this.#startup.push(hook);
    return this;
  }

  /** Runs on `close()`, in reverse order of registration. */
  onShutdown(hook: Hook): this {
    this.#shutdown.push(hook);
    return this;
  }

  /** Compiles every route and runs startup hooks. Idempotent; `listen` calls it. */
  init(): Promise<void> {
    return (this.#initializing ??= this.#init());
  }

  async #init(): Promise<void> {
    const routes = this.routes;
    const container = new Container(this.#planner, this.validation);
    // Guard, pipe and interceptor classes are built by the container too, so they can inject.
    const extensionNodes = this.#extensionClasses(routes).map((cls) => {
      this.#planner.registerClass(cls);
      return this.#planner.node(cls, [`${cls.name} (guard, pipe or interceptor)`]);
    });
    const nodes = extensionNodes.concat(...routes.map((route) => [
      this.#planner.node(route.controller, []),
      ...injectedTargets(route).map((t) => this.#planner.node(t, [route.id])),
    ]));
    await container.init(nodes, this.logger);
    this.#container = container;
    const runtime = this.#runtime(container);
    this.#compiled = routes.map((route) => compileRoute(route, runtime));
    for (const hook of this.#startup) await hook();
  }

  #extensionClasses(routes: RouteTable): Class[] {
    const { guards = [], interceptors = [], pipes = [] } = this.#options;
    const declared = [...guards, ...interceptors, ...pipes,
      ...routes.flatMap((r) => [...r.guards, ...r.interceptors, ...r.pipes, ...r.params.flatMap((p) => p.pipes ?? [])])];
    return [...new Set(declared.filter(isClass))];
  }

  /** How request data is validated: the error status (422 unless configured) and unknown properties. */
  get validation(): { readonly status: number; readonly unknownProperties: 'strip' | 'forbid'; readonly mode: 'strict' | 'lax' } {
    const { status = 422, unknownProperties = 'strip', mode = 'strict' } = this.#options.validation ?? {};
    return { status, unknownProperties, mode };
  }

  /** The compiled routes and fallback, for an adapter to mount. Call after `init()`. */
  mountTable(): MountTable {
    if (!this.#compiled) throw decorumErrors.notInitialized('mounting the app');
    return buildMountTable({
      compiled: this.#compiled,
      middleware: this.#middleware,
      bodyLimit: this.#bodyLimit,
      accessLog: this.#accessLogEnabled(),
      logger: this.logger,
      handleError: (error, ctx) => this.handleError(error, ctx),
      routing: this.#options.routing ?? {},
      ...(this.#compiled.some((c) => c.def.websocket) && { websocket: { maxMessageBytes: this.#websockets.options.maxMessageBytes } }),
      answerUnmatched: (ctx, outcome) => this.#answerUnmatched(ctx, outcome),
      fallback: (req, res, outcome) => this.#fallback(req, res, outcome),
    });
  }

  #accessLogEnabled(): boolean {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return this.#options.accessLog ?? env?.DECORUM_ACCESS_LOG === '1';
  }

  /** Starts serving on `port` (8000) and `host` (127.0.0.1, as FastAPI's dev server). */
  async listen(port = 8000, host = '127.0.0.1'): Promise<ServerAddress> {
    const adapter = this.#adapter();
    await this.init();
    const table = this.mountTable();
    if (table.websocket && !adapter.supportsWebSockets) throw decorumErrors.websocketUnsupported(adapter.name, this.#webSocketRouteIds());
    adapter.mount(table);
    this.#address = await adapter.listen(port, host);
    const signals = this.#options.shutdownSignals;
    if (signals !== false) watchShutdownSignals(this, signals ?? ['SIGTERM', 'SIGINT']);
    this.logger.info({ url: this.#address.url }, `Decorum listening on ${this.#address.url}`);
    return this.#address;
  }

  #webSocketRouteIds(): string[] {
    return this.routes.filter((r) => r.websocket).map((r) => r.id);
  }

  /**
   * For adapters served without `listen` (a fetch handler): throws the bootstrap error an app with
   * WebSocket routes gets on an adapter that cannot complete the handshake.
   */
  assertAdapterServes(adapter: HttpAdapter): void {
    if (!adapter.supportsWebSockets && this.routes.some((r) => r.websocket)) {
      throw decorumErrors.websocketUnsupported(adapter.name, this.#webSocketRouteIds());
    }
  }

  get address(): ServerAddress | undefined {
    return this.#address;
  }

  /** Resolves once every background task scheduled so far (and any they lead to) has run: for tests and scripts. */
  backgroundTasksIdle(): Promise<void> {
    return this.#background.idle();
  }

  /**
   * Stops accepting connections, lets in-flight requests and then their background tasks finish (all
   * within the shutdown grace), then runs shutdown hooks.
   */
  close(): Promise<void> {
    return (this.#closing ??= this.#close());
  }

  async #close(): Promise<void> {
    unwatchShutdownSignals(this);
    const grace = this.#options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
    const started = Date.now();
    this.#stopping.abort();
    // Sockets first: a server waits for its connections, and an upgraded one ends only when closed.
    await this.#websockets.close(grace);
    if (this.#address) await this.#adapter().close(Math.max(0, grace - (Date.now() - started)));
    // The requests are done; their background tasks get what is left of the grace.
    await this.#background.drain(Math.max(0, grace - (Date.now() - started)));
    for (const hook of [...this.#shutdown].reverse()) {
      try {
        await hook();
      } catch (error) {
        this.logger.error({ err: error }, 'shutdown hook failed');
      }
    }
    await this.#container?.shutdown(this.logger);
  }

  get #bodyLimit(): number {
    return this.#options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  }

  get #jsonDepthLimit(): number {
    return this.#options.jsonDepthLimit ?? DEFAULT_JSON_DEPTH_LIMIT;
  }

  #adapter(): HttpAdapter {
    const adapter = this.#options.adapter;
    if (!adapter) {
      throw decorumErrors.noAdapter();
    }
    return adapter;
  }

  #assertOpen(what: string): void {
    if (this.#routes) throw decorumErrors.routeTableBuilt(what);
  }

  #runtime(container: Container): RouteRuntime {
    const planner = this.#planner;
    return {
      bodyLimit: this.#bodyLimit,
      jsonDepthLimit: this.#jsonDepthLimit,
      multipart: resolveMultipartLimits(this.#options.multipart),
      validation: this.validation,
      logger: this.logger,
      handleError: (error, ctx) => this.handleError(error, ctx),
      instance: (route) => container.singleton(planner.node(route.controller, [])) as object,
      compileInjected: (route, param) => container.resolver(planner.node(param.target, [route.id]), param.useCache ?? true, param.cleanupScope),
      compileDependency: (route, target) => container.resolver(planner.node(target, [route.id]), true),
      guards: this.#options.guards,
      interceptors: this.#options.interceptors,
      pipes: this.#options.pipes,
      instantiate: (declared) => (isClass(declared) ? container.singleton(planner.node(declared, [])) : declared),
      closing: this.#stopping.signal,
      runBackground: (tasks, ctx) => this.#background.schedule(tasks, ctx),
      websocket: this.#websockets,
    };
  }

  /** A singleton from the app's container, after `init()` (for scripts and tests). */
  get<T>(token: Token<T>): T {
    if (!this.#container) throw decorumErrors.notInitialized('app.get()');
    return this.#container.singleton(this.#planner.node(token, [])) as T;
  }

  /** Sends the response for `error`: a registered handler, Decorum's default, or a logged 500. */
  async handleError(error: unknown, ctx: RequestContext): Promise<void> {
    if (error instanceof RequestAborted) {
      this.logger.debug({ method: ctx.method, url: ctx.url }, 'client disconnected before sending its whole request');
      return;
    }
    // A client that leaves a stream breaks the write: nobody is left to answer, and the server did nothing wrong.
    if (ctx.reply.headersSent && (ctx.request.signal?.aborted === true || isDisconnect(error))) {
      this.logger.debug({ err: error, method: ctx.method, url: ctx.url }, 'client disconnected during the response');
      return;
    }
    let response: HttpResponse | undefined;
    try {
      const handler = this.exceptionHandlers.find(error);
      response = handler ? await handler(error, ctx) : defaultErrorResponse(error, this.#options.validation?.status ?? 422);
    } catch (handlerError) {
      this.logger.error({ err: handlerError }, 'exception handler failed');
    }
    if (!response) {
      const requestId = requestIdOf(ctx);
      this.logger.error({ err: error, method: ctx.method, url: ctx.url, route: ctx.route?.id, ...(requestId && { requestId }) }, 'unhandled error');
      response = HttpResponse.json({ detail: 'Internal Server Error' }, { status: 500 });
    }
    if (ctx.reply.headersSent) return;
    const sending = ctx.reply.send(response.status, response.headers, response.body);
    if (sending) await sending;
  }

  async #fallback(req: AdapterRequest, res: AdapterResponse, outcome: Unmatched): Promise<void> {
    await this.#answerUnmatched(new RequestContext(req, res, undefined), outcome);
  }

  /** Not found, wrong method and unreadable paths are errors (exception handlers see them); a redirect is not. */
  async #answerUnmatched(ctx: RequestContext, outcome: Unmatched): Promise<unknown> {
    if (outcome.kind === 'redirect') {
      if (!ctx.reply.headersSent) await ctx.reply.send(307, { location: outcome.location, 'content-length': 0 }, null);
      return undefined;
    }
    const error = outcome.kind === 'not-found' ? new NotFound()
      : outcome.kind === 'method-not-allowed' ? new MethodNotAllowed(undefined, { allow: outcome.allow })
        : new HttpError(outcome.status, outcome.detail);
    await this.handleError(error, ctx);
    return error;
  }

  /**
   * Adds middleware for every request, or for paths under `prefix`. Only before the app starts.
   * @example
   * app.use(cors({ allowOrigins: ['https://example.com'] }));
   * app.use('/admin', requireAdmin);
   */
  use(prefixOrMiddleware: string | Middleware, middleware?: Middleware): this {
    if (this.#compiled) throw decorumErrors.middlewareAfterStart();
    const prefix = typeof prefixOrMiddleware === 'string' ? `/${prefixOrMiddleware.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '') : '';
    const fn = typeof prefixOrMiddleware === 'function' ? prefixOrMiddleware : middleware;
    if (!fn) throw decorumErrors.middlewareMissing();
    this.#middleware.push({ prefix, middleware: fn });
    return this;
  }

  /** The compiled routes, after `init()`: what each one runs (for tools and tests). */
  get compiledRoutes(): readonly CompiledRoute[] {
    return this.#compiled ?? [];
  }
}

/** A class rather than a plain function (guards, pipes and interceptors may be either). */
function isClass(value: unknown): value is Class {
  return typeof value === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(value));
}

/** Creates an app. `@decorumjs/decorum`'s `createApp` is this with node:http and the docs plugin by default. */
export function createApp(options: AppOptions = {}): App {
  return new App(options);
}

function assertLimits(options: AppOptions): void {
  const { bodyLimit, jsonDepthLimit } = options;
  if (bodyLimit !== undefined && !(Number.isSafeInteger(bodyLimit) && bodyLimit >= 0)) {
    throw decorumErrors.limitInvalid('bodyLimit', 'a whole number of bytes', bodyLimit);
  }
  if (jsonDepthLimit !== undefined && !(Number.isInteger(jsonDepthLimit) && jsonDepthLimit >= 1 && jsonDepthLimit <= MAX_JSON_DEPTH_LIMIT)) {
    throw decorumErrors.limitInvalid('jsonDepthLimit', `a whole number from 1 to ${MAX_JSON_DEPTH_LIMIT}`, jsonDepthLimit);
  }
}
