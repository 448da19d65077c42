/**
 * Decorum on Fastify: each Decorum route becomes a Fastify route, on an instance Decorum creates or on
 * one you own (your plugins and hooks keep working). Decorum's routes live in their own encapsulated
 * plugin, so the catch-all body parser and the error handler below never touch your own routes.
 */
import Fastify, {
  type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerFactory, type FastifyServerOptions,
} from 'fastify';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_BODY_LIMIT, HttpError, PayloadTooLarge, RequestAborted, STATUS_TEXT, UnsupportedMediaType, compileAllowedMethods, isDisconnect,
  parseQueryString, type HttpAdapter, type MountTable, type RouteHandle, type ServerAddress, type ServerLimits,
} from '@decorumjs/core';
import { createLimitedServer } from '@decorumjs/platform-node';
import { FastifyAdapterRequest } from './fastify-request.js';
import { FastifyAdapterResponse } from './fastify-response.js';

/**
 * On an instance Decorum creates, the limits are applied by Decorum's own node:http server (the one the
 * node and Express adapters use), handed to Fastify as its `serverFactory`; on your own instance, set
 * Fastify's `requestTimeout`, `keepAliveTimeout` and `http.headersTimeout` yourself.
 */
export interface FastifyAdapterOptions extends ServerLimits {
  /**
   * Your Fastify instance. Decorum registers its routes on it at `mount` (before it is ready). Set
   * `routerOptions: { ignoreTrailingSlash: true }` on it for `/items/` to reach `/items`, as elsewhere.
   */
  instance?: FastifyInstance;
  /** Options for the instance Decorum creates when you pass none. */
  fastify?: FastifyServerOptions;
}

export class FastifyAdapter implements HttpAdapter {
  readonly name = 'fastify';
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
      ...(fastify.serverFactory || 'https' in fastify || 'http2' in fastify ? {} : {
        serverFactory,
        // Decorum's server answers malformed and oversized requests itself, in Decorum's shape.
        clientErrorHandler: ignoreClientError,
      }),
      // Fastify's own answers to URLs its router refuses, in Decorum's shape.
      frameworkErrors: answerFrameworkError,
      ...fastify,
      routerOptions: {
        ignoreTrailingSlash: true,
        maxParamLength: 2048,
        ...(this.#sharesQueryParser ? { querystringParser: parseQueryString } : {}),
        ...options.fastify?.routerOptions,
      },
    });
  }

  mount(table: MountTable): void {
    this.#bodyLimit = table.bodyLimit;
    const allowedMethods = compileAllowedMethods(table.routes);
    const bodyError = (error: unknown) => toCoreBodyError(error, table.bodyLimit);
    const serve = server(this.#sharesQueryParser);
    const fallback: RouteHandle = (req, res) => table.fallback(req, res, allowedMethods(req.method, pathOf(req.url)));

    void this.instance.register(async (scope) => {
      // Bytes in, bytes out: core decides about JSON, 415 and 422, exactly as on the other adapters.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: table.bodyLimit }, (_request, body, done) => done(null, body));
      scope.setNotFoundHandler((request, reply) => serve(fallback, request, reply));
      // Reached by a not-found request whose body Fastify could not read; route errors have their own handler.
      scope.setErrorHandler((error, request, reply) => {
        const coreError = bodyError(error);
        if (!coreError || !request.is404) throw error;
        keepConnection(reply);
        return serve(fallback, request, reply, coreError);
      });
      for (const route of table.routes) {
        scope.route({
          method: route.method,
          url: route.path,
          // Core mounts HEAD itself; Fastify's automatic HEAD routes would collide with it.
          exposeHeadRoute: false,
          handler: (request, reply) => serve(route.handle, request, reply),
          errorHandler: (error, request, reply) => {
            const coreError = bodyError(error);
            if (!coreError) throw error;
            keepConnection(reply);
            return serve(route.handle, request, reply, coreError);
          },
        });
      }
    });
  }

  async listen(port: number, host: string): Promise<ServerAddress> {
    await this.instance.listen({ port, host });
    const address = this.instance.server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return { host: address.address, port: address.port, url: `http://${shownHost}:${address.port}` };
  }

  async close(graceMs: number): Promise<void> {
    const deadline = setTimeout(() => this.instance.server.closeAllConnections(), graceMs);
    try {
      await this.instance.close();
    } finally {
      clearTimeout(deadline);
    }
  }
}

type Serve = (handle: RouteHandle, request: FastifyRequest, reply: FastifyReply, bodyError?: Error) => Promise<FastifyReply> | undefined;

function server(sharesQueryParser: boolean): Serve {
  return (handle, request, reply, bodyError) => {
    // Not-found requests are parsed by Fastify's 404 router, which may not share the parser: core parses those.
    const query = sharesQueryParser && !request.is404 ? (request.query as FastifyAdapterRequest['query']) : undefined;
    const done = handle(new FastifyAdapterRequest(request, query, bodyError), new FastifyAdapterResponse(reply));
    // Answered synchronously: reply.send was called, and undefined tells Fastify so. Otherwise the promise
    // resolves to the reply, which tells Fastify the response is (being) sent by us.
    return done ? done.then(() => reply) : undefined;
  };
}

/** Fastify's body errors, as the errors core raises for the same requests on node:http. */
function toCoreBodyError(error: unknown, limit: number): Error | undefined {
  if (isDisconnect(error)) return new RequestAborted({ cause: error });
  const { code, statusCode } = typeof error === 'object' && error !== null ? (error as { code?: unknown; statusCode?: unknown }) : {};
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new PayloadTooLarge(`Request body is larger than the limit of ${limit} bytes`);
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

function answerFrameworkError(error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply): void {
  const [status, detail] = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? [414, 'URI Too Long'] : [400, MALFORMED_PATH];
  void reply.code(status).type('application/json').send(JSON.stringify({ detail }));
}

const MALFORMED_PATH = 'Malformed percent-encoding in the URL path';

function ignoreClientError(): void {}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
