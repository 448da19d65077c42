/**
 * Developer mistakes, in one catalogue (as Fastify's `lib/errors.js`): each entry is a stable code, the
 * message built from the specifics, and the sentence that says how to fix it, side by side. Throw sites
 * call an entry (`throw decorumErrors.routeDuplicate(...)`) and write no text of their own. Client
 * mistakes are `HttpError`s, not these.
 */
export type DecorumErrorCode =
  | 'DECORUM_ERR_ROUTE_DUPLICATE'
  | 'DECORUM_ERR_ROUTE_PATH'
  | 'DECORUM_ERR_PARAM_NOT_IN_PATH'
  | 'DECORUM_ERR_PARAM_UNDECORATED'
  | 'DECORUM_ERR_PARAM_TYPE'
  | 'DECORUM_ERR_METADATA_MISSING'
  | 'DECORUM_ERR_DTO_INVALID'
  | 'DECORUM_ERR_RESPONSE_MODEL'
  | 'DECORUM_ERR_CONTROLLER_INVALID'
  | 'DECORUM_ERR_PROVIDER_MISSING'
  | 'DECORUM_ERR_PROVIDER_CYCLE'
  | 'DECORUM_ERR_PROVIDER_INVALID'
  | 'DECORUM_ERR_SCOPE_MISMATCH'
  | 'DECORUM_ERR_APP_STATE'
  | 'DECORUM_ERR_LIMIT_INVALID'
  | 'DECORUM_ERR_BODY_KIND_MIXED'
  | 'DECORUM_ERR_WEBSOCKET'
  | 'DECORUM_ERR_INTERNAL'
  | 'DECORUM_ERR_SETTINGS_INVALID'
  | 'DECORUM_ERR_SSE_INVALID';

export class DecorumError extends Error {
  override readonly name = 'DecorumError';
  /** What is wrong, without the code and the fix. */
  readonly reason: string;
  constructor(
    readonly code: DecorumErrorCode,
    message: string,
    /** The sentence that says what to do; also the end of `message`. */
    readonly fix = '',
  ) {
    super(fix === '' ? `${code}: ${message}` : `${code}: ${message} ${fix}`);
    this.reason = message;
  }

  /** The same mistake, its message prefixed with where it was made (the handler that uses a DTO). */
  within(where: string): DecorumError {
    return new DecorumError(this.code, `${where}: ${this.reason}`, this.fix);
  }
}

/** One catalogue entry: call it with the specifics to get the error to throw. */
export interface ErrorEntry<A extends unknown[]> {
  (...args: A): DecorumError;
  readonly code: DecorumErrorCode;
}

function entry<A extends unknown[]>(
  code: DecorumErrorCode,
  message: (...args: A) => string,
  fix: string | ((...args: A) => string),
): ErrorEntry<A> {
  const create = (...args: A) => new DecorumError(code, message(...args), typeof fix === 'string' ? fix : fix(...args));
  return Object.assign(create, { code });
}

/** The fix-it hint shared by every "type metadata is missing" message. */
export const METADATA_HINT =
  'Decorum reads parameter and property types from decorator metadata. Compile with tsc or SWC with ' +
  '"experimentalDecorators" and "emitDecoratorMetadata" on (esbuild and tsx drop this metadata), ' +
  'and import classes used in decorated signatures as values, not with `import type`.';

const SAY_THE_TYPE = 'Say the type: { type: String }, { type: Int }, { type: MyEnum } or { type: [Int] }.';

export const decorumErrors = {
  // Routes: collectRoutes and the path parser.
  routeDuplicate: entry('DECORUM_ERR_ROUTE_DUPLICATE',
    (method: string, path: string, first: string, second: string) => `${method} ${path} is declared twice: by ${first} and by ${second}.`,
    'Give one of them another path or method.'),
  pathSegment: entry('DECORUM_ERR_ROUTE_PATH',
    (where: string, segment: string) => `${where}: path segment "${segment}" is not supported.`,
    'A segment is either literal text or one whole parameter (":id" or "{id}").'),
  pathParamName: entry('DECORUM_ERR_ROUTE_PATH',
    (where: string, name: string) => `${where}: path parameter "${name}" must be a name of letters, digits and underscores.`,
    'Rename it, as in ":item_id" or "{item_id}".'),
  pathParamTwice: entry('DECORUM_ERR_ROUTE_PATH',
    (where: string, name: string) => `${where}: path parameter "${name}" appears twice.`,
    'Give each parameter of a path its own name.'),
  routeSlashMismatch: entry('DECORUM_ERR_ROUTE_PATH',
    (route: string, other: string) => `${route} differs from ${other} at the same path only by its trailing slash.`,
    'Declare one form, with or without the slash, for every method of a path.'),
  routeSameRequests: entry('DECORUM_ERR_ROUTE_DUPLICATE',
    (route: string, other: string) => `${route} matches the same requests as ${other} (the router decodes both paths to one).`,
    'Give one of them another path or method.'),
  controllerUndecorated: entry('DECORUM_ERR_CONTROLLER_INVALID',
    (name: string) => `${name} is listed as a controller but has no @Controller() decorator.`,
    'Decorate the class with @Controller(), or take it out of controllers.'),
  routeNotMethod: entry('DECORUM_ERR_CONTROLLER_INVALID',
    (where: string) => `${where} is decorated as a route but is not a method.`,
    'Put @Get, @Post and the other route decorators on methods only.'),
  paramNotInPath: entry('DECORUM_ERR_PARAM_NOT_IN_PATH',
    (where: string, name: string, path: string, params: readonly string[]) =>
      `${where} reads path parameter "${name}" but its path ${path} has ${params.length ? `only ${params.map((p) => `:${p}`).join(', ')}` : 'no parameters'}.`,
    (_where, name) => `Add ":${name}" to the route path or read it from another source.`),
  paramUndecorated: entry('DECORUM_ERR_PARAM_UNDECORATED',
    (where: string, index: number) => `${where}: parameter #${index + 1} has no decorator, so Decorum cannot tell where its value comes from.`,
    'Decorate it with @Param, @Query, @Header, @Cookie, @Body, @Depends, @Inject, @Req or @Res.'),

  // Parameter and DTO types.
  routeMetadataMissing: entry('DECORUM_ERR_METADATA_MISSING',
    (where: string) => `${where} has no parameter type metadata.`, METADATA_HINT),
  paramMetadataMissing: entry('DECORUM_ERR_METADATA_MISSING',
    (label: string) => `${label} has no type: parameter type metadata is missing.`,
    `Either pass { type } or fix the build. ${METADATA_HINT}`),
  paramTypeObject: entry('DECORUM_ERR_PARAM_TYPE',
    (label: string) => `${label}: its TypeScript type is a union (SWC records even \`string | null\` so), an interface or unknown, ` +
      'which decorator metadata records as Object, so Decorum cannot coerce it.',
    SAY_THE_TYPE),
  paramDtoFromString: entry('DECORUM_ERR_PARAM_TYPE',
    (label: string, type: string, source: string) => `${label} is declared as ${type}, but a single ${source} value is a string.`,
    (_label, _type, source) => `Use @${source === 'query' ? 'Query' : 'Body'}() without a name to read the whole ${source} as a DTO.`),
  paramNotFromString: entry('DECORUM_ERR_PARAM_TYPE',
    (label: string, type: string, source: string) =>
      `${label} is declared as ${type}, but a ${source} value is a string (or, repeated, a list of strings), so it cannot hold that.`,
    (_label, _type, source) => `Declare a scalar or a list of scalars ({ type: Int }, { type: [Int] }), ${source === 'query'
      ? 'read the whole query as a DTO with @Query(), ' : ''}or send structured data in the body with @Body().`),
  typeSpecVague: entry('DECORUM_ERR_PARAM_TYPE',
    (label: string, spec: string) => `${label}: ${spec} says nothing about the value.`,
    'Name a concrete type: String, Number, Int, Boolean, Date, an enum, a DTO class, or [ItemType] for arrays.'),
  dtoWithoutValidators: entry('DECORUM_ERR_DTO_INVALID',
    (name: string) => `${name} is used as a DTO but has no class-validator decorators, so every property would be stripped as unknown.`,
    'Add a validator to each property (@IsString(), @IsInt()…), or @Allow() to accept one as is.'),
  dtoNestedUnknown: entry('DECORUM_ERR_DTO_INVALID',
    (property: string, _array: boolean) => `${property} is validated as nested but its class is unknown.`,
    (_property, array) => `Name it with class-transformer: ${array ? '@ValidateNested({ each: true })' : '@ValidateNested()'} ` +
      `@Type(() => Item). ${METADATA_HINT}`),

  // Unions of DTOs: OneOf.
  oneOfVariants: entry('DECORUM_ERR_PARAM_TYPE',
    (got: string) => `OneOf takes two or more DTO classes, got ${got}.`,
    "List the variants as classes: OneOf([Cat, Dog]), or OneOf([Cat, Dog], { discriminator: 'kind' })."),
  unionTagMissing: entry('DECORUM_ERR_DTO_INVALID',
    (variant: string, discriminator: string, _example: string) =>
      `${variant}.${discriminator} must name its tag, so OneOf can tell the variants apart.`,
    (_variant, discriminator, example) => `Declare it with @IsIn(['${example}']) (or @Equals('${example}'), or an initialiser: ` +
      `${discriminator} = '${example}' as const).`),
  unionTagTaken: entry('DECORUM_ERR_DTO_INVALID',
    (first: string, second: string, discriminator: string, tag: string) => `${first} and ${second} both have ${discriminator} ${tag}.`,
    'Give each variant of a OneOf its own tag.'),
  unionAsyncVariant: entry('DECORUM_ERR_DTO_INVALID',
    (variant: string) => `${variant} has an asynchronous rule, and a OneOf without a discriminator must try its variants in turn, ` +
      'each answer at once.',
    "Give the OneOf a discriminator, OneOf([...], { discriminator: 'kind' }), so only the tagged variant is awaited."),

  // Response models.
  responsePathIntoScalar: entry('DECORUM_ERR_RESPONSE_MODEL',
    (option: string, path: string) => `@ResponseModel ${option} path "${path}" goes into a value that has no fields.`,
    (option) => `Name only fields of the model and of the DTOs it nests in ${option}.`),
  responsePathUnknown: entry('DECORUM_ERR_RESPONSE_MODEL',
    (option: string, path: string, model: string, fields: readonly string[]) =>
      `@ResponseModel ${option} names "${path}", which ${model} does not declare (its fields: ${fields.join(', ')}).`,
    (option) => `Fix the spelling, or take the path out of ${option}.`),

  // Dependency injection.
  providerInvalid: entry('DECORUM_ERR_PROVIDER_INVALID',
    (provider: string) => `${provider} is not a provider.`,
    'Pass a class, or { provide, useClass | useValue | useFactory | useExisting }.'),
  providerWithoutUse: entry('DECORUM_ERR_PROVIDER_INVALID',
    (token: string) => `the provider for ${token} says no way to build it.`,
    'Give it one of useClass, useValue, useFactory or useExisting.'),
  providerCycle: entry('DECORUM_ERR_PROVIDER_CYCLE',
    (chain: readonly string[]) => `dependency cycle: ${chain.join(' → ')}.`,
    'Break it by moving the shared part into a third provider, or inject one side by token and resolve it lazily.'),
  providerMissing: entry('DECORUM_ERR_PROVIDER_MISSING',
    (chain: readonly string[], token: string, _isClass: boolean) => `${chain.join(' → ')}: no provider for ${token}.`,
    (_chain, token, isClass) => isClass
      ? `Add @Injectable() to ${token}, or list it in createApp({ providers }).`
      : `Register it: createApp({ providers: [{ provide: ${token}, useValue | useClass | useFactory }] }).`),
  injectNotToken: entry('DECORUM_ERR_PROVIDER_MISSING',
    (where: string, typed: string) => `${where} is typed ${typed}, which is no injection token.`,
    'Inject it by token: @Inject(MY_TOKEN) with a provider { provide: MY_TOKEN, ... }.'),
  injectMetadataMissing: entry('DECORUM_ERR_METADATA_MISSING',
    (where: string) => `${where} has no type metadata.`, METADATA_HINT),
  injectTypeUndefined: entry('DECORUM_ERR_METADATA_MISSING',
    (where: string, cls: string) => `${where} has type undefined in the metadata: usually a circular import between the two files ` +
      `(the class was not yet defined when ${cls} was decorated).`,
    'Move one class, or inject it by token with @Inject(TOKEN).'),
  scopeMismatch: entry('DECORUM_ERR_SCOPE_MISMATCH',
    (chain: readonly string[], label: string, what: string) => `${chain.join(' → ')}: ${label} is a singleton but ${what}. ` +
      'A singleton lives for the whole app and cannot hold one request\'s data.',
    (_chain, label) => `Make ${label} @Injectable({ scope: 'request' }), or take the request-scoped value as a handler parameter ` +
      'with @Depends(...) instead of injecting it into a singleton (controllers are singletons).'),
  cleanupScopeMismatch: entry('DECORUM_ERR_SCOPE_MISMATCH',
    (label: string, inner: string) => `${label} is cleaned up after the response, but depends on ${inner} with { scope: 'function' }, ` +
      `which is cleaned up before the response, while ${label} may still use it.`,
    (label, inner) => `Use ${label} with @Depends(${label}, { scope: 'function' }) too, or drop the scope from ${inner}.`),
  notBuiltAtStartup: entry('DECORUM_ERR_APP_STATE',
    (label: string, scope: string) => `${label} was not built at startup${scope === 'singleton' ? '' : `: it is ${scope}-scoped`}.`,
    (label, scope) => scope === 'singleton'
      ? `List ${label} in createApp({ providers }) so it is built too: app.get() returns the singletons the app builds in init().`
      : `Resolve ${label} per request in a handler with @Depends(${label}): app.get() returns singletons only.`),

  // The app's lifecycle.
  notInitialized: entry('DECORUM_ERR_APP_STATE',
    (what: string) => `call app.init() before ${what}.`,
    'Await app.init() first; app.listen() and createTestClient(app) call it for you.'),
  noAdapter: entry('DECORUM_ERR_APP_STATE',
    () => 'no HTTP adapter.', 'Pass { adapter } to createApp, or import createApp from "@decorumjs/decorum" for node:http.'),
  routeTableBuilt: entry('DECORUM_ERR_APP_STATE',
    (what: string) => `cannot ${what} after the route table was built.`,
    'Do it before app.init(), app.listen() or createTestClient(app), which build the route table.'),
  middlewareAfterStart: entry('DECORUM_ERR_APP_STATE',
    () => 'cannot add middleware after the app started.',
    'Call app.use() before app.init(), app.listen() or createTestClient(app).'),
  middlewareMissing: entry('DECORUM_ERR_APP_STATE',
    () => 'app.use(prefix, middleware) was given no middleware function.',
    "Pass the middleware after the prefix: app.use('/api', cors())."),
  adapterNotMounted: entry('DECORUM_ERR_APP_STATE',
    (adapter: string) => `${adapter}: mount() before serving requests.`,
    'Await app.init() and call adapter.mount(app.mountTable()) before serving with it (app.listen() and toFetchHandler(app) do both).'),
  noServerOfItsOwn: entry('DECORUM_ERR_APP_STATE',
    (adapter: string) => `the ${adapter} adapter has no server of its own.`,
    'Hand its handler to your runtime instead of calling app.listen(): `const fetch = await toFetchHandler(app)`, then ' +
      '`Deno.serve(fetch)`, `Bun.serve({ fetch })` or `export default { fetch }`.'),

  limitInvalid: entry('DECORUM_ERR_LIMIT_INVALID',
    (limit: string, expected: string, got: unknown) => `${limit} must be ${expected}, got ${String(got)}.`,
    (limit: string) => limit === 'jsonDepthLimit'
      ? 'Deeper bodies would let the recursive walks over a body (validation, the 422, serialization) run out of stack: pick a value in range.'
      : `Pass a value in range to createApp({ ${limit.includes('.') ? limit.replace(/^(\w+)\.(\w+)$/, '$1: { $2 }') : limit} }), ` +
        'or leave it out for the documented default.'),

  bodyKindMixed: entry('DECORUM_ERR_BODY_KIND_MIXED',
    (route: string) => `${route} reads a JSON body (@Body) and a form (@Form, @File): a request has one body of one media type.`,
    'Declare the JSON values as @Form fields (a form DTO for many), or split the route in two.'),
  // Server-Sent Events: @Sse and SseEvent.
  sseKeepAlive: entry('DECORUM_ERR_SSE_INVALID',
    (got: unknown) => `@Sse keepAliveMs must be a non-negative number of ms, got ${String(got)}.`,
    'Pass a number of milliseconds, as in @Sse(\'events\', { keepAliveMs: 15_000 }), or 0 to send no keep-alive comments.'),
  sseRetry: entry('DECORUM_ERR_SSE_INVALID',
    (got: unknown) => `SseEvent retry must be a non-negative integer, got ${String(got)}.`,
    'Give the reconnection delay in whole milliseconds: new SseEvent({ retry: 3000 }).'),
  sseLine: entry('DECORUM_ERR_SSE_INVALID',
    (field: string, value: string, noNul: boolean) =>
      `SseEvent ${field} must be a single line${noNul ? ' without NUL' : ''}: ${JSON.stringify(value)}.`,
    (field) => `A line break would end the ${field} field and start one of the client's choosing: strip line breaks from it, ` +
      'or send multi-line text as data.'),
  // WebSocket routes.
  websocketBody: entry('DECORUM_ERR_WEBSOCKET',
    (where: string, source: string) => `${where} is a @WebSocketRoute but reads a request body (${source}): a WebSocket handshake has none.`,
    'Read what the client sends as messages (ws.messages(), ws.receiveJson()), and the rest from the path, query, headers or cookies.'),
  websocketRouteMixed: entry('DECORUM_ERR_WEBSOCKET',
    (where: string) => `${where} is a @WebSocketRoute and also another kind of route (@Get, @Sse…).`,
    'Give the WebSocket session a method of its own.'),
  connectedSocketOutside: entry('DECORUM_ERR_WEBSOCKET',
    (where: string) => `${where} takes @ConnectedSocket() but is not a @WebSocketRoute, so it has no connection to give.`,
    'Declare the route with @WebSocketRoute(path), or drop the parameter.'),
  websocketUnsupported: entry('DECORUM_ERR_WEBSOCKET',
    (adapter: string, routes: readonly string[]) => `the ${adapter} adapter cannot serve WebSocket routes (${routes.join(', ')}).`,
    'Serve the app on the node, fastify or express adapter (they share one upgrade mechanism built on `ws`), or move the ' +
      'WebSocket routes to an app on one of them. A runtime\'s own upgrade API (Deno.upgradeWebSocket, Bun\'s server.upgrade, ' +
      'WebSocketPair) is not reachable through a fetch handler.'),
  websocketState: entry('DECORUM_ERR_WEBSOCKET',
    (route: string, what: string, state: string) => `${route}: cannot ${what} while the WebSocket is ${state}.`,
    (_route, what) => what === 'accept'
      ? 'Call ws.accept() once, before sending or joining groups.'
      : 'Await ws.accept() first; after the close, end the handler (receive* throws WebSocketDisconnect, which ends it normally).'),
  subprotocolNotOffered: entry('DECORUM_ERR_WEBSOCKET',
    (route: string, chosen: string, offered: readonly string[]) =>
      `${route}: ws.accept({ subprotocol: "${chosen}" }) but the client offered ${offered.length ? offered.map((p) => `"${p}"`).join(', ') : 'none'}.`,
    'Choose one of ws.offeredSubprotocols, or list the route\'s subprotocols in @WebSocketRoute({ subprotocols }) and let accept() choose.'),

  // Settings: loadSettings and settingsProvider.
  settingsInvalid: entry('DECORUM_ERR_SETTINGS_INVALID',
    (settings: string, issues: readonly string[]) =>
      `${settings}: ${issues.length} invalid setting${issues.length === 1 ? '' : 's'}:\n${issues.map((i) => `  ${i}`).join('\n')}\n`,
    'Set or fix these environment variables (or their lines in the .env file).'),
  settingsAsync: entry('DECORUM_ERR_SETTINGS_INVALID',
    (settings: string) => `${settings} has asynchronous validators, but settings are loaded synchronously at bootstrap.`,
    'Check with synchronous rules only, or load the value yourself in an async useFactory provider.'),

  // Invariants of Decorum's own stages: reaching one is a bug in Decorum, not in the app.
  internal: entry('DECORUM_ERR_INTERNAL',
    (what: string) => `${what}.`, 'This is a bug in Decorum, not in your app: please report it with this message and the stack trace.'),
};
