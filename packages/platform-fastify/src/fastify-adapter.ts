/**
 * Decorum on Fastify, on an instance Decorum creates or on one you own (your plugins, hooks and routes
 * keep working). Decorum mounts one catch-all route (`/*`, every method) in its own encapsulated plugin:
 * Fastify reads the body, core's router decides the rest, so paths answer exactly as on every other
 * adapter. Your own routes are more specific than `/*` and win; the catch-all body parser and the error
 * handler below never touch them.
 */
import Fastify, {
  type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerFactory, type FastifyServerOptions,
} from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  DEFAULT_BODY_LIMIT, HttpError, RequestAborted, STATUS_TEXT, UnsupportedMediaType, bodyLimitExceeded, isDisconnect,
  parseQueryString, type HttpAdapter, type MountTable, type ServerAddress, type ServerLimits,
} from '@decorumjs/core';
import { answerClientError, attachWebSocketUpgrades, createLimitedServer, destroyUpgradedSockets } from '@decorumjs/platform-node';
import { FastifyAdapterRequest } from './fastify-request.js';
import { FastifyAdapterResponse } from './fastify-response.js';

/**
 * On an instance Decorum creates, the limits are applied by Decorum's own node:http server (the one the
 * node and Express adapters use), handed to Fastify as its `serverFactory`; on your own instance, set
 * Fastify's `requestTimeout`, `keepAliveTimeout` and `http.headersTimeout` yourself.
 */
export interface FastifyAdapterOptions extends ServerLimits {
  /**
   * Your Fastify instance. Decorum registers its catch-all route on it at `mount` (before it is ready).
   * Fastify's router rejects a path with a malformed escape (`/%zz`) before any route sees it: create
   * your instance with `Fastify({ frameworkErrors })` (exported here) for Decorum to answer it too.
   */
  instance?: FastifyInstance;
  /** Options for the instance Decorum creates when you pass none. */
  fastify?: FastifyServerOptions;
}

export class FastifyAdapter implements HttpAdapter {
  readonly name = 'fastify';
  readonly supportsWebSockets = true;
  /** The Fastify instance Decorum's routes are registered on. */
  readonly instance: FastifyInstance;
  readonly #sharesQueryParser: boolean;
  #bodyLimit = DEFAULT_BODY_LIMIT;

  constructor(options: FastifyAdapterOptions = {}) {
    // Fastify parses every query string. On an instance made here with core's parser, core reuses that
    // result; a parser of your own (qs, say) may give other shapes, so core then parses the URL itself.
    this.#sharesQueryParser = !options.instance && !options.fastify?.querystringParser && !options.fastify?.routerOptions?.querystringParser;
    const fastify = options.fastify ?? {};
    const serverFactory: FastifyServerFactory = (handler) => createLimitedServer(handler, options, () => this.#bodyLimit);
    this.instance = options.instance ?? Fastify({
      // HTTPS, HTTP/2 and a factory of your own keep Fastify's server (and its own limits).
      ...(fastify.serverFactory || 'https' in fastify || 'http2' in fastify
        // Fastify's own answer to what node's parser refuses has no `Connection: close` and resets the
        // connection at once; Decorum's says it closes, and lingers. HTTP/2 frames its errors itself.
        ? ('http2' in fastify ? {} : { clientErrorHandler })
        : {
          serverFactory,
          // Decorum's server answers malformed and oversized requests itself, in Decorum's shape.
          clientErrorHandler: ignoreClientError,
        }),
      // Fastify's own answers to URLs its router refuses, in Decorum's shape.
      frameworkErrors,
      ...fastify,
      routerOptions: {
        ...(this.#sharesQueryParser ? { querystringParser: parseQueryString } : {}),
        ...options.fastify?.routerOptions,
      },
    });
  }

  mount(table: MountTable): void {
    MOUNTED.set(this.instance, table);
    // Upgrade requests never reach Fastify's router: node:http emits them as 'upgrade' on its server.
    attachWebSocketUpgrades(this.instance.server, table);
    this.#bodyLimit = table.bodyLimit;
    const bodyError = (error: unknown) => toCoreBodyError(error, table.bodyLimit);
    const serve = server(this.#sharesQueryParser);

    void this.instance.register(async (scope) => {
      // Bytes in, bytes out: core decides about JSON, 415 and 422, exactly as on the other adapters.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: table.bodyLimit }, (_request, body, done) => done(null, body));
      // Multipart uploads stream through unread: core parses them from the raw request, under its own limits.
      scope.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null, undefined));
      // Methods other than these (TRACE, PROPFIND) reach core here, for its 404 or 405.
      scope.setNotFoundHandler((request, reply) => serve(table, request, reply));
      // Reached by a not-found request whose body Fastify could not read; the catch-all has its own handler.
      scope.setErrorHandler((error, request, reply) => {
        if (isMissingQueryContentType(error)) return serve(table, request, reply);
        const coreError = bodyError(error);
        if (!coreError || !request.is404) throw error;
        keepConnection(reply);
        return serve(table, request, reply, coreError);
      });
      scope.route({
        method: CATCH_ALL_METHODS,
        url: '/*',
        // Core answers HEAD itself; Fastify's automatic HEAD route would collide with it.
        exposeHeadRoute: false,
        handler: (request, reply) => serve(table, request, reply),
        errorHandler: (error, request, reply) => {
          if (isMissingQueryContentType(error)) return serve(table, request, reply);
          const coreError = bodyError(error);
          if (!coreError) throw error;
          keepConnection(reply);
          return serve(table, request, reply, coreError);
        },
      });
    });
  }

  async listen(port: number, host: string): Promise<ServerAddress> {
    await this.instance.listen({ port, host });
    const address = this.instance.server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return { host: address.address, port: address.port, url: `http://${shownHost}:${address.port}` };
  }

  async close(graceMs: number): Promise<void> {
    const server = this.instance.server;
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      destroyUpgradedSockets(server);
    }, graceMs);
    // Fastify closes the connections idle when it starts; those whose response ends later (an event
    // stream ended by the closing app) are closed as they become idle, as the node adapter does.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    try {
      await this.instance.close();
    } finally {
      clearTimeout(deadline);
      clearInterval(sweep);
    }
  }
}

const CATCH_ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The table mounted on each instance, for `frameworkErrors`, which Fastify calls with the instance's request. */
const MOUNTED = new WeakMap<FastifyInstance, MountTable>();

/**
 * Fastify's `clientErrorHandler` option: a request node's parser refuses (a malformed request line, headers
 * over the limit, a timeout) gets a JSON `{"detail": ...}` with `Connection: close`, then a lingering close,
 * as on Decorum's own server. Set on the instances Decorum creates; pass it to your own:
 * `Fastify({ clientErrorHandler })`.
 */
export const clientErrorHandler: (error: Error, socket: Duplex) => void = answerClientError;

/**
 * Fastify's `frameworkErrors` option: a request its router rejects before any route (a path with a
 * malformed escape, `FST_ERR_BAD_URL`) goes to core, which answers it as on every adapter (400 with a
 * `detail`). Set on the instances Decorum creates; pass it to your own: `Fastify({ frameworkErrors })`.
 */
export function frameworkErrors(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const table = MOUNTED.get(request.server);
  if (table && (error as { code?: unknown }).code === 'FST_ERR_BAD_URL') {
    void server(false)(table, request, reply);
    return;
  }
  // Any other refusal of Fastify's router (FST_ERR_MAX_PARAM_LENGTH on a route of your own): its status, Decorum's shape.
  const status = (error as { statusCode?: unknown }).statusCode;
  const code = typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
  void reply.code(code).type('application/json').send(JSON.stringify({ detail: STATUS_TEXT[code] ?? 'Bad Request' }));
}

type Serve = (table: MountTable, request: FastifyRequest, reply: FastifyReply, bodyError?: Error) => Promise<FastifyReply> | undefined;

function server(sharesQueryParser: boolean): Serve {
  return (table, request, reply, bodyError) => {
    // Not-found requests are parsed by Fastify's 404 router, which may not share the parser: core parses those.
    const query = sharesQueryParser && !request.is404 ? (request.query as FastifyAdapterRequest['query']) : undefined;
    const done = table.dispatch(new FastifyAdapterRequest(request, query, bodyError, reply.raw), new FastifyAdapterResponse(reply));
    // Answered synchronously: reply.send was called, and undefined tells Fastify so. Otherwise the promise
    // resolves to the reply, which tells Fastify the response is (being) sent by us.
    return done ? done.then(() => reply) : undefined;
  };
}

/**
 * Fastify refuses a QUERY request without Content-Type itself (RFC 10008 §2), before any handler. Which
 * methods a path has is core's decision (a 405 with `Allow` where no route takes QUERY), so the request
 * goes to core like any other.
 */
function isMissingQueryContentType(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'FST_ERR_ROUTE_MISSING_CONTENT_TYPE';
}

/** Fastify's body errors, as the errors core raises for the same requests on node:http. */
function toCoreBodyError(error: unknown, limit: number): Error | undefined {
  if (isDisconnect(error)) return new RequestAborted({ cause: error });
  const { code, statusCode } = typeof error === 'object' && error !== null ? (error as { code?: unknown; statusCode?: unknown }) : {};
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return bodyLimitExceeded(limit);
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new UnsupportedMediaType('Unsupported Media Type: expected a JSON body with Content-Type application/json');
  }
  // Any other body error of Fastify's (a Content-Length that does not match the body, say): its status, Decorum's shape.
  if (typeof code === 'string' && code.startsWith('FST_ERR_CTP_') && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new HttpError(statusCode, STATUS_TEXT[statusCode] ?? 'Bad Request');
  }
  return undefined;
}

/**
 * Fastify asks for `Connection: close` after any body error, and the client, still sending, would then
 * see a reset instead of the answer. The response reads the rest off the wire instead (bounded; see
 * platform-node's `discardUnread`), so the connection can stay open.
 */
function keepConnection(reply: FastifyReply): void {
  reply.removeHeader('connection');
}

function ignoreClientError(): void {}
