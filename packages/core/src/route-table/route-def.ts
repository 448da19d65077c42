/**
 * The route table: Decorum's one description of an app's HTTP surface. The compiler turns it into
 * request handlers and the OpenAPI builder turns it into a document; neither re-reads decorators.
 */
import type { CleanupScope, Class, HttpMethod, OperationInfo, ParamSource, ResponseModelOptions } from '../metadata/records.js';
import type { TypeRef } from '../schema/type-spec.js';

export interface Constraints {
  readonly gt?: number;
  readonly ge?: number;
  readonly lt?: number;
  readonly le?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

export interface ParamDef {
  /** Position in the handler's argument list; -1 for a path parameter no argument binds. */
  readonly index: number;
  readonly source: ParamSource;
  /** Key in its source (`item_id`, `user-agent`); undefined for a whole query DTO or a whole body. */
  readonly name: string | undefined;
  readonly type: TypeRef;
  readonly required: boolean;
  readonly hasDefault: boolean;
  readonly default: unknown;
  readonly constraints: Constraints;
  readonly description?: string;
  readonly example?: unknown;
  readonly deprecated?: boolean;
  readonly includeInSchema: boolean;
  /** What a `dependency` or `inject` parameter resolves. */
  readonly target?: unknown;
  readonly useCache?: boolean;
  readonly cleanupScope?: CleanupScope;
  /** Pipes given in the parameter's decorator, run after coercion and validation. */
  readonly pipes?: readonly unknown[];
  /** Splits one string into array items (`ParseArrayPipe`), besides repeated keys. */
  readonly separator?: string;
}

export interface ResponseDef {
  readonly status: number;
  readonly description?: string;
  readonly type?: TypeRef;
}

export interface RouteDef {
  /** `ItemsController.read`: unique per handler. */
  readonly id: string;
  readonly method: HttpMethod;
  /** `/items/:item_id` */
  readonly path: string;
  /** `/items/{item_id}` */
  readonly openapiPath: string;
  readonly pathParams: readonly string[];
  readonly controller: Class;
  readonly handlerName: string;
  readonly params: readonly ParamDef[];
  /** Success status (200 unless `@HttpCode`). */
  readonly status: number;
  /** Static response headers from `@ResponseHeader`. */
  readonly headers: readonly (readonly [string, string])[];
  /** Declared response model; output is filtered to it. */
  readonly responseModel?: TypeRef;
  /** The success response's media type when it is not JSON (`@Produces`, or a `FileResponse` return type). */
  readonly produces?: string;
  /** The route's own JSON validation mode (`@Validation`); undefined follows the app's. */
  readonly validationMode?: 'strict' | 'lax';
  /**
   * `jsonl`: the handler is a generator, and its items are streamed as JSON Lines; `sse`: an `@Sse()`
   * route, whose items are streamed as Server-Sent Events (with a keep-alive comment every `sse.keepAliveMs`).
   */
  readonly streams?: 'jsonl' | 'sse';
  readonly sse?: { readonly keepAliveMs: number };
  /**
   * A `@WebSocketRoute()`: GET requests that ask for an upgrade run the handler as one session;
   * `message` is what `ws.messages()` validates, `send` what the route sends (for the docs only), and
   * `subprotocols` the ones it speaks, in its order of preference.
   */
  readonly websocket?: WebSocketDef;
  /** `@ResponseModel(Type, options)`: what the model leaves out of the output. */
  readonly responseModelOptions?: ResponseModelOptions;
  readonly responses: readonly ResponseDef[];
  readonly info: Readonly<Required<Pick<OperationInfo, 'tags' | 'includeInSchema'>>> & Readonly<OperationInfo>;
  /** Dependencies declared on the route, its controller or the app, run for their side effects. */
  readonly dependencies: readonly unknown[];
  /**
   * Every dependency the route resolves, however deep (side-effect ones, `@Depends`/`@Inject` targets and
   * theirs): what the OpenAPI builder reads for security schemes. Filled when the app plans its routes.
   */
  readonly dependencyTargets?: readonly unknown[];
  /** The same dependencies, each with the OAuth2 scopes required along its chain (`Security(dep, { scopes })`). */
  readonly dependencyUses?: readonly { readonly target: unknown; readonly scopes: readonly string[] }[];
  /** `@SetMetadata` values of the controller, overridden by the route's. */
  readonly extensions: ReadonlyMap<unknown, unknown>;
  /** Controller's then route's `@UseGuards`, `@UseInterceptors`, `@UsePipes` (the app's global ones come first at compile). */
  readonly guards: readonly unknown[];
  readonly interceptors: readonly unknown[];
  readonly pipes: readonly unknown[];
}

export interface WebSocketDef {
  readonly message?: TypeRef;
  readonly send?: TypeRef;
  /** The name of a `send` class without class-validator rules: documented as an object of that name. */
  readonly sendTitle?: string;
  readonly subprotocols: readonly string[];
}

export type RouteTable = readonly RouteDef[];
