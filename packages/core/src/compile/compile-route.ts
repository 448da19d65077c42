/**
 * Stage 3: a RouteDef → the function that answers its requests. Everything a route needs is decided
 * here, once: binders per parameter, whether to read the body, the response stage and headers.
 * Per request the path is: [read body] → bind → call → [function-scoped cleanup] → serialize → send → [cleanup];
 * a failure anywhere runs every cleanup first, then chooses the error response. A WebSocket route runs
 * the same guards, binding and call, and closes its session where an HTTP route sends (see
 * `compileWebSocketStage`).
 */
import type { AdapterRequest, AdapterResponse, OutgoingHeaders, RouteHandle } from '../adapter/adapter.js';
import { decorumErrors } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ErrorDetail } from '../http/validation-error.js';
import { BackgroundRunner, type BackgroundTasks } from '../http/background-tasks.js';
import { FileResponse, resolveFile } from '../http/file-response.js';
import { HttpResponse } from '../http/http-response.js';
import { RequestContext } from '../http/request-context.js';
import { RequestValidationError } from '../http/validation-error.js';
import type { RouteDef } from '../route-table/route-def.js';
import type { PathParams } from '../routing/route-match.js';
import { compileBinder, type Binder } from './bind-params.js';
import { readJsonBody } from './read-json-body.js';
import { bodyKindOf } from '../forms/body-kind.js';
import { DEFAULT_MULTIPART_LIMITS, type ResolvedMultipartLimits } from '../forms/multipart-limits.js';
import { FormBody, readFormBody } from '../forms/read-form-body.js';
import { compileResponseStage } from './response-model.js';
import { runCleanups, runFunctionCleanups, unwindCleanups } from './run-cleanups.js';
import { JSON_LINES, closeItems, isItemStream, toJsonLines } from './stream-json-lines.js';
import { DEFAULT_SSE_KEEP_ALIVE_MS, SSE_HEADERS, sseStream } from './stream-sse.js';
import { compileProjector, toJson } from './serialize.js';
import type { DtoValidationOptions } from './validate-dto.js';
import { isPromise } from './validate-json.js';
import { compileWebSocketStage, isWebSocketRoute } from '../websocket/compile-websocket-stage.js';
import type { WebSocketHub } from '../websocket/websocket-hub.js';
import {
  compileGuards, compileInterceptors, withPipes, type GuardStage, type Instantiate, type InterceptorStage,
} from './compile-stages.js';

export interface RouteRuntime {
  readonly bodyLimit: number;
  /** Limits on multipart bodies (the documented defaults when left out). */
  readonly multipart?: ResolvedMultipartLimits;
  /** Deepest nesting accepted in a JSON body. */
  readonly jsonDepthLimit: number;
  readonly validation: DtoValidationOptions;
  readonly logger: Logger;
  /** Answers an error thrown anywhere in the request (exception handlers, then the defaults). */
  handleError(error: unknown, ctx: RequestContext): void | Promise<void>;
  /** The controller instance (a singleton from the container). */
  instance(route: RouteDef): object;
  /** Binders for parameters resolved by dependency injection (`@Depends`, `@Inject`). */
  compileInjected?(route: RouteDef, param: RouteDef['params'][number]): Binder;
  /** Binders for dependencies run for their side effects (`route.dependencies`). */
  compileDependency?(route: RouteDef, target: unknown): Binder;
  /** App-wide guards, interceptors and pipes, which run before a controller's and a route's own. */
  readonly guards?: readonly unknown[];
  readonly interceptors?: readonly unknown[];
  readonly pipes?: readonly unknown[];
  /** Builds guard, pipe and interceptor classes through the container; objects and functions pass through. */
  instantiate?: Instantiate;
  /** Aborted when the app starts closing: Server-Sent Event streams then end. */
  readonly closing?: AbortSignal;
  /** Runs a request's background tasks once its response is sent. */
  runBackground?(tasks: BackgroundTasks, ctx: RequestContext): void;
  /** The app's WebSocket connections (limits, heartbeat, groups); a route compiled alone gets its own. */
  readonly websocket?: WebSocketHub;
}

export interface CompiledRoute {
  readonly def: RouteDef;
  /** Answers one request end to end: its own context, the response, then cleanup. */
  readonly handle: RouteHandle;
  /**
   * Runs the route on a context someone else owns (middleware): undefined when it answered synchronously
   * without failing, else a promise of the failure, if any. Cleanup is the caller's.
   */
  readonly run: (ctx: RequestContext) => undefined | Promise<unknown>;
  /** What the route runs besides binding and calling: null or 0 where it has nothing. */
  readonly stages: RouteStages;
}

export interface RouteStages {
  readonly guards: GuardStage | null;
  readonly interceptors: InterceptorStage | null;
  /** Parameters that have pipes. */
  readonly pipedParams: number;
  readonly sideEffects: number;
}

/** The arguments of a handler that takes none: nothing to allocate or bind per request. */
const NO_ARGS: unknown[] = [];

// Responses with these statuses carry no body (RFC 9110 §6.4.1).
const BODYLESS = new Set([204, 205, 304]);

export function compileRoute(def: RouteDef, runtime: RouteRuntime): CompiledRoute {
  const bound = def.params.filter((p) => p.index >= 0).sort((a, b) => a.index - b.index);
  const instantiate = runtime.instantiate ?? ((declared: unknown) => declared);
  const routePipes = [...(runtime.pipes ?? []), ...def.pipes];
  const validation = def.validationMode ? { ...runtime.validation, mode: def.validationMode } : runtime.validation;
  let pipedParams = 0;
  const binders: Binder[] = bound.map((p) => {
    if (p.source === 'dependency' || p.source === 'inject') return (runtime.compileInjected ?? noInjector)(def, p);
    const binder = compileBinder(p, validation);
    const pipes = p.source === 'request' || p.source === 'response' || p.source === 'signal' || p.source === 'background' || p.source === 'websocket'
      ? [] : [...routePipes, ...(p.pipes ?? [])];
    if (pipes.length > 0) pipedParams++;
    return withPipes(binder, p, pipes, instantiate);
  });
  const guards = compileGuards([...(runtime.guards ?? []), ...def.guards], instantiate);
  const interceptors = compileInterceptors([...(runtime.interceptors ?? []), ...def.interceptors], instantiate);
  // Side-effect dependencies run first (an auth check before anything else); their values are dropped.
  const sideEffects: Binder[] = def.dependencies.map((target) => (runtime.compileDependency ?? noInjector)(def, target));
  const bodyKind = bodyKindOf(def);
  const readsBody = bodyKind !== 'none';
  const multipart = runtime.multipart ?? DEFAULT_MULTIPART_LIMITS;
  // The body stage: JSON, or a form (urlencoded or multipart; files need multipart).
  const readBody = bodyKind === 'json'
    ? (ctx: RequestContext) => readJsonBody(ctx.request, bodyLimit, jsonDepthLimit)
    : (ctx: RequestContext) => readFormBody(ctx.request, bodyLimit, multipart, bodyKind === 'multipart');
  const arity = binders.length;
  const instance = runtime.instance(def);
  const method = (instance as Record<string, (...args: unknown[]) => unknown>)[def.handlerName] as (...args: unknown[]) => unknown;
  const respond = compileResponseStage(def);
  const jsonHeaders: OutgoingHeaders = { 'content-type': 'application/json', ...Object.fromEntries(def.headers) };
  const streams = def.streams !== undefined;
  // JSON lines go through the whole response stage; an event's data is projected onto the model.
  const toStream = def.streams === 'sse'
    ? sseStream(compileProjector(def.responseModel), def.sse?.keepAliveMs ?? DEFAULT_SSE_KEEP_ALIVE_MS, runtime.closing)
    : (items: Iterable<unknown> | AsyncIterable<unknown>) => toJsonLines(items, respond);
  const streamHeaders: OutgoingHeaders = def.streams === 'sse' ? { ...jsonHeaders, ...SSE_HEADERS, ...Object.fromEntries(def.headers) } : { ...jsonHeaders, 'content-type': JSON_LINES };
  const { bodyLimit, jsonDepthLimit } = runtime;
  const runBackground = runtime.runBackground ?? ownBackgroundRunner(runtime.logger);

  const send = (ctx: RequestContext, result: unknown): void | Promise<void> => {
    if (ctx.reply.headersSent) return;
    if (result instanceof FileResponse) return resolveFile(ctx.request, result).then((resolved) => send(ctx, resolved));
    if (result instanceof HttpResponse) {
      const headers = ctx.responseHeaders ? { ...ctx.responseHeaders, ...result.headers } : result.headers;
      return ctx.reply.send(result.status, headers, BODYLESS.has(result.status) ? null : result.body);
    }
    const status = ctx.responseStatus ?? def.status;
    if (streams && isItemStream(result)) {
      const headers = ctx.responseHeaders ? { ...streamHeaders, ...ctx.responseHeaders } : streamHeaders;
      return ctx.reply.send(status, headers, BODYLESS.has(status) ? null : ctx.request.method === 'HEAD' ? closeItems(result) : toStream(result));
    }
    const headers = ctx.responseHeaders ? { ...jsonHeaders, ...ctx.responseHeaders } : jsonHeaders;
    if (BODYLESS.has(status)) return ctx.reply.send(status, headers, null);
    const body = respond ? respond(result) : result;
    if (isPromise(body)) return body.then((value) => ctx.reply.send(status, headers, toJson(value)));
    return ctx.reply.send(status, headers, toJson(body));
  };

  const bind = arity === 0 && sideEffects.length === 0 ? () => NO_ARGS : (ctx: RequestContext): unknown[] | Promise<unknown[]> => {
    const errors: ErrorDetail[] = [];
    const args = new Array<unknown>(arity);
    let pending: Promise<unknown>[] | undefined;
    try {
      for (const effect of sideEffects) {
        const value = effect(ctx, errors);
        if (isPromise(value)) (pending ??= []).push(value);
      }
      for (let i = 0; i < arity; i++) {
        const value = (binders[i] as Binder)(ctx, errors);
        if (isPromise(value)) (pending ??= []).push(value.then((v) => (args[i] = v)));
        else args[i] = value;
      }
    } catch (error) {
      // A dependency threw (a 401, say) while others are still resolving: let them settle unobserved.
      if (pending) void Promise.allSettled(pending);
      throw error;
    }
    if (pending) {
      return Promise.all(pending).then(() => {
        if (errors.length > 0) throw new RequestValidationError(errors);
        return args;
      });
    }
    if (errors.length > 0) throw new RequestValidationError(errors);
    return args;
  };

  const call = (args: unknown[]) => method.apply(instance, args);
  const stages: RouteStages = { guards, interceptors, pipedParams, sideEffects: sideEffects.length };
  // A WebSocket route shares guards, binding and the call; its last stage closes a session instead of sending.
  if (isWebSocketRoute(def)) return compileWebSocketStage({ def, runtime, guards, interceptors, bind, call, stages });

  /**
   * Answers on `ctx` from `stage` on, once `pending` (the previous stage's value) settles; with
   * `cleanUp`, also runs dependency cleanup after the response (one async frame, not two). `start`
   * hands a request over here from the stage where it met its first promise, or from the beginning.
   */
  const finish = async (
    ctx: RequestContext, cleanUp: boolean, stage: 'begin' | 'args' | 'result' | 'sent', pending?: Promise<unknown>,
  ): Promise<unknown> => {
    let failure: unknown;
    try {
      let value = pending === undefined ? undefined : await pending;
      if (stage === 'begin') {
        if (guards) {
          const checked = guards(ctx);
          if (checked) await checked;
        }
        if (readsBody) ctx.body = await readBody(ctx);
        value = bind(ctx);
        if (isPromise(value)) value = await value;
      }
      if (stage === 'begin' || stage === 'args') {
        value = interceptors ? interceptors(ctx, call.bind(null, value as unknown[])) : call(value as unknown[]);
        if (isPromise(value)) value = await value;
      }
      if (stage !== 'sent') {
        if (ctx.functionCleanups) await runFunctionCleanups(ctx);
        const sending = send(ctx, value);
        if (sending) await sending;
      }
    } catch (error) {
      // Dependencies see the error before the response is chosen, and may choose another one.
      failure = ctx.cleanups || ctx.functionCleanups ? await unwindCleanups(ctx, error) : error;
      await runtime.handleError(failure, ctx);
    }
    if (cleanUp && ctx.cleanups) await runCleanups(ctx, failure, runtime.logger);
    // Uploaded files' temporary copies go once the response is sent, or failed.
    if (ctx.body instanceof FormBody) await ctx.body.dispose();
    // As FastAPI: the tasks belong to the route's response, so an error response drops them.
    if (ctx.addedBackgroundTasks && failure === undefined) runBackground(ctx.addedBackgroundTasks, ctx);
    return failure;
  };

  // A route with no guard and no body often has nothing to wait for: bind, call and send run
  // synchronously and no promise is made (undefined: answered, nothing failed); the first promise
  // met hands the rest to `finish`.
  const startsSync = !guards && !readsBody;
  const start = (ctx: RequestContext, cleanUp: boolean): undefined | Promise<unknown> => {
    if (!startsSync) return finish(ctx, cleanUp, 'begin');
    try {
      const args = bind(ctx);
      if (isPromise(args)) return finish(ctx, cleanUp, 'args', args);
      const result = interceptors ? interceptors(ctx, call.bind(null, args)) : call(args);
      if (isPromise(result)) return finish(ctx, cleanUp, 'result', result);
      if (ctx.functionCleanups) return finish(ctx, cleanUp, 'result', Promise.resolve(result));
      const sending = send(ctx, result);
      if (sending || (cleanUp && ctx.cleanups)) return finish(ctx, cleanUp, 'sent', sending || undefined);
      if (ctx.addedBackgroundTasks) runBackground(ctx.addedBackgroundTasks, ctx);
      return undefined;
    } catch (error) {
      return finish(ctx, cleanUp, 'sent', Promise.reject(error));
    }
  };
  const run = (ctx: RequestContext): undefined | Promise<unknown> => start(ctx, false);
  const handle: RouteHandle = (req: AdapterRequest, res: AdapterResponse, params?: PathParams): undefined | Promise<unknown> =>
    start(new RequestContext(req, res, def, params), true);
  return { def, handle, run, stages };
}

function noInjector(route: RouteDef, _target?: unknown): Binder {
  throw decorumErrors.internal(`${route.id}: dependency parameters need the app's container`);
}

/** Outside an app (a route compiled on its own), background tasks still run, with nobody to wait for them. */
function ownBackgroundRunner(logger: Logger): (tasks: BackgroundTasks, ctx: RequestContext) => void {
  const runner = new BackgroundRunner(logger);
  return (tasks, ctx) => runner.schedule(tasks, ctx);
}
