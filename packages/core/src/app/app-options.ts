import type { MultipartLimits } from '../forms/multipart-limits.js';
import type { HttpAdapter } from '../adapter/adapter.js';
import type { Logger } from '../logger.js';
import type { Provider } from '../di/providers.js';
import type { Class } from '../metadata/records.js';
import type { ModuleDef } from './module.js';
import type { GuardLike } from '../extensions/guards.js';
import type { InterceptorLike } from '../extensions/interceptors.js';
import type { Middleware } from '../extensions/middleware.js';
import type { PipeLike } from '../extensions/pipes.js';
import type { RoutingOptions } from '../routing/route-match.js';
import type { WebSocketOptions } from '../websocket/websocket-options.js';

/** Describes the API for its documentation (the OpenAPI `info` and `servers`). */
export interface AppInfo {
  title?: string;
  version?: string;
  description?: string;
  servers?: Array<{ url: string; description?: string }>;
}

/** An extension that shapes the app before bootstrap: adds controllers, hooks, handlers. */
export interface Plugin {
  readonly name: string;
  register(app: import('./app.js').App): void;
}

export interface AppOptions extends AppInfo {
  controllers?: Class[];
  /** Providers for the app's container: classes, or `{ provide, useClass | useValue | useFactory | useExisting }`. */
  providers?: Provider[];
  /** Groups of controllers and providers with a shared prefix, tags and dependencies. */
  modules?: ModuleDef[];
  /** Dependencies run before every route, for their side effects (an auth check). */
  dependencies?: unknown[];
  /** App-wide guards, interceptors and pipes: they run before each controller's and route's own. */
  guards?: GuardLike[];
  interceptors?: InterceptorLike[];
  pipes?: PipeLike[];
  /** Middleware around every request, matched or not (see `app.use` for a path prefix). */
  middleware?: Middleware[];
  /** The HTTP server to run on. Required by core; `@decorumjs/decorum` defaults to node:http. */
  adapter?: HttpAdapter;
  /** Largest request body, in bytes (1 MiB by default); larger ones answer 413. Multipart bodies have `multipart` instead. */
  bodyLimit?: number;
  /**
   * Limits on `multipart/form-data` bodies (file size 10 MiB, 10 files, 1000 fields of 1 MiB, 1000 parts),
   * enforced while the upload streams; past one, 413 naming the field.
   * Files past `memoryThreshold` (1 MiB) are spooled to temporary files, removed after the response.
   */
  multipart?: MultipartLimits;
  /**
   * How paths are matched on every adapter: trailing slashes (`'ignore'` by default, `'redirect'` for
   * FastAPI's 307, `'strict'`) and the longest path parameter (2,048 characters; longer answers 414).
   */
  routing?: RoutingOptions;

  /**
   * Deepest nesting of arrays and objects accepted in a JSON body (200 by default, as pydantic's JSON
   * parser; at most 500). Deeper bodies answer 422 `json_invalid` before they are parsed.
   */
  jsonDepthLimit?: number;
  validation?: {
    /** 422 as FastAPI (default), or 400 for teams that prefer it. */
    status?: number;
    /** Properties a DTO does not declare: stripped (default) or answered with 422 `extra_forbidden`. */
    unknownProperties?: 'strip' | 'forbid';
    /**
     * JSON bodies: `strict` (default) never converts a value; `lax` converts as pydantic's lax mode
     * does (`"50.5"` → 50.5 for a number, `"true"` → true for a boolean, never a number into a string).
     * One route can choose otherwise with `@Validation({ mode })`.
     */
    mode?: 'strict' | 'lax';
  };
  /** A pino-compatible logger, or false for none. */
  logger?: Logger | false;
  plugins?: Plugin[];
  /**
   * One log line per request (method, path, status, duration; an accepted WebSocket is 101, written when
   * it closes). Off by default; the dev server turns it on, and so does DECORUM_ACCESS_LOG=1.
   */
  accessLog?: boolean;
  /**
   * Signals that close the app gracefully and exit the process with 0 (SIGTERM and SIGINT by default);
   * `false` leaves signals to you.
   */
  shutdownSignals?: readonly string[] | false;
  /**
   * Limits of WebSocket routes: `maxMessageBytes` (1 MiB; larger closes with 1009), `maxConnections`
   * (unlimited; past it 503), `heartbeatMs` (30 s), `receiveQueue` (16 messages), `maxBufferedBytes`
   * (1 MiB of send backlog; past it 1013), and the `broker` groups publish through (in-memory).
   */
  websocket?: WebSocketOptions;
  /** How long `close()` waits for in-flight requests and WebSocket closing handshakes, in ms (10 s by default). */
  shutdownGraceMs?: number;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_JSON_DEPTH_LIMIT = 200;
/**
 * Past this, the recursive walks over a body (class-transformer and class-validator on a recursive DTO,
 * the 422, serialization) come close to the stack's end: a recursive DTO 800 levels deep overflows it.
 */
export const MAX_JSON_DEPTH_LIMIT = 500;
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
