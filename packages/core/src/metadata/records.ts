/**
 * What decorators write down at import time. Records are plain data with no logic; `collectRoutes`
 * turns them into the route table at bootstrap.
 */
import type { TypeSpec } from '../schema/type-spec.js';

// Constructor types: `abstract` so abstract base classes and tokens are accepted too.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constructor parameter lists are contravariant
export type Class<T = unknown> = abstract new (...args: any[]) => T;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export type ConcreteClass<T = unknown> = new (...args: any[]) => T;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Where a handler parameter comes from. */
export type ParamSource =
  | 'path'
  | 'query'
  | 'header'
  | 'cookie'
  | 'body'
  | 'form'
  | 'file'
  | 'request'
  | 'response'
  | 'signal'
  | 'background'
  | 'websocket'
  | 'dependency'
  | 'inject';

/** Options shared by `@Param`, `@Query`, `@Header`, `@Cookie` and `@Body`. */
export interface ParamOptions {
  /** The declared type when the TypeScript type alone cannot say it: `Int`, an enum, `[Int]`, a DTO. */
  type?: TypeSpec;
  /** Absent values are allowed and bind as `undefined`. */
  optional?: boolean;
  /** Value used when the client sends nothing; implies optional. */
  default?: unknown;
  /** Numeric bounds (FastAPI's `gt`, `ge`, `lt`, `le`). */
  gt?: number;
  ge?: number;
  lt?: number;
  le?: number;
  /** String bounds and pattern; for arrays, minLength/maxLength bound the item count. */
  minLength?: number;
  maxLength?: number;
  pattern?: string | RegExp;
  description?: string;
  example?: unknown;
  deprecated?: boolean;
  /** Leave this parameter out of the OpenAPI document. */
  includeInSchema?: boolean;
}

/**
 * When a dependency's cleanup (the code after `yield`, disposal) runs: `'request'` after the response
 * is sent, `'function'` as soon as the handler has returned, before the response is sent.
 */
export type CleanupScope = 'request' | 'function';

export interface ParamRecord {
  readonly index: number;
  readonly source: ParamSource;
  /** The key in its source; undefined means the whole source (a query DTO, the whole body). */
  readonly name: string | undefined;
  readonly options: ParamOptions;
  /** For `dependency` and `inject`: what to resolve. */
  readonly target?: unknown;
  /** For `dependency`: `false` turns the per-request cache off (FastAPI's `use_cache=False`). */
  readonly useCache?: boolean;
  /** For `dependency`: when a generator's code after `yield` runs (FastAPI's `Depends(scope=...)`). */
  readonly cleanupScope?: CleanupScope;
  /** Pipes given in the decorator (`@Param('id', ParseUUIDPipe)`), applied in order. */
  readonly pipes?: readonly unknown[];
}

export interface RouteRecord {
  readonly method: HttpMethod | 'ALL';
  readonly path: string;
}

export interface ResponseRecord {
  readonly status: number;
  readonly description?: string;
  readonly type?: TypeSpec;
}

/**
 * How a response model writes its output (FastAPI's `response_model_*` options). Paths in `include` and
 * `exclude` name fields, dotted for nested ones (`owner.email`); through arrays they apply to every item.
 */
export interface ResponseModelOptions {
  /** Drop fields the handler did not set, so declared defaults are not filled in. */
  readonly excludeUnset?: boolean;
  /** Drop fields whose value is `null` (or `undefined`). */
  readonly excludeNone?: boolean;
  /** Drop fields whose value equals their declared default. */
  readonly excludeDefaults?: boolean;
  /** Only these fields. */
  readonly include?: readonly string[];
  /** All fields but these. */
  readonly exclude?: readonly string[];
}

/** Documentation and behaviour shared by controllers and routes. */
export interface OperationInfo {
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  operationId?: string;
  includeInSchema?: boolean;
}

export interface MethodRecord extends OperationInfo {
  routes: RouteRecord[];
  params: ParamRecord[];
  status?: number;
  headers: Array<[string, string]>;
  responseModel?: TypeSpec;
  /** `@Produces(mediaType)`: the success response's media type, when it is not JSON. */
  produces?: string;
  /** `@Validation({ mode })`: this route's JSON validation mode instead of the app's. */
  validationMode?: 'strict' | 'lax';
  responseModelOptions?: ResponseModelOptions;
  /** `@Sse()`: the handler's items are sent as Server-Sent Events. */
  sse?: { keepAliveMs: number };
  /** `@WebSocketRoute()`: the handler runs one WebSocket session per connection. */
  websocket?: { message?: TypeSpec; send?: TypeSpec; subprotocols: string[] };
  responses: ResponseRecord[];
  dependencies: unknown[];
  /** Free-form metadata for guards and extensions (`@SetMetadata`). */
  extensions: Map<unknown, unknown>;
  guards: unknown[];
  interceptors: unknown[];
  pipes: unknown[];
}

export interface ControllerRecord extends OperationInfo {
  prefix: string;
}

export interface ClassRecord {
  controller?: ControllerRecord;
  controllerInfo: OperationInfo;
  controllerDependencies: unknown[];
  controllerExtensions: Map<unknown, unknown>;
  controllerGuards: unknown[];
  controllerInterceptors: unknown[];
  controllerPipes: unknown[];
  methods: Map<string, MethodRecord>;
  /** Decorated constructor parameters (`@Inject`, and for dependency classes, `@Query`…). */
  ctorParams: ParamRecord[];
  injectable?: { scope?: 'singleton' | 'request' | 'transient' };
}
