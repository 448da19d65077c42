/**
 * The end of a WebSocket route's compiled pipeline. Guards, binding and dependencies run exactly as for
 * an HTTP route (compiled by `compileRoute`); where an HTTP route sends its response, this one closes
 * the session. Before `accept()` an error is an HTTP refusal, answered by the app's error handling;
 * after it, it becomes a close code. Dependency cleanup runs once the socket is closed.
 *
 *   no `Upgrade: websocket`   → 426
 *   refused (503, guard, 422) → the HTTP answer
 *   returned, never accepted  → 403
 *   accepted, returned        → close 1000 (unless closed already)
 *   WebSocketException        → its code (before accept: handshake, then the close, so browsers read it)
 *   any other error, accepted → logged, close 1011 "Internal error"
 */
import type { AdapterRequest, AdapterResponse, RouteHandle } from '../adapter/adapter.js';
import type { CompiledRoute, RouteRuntime, RouteStages } from '../compile/compile-route.js';
import type { GuardStage, InterceptorStage } from '../compile/compile-stages.js';
import { runCleanups, runFunctionCleanups, unwindCleanups } from '../compile/run-cleanups.js';
import { isPromise } from '../compile/validate-json.js';
import { Forbidden, HttpError } from '../http/http-error.js';
import { RequestContext } from '../http/request-context.js';
import type { RouteDef, WebSocketDef } from '../route-table/route-def.js';
import { resolveTypeSpec } from '../route-table/param-def.js';
import type { PathParams } from '../routing/route-match.js';
import type { TypeSpec } from '../schema/type-spec.js';
import { compileMessageReader, type MessageReader } from './read-message.js';
import { CLOSE_CODES, WebSocketDisconnect, WebSocketException } from './websocket-errors.js';
import { CONNECTED_SOCKET, type ConnectionRoute } from './connection-route.js';
import { WebSocketConnection } from './websocket-connection.js';
import { WebSocketHub } from './websocket-hub.js';
import { resolveWebSocketOptions } from './websocket-options.js';

export type WebSocketRouteDef = RouteDef & { readonly websocket: WebSocketDef };

export function isWebSocketRoute(def: RouteDef): def is WebSocketRouteDef {
  return def.websocket !== undefined;
}

export interface WebSocketStageInput {
  readonly def: WebSocketRouteDef;
  readonly runtime: RouteRuntime;
  readonly guards: GuardStage | null;
  readonly interceptors: InterceptorStage | null;
  readonly bind: (ctx: RequestContext) => unknown[] | Promise<unknown[]>;
  readonly call: (args: unknown[]) => unknown;
  readonly stages: RouteStages;
}

const UPGRADE_REQUIRED = new HttpError(426, 'This endpoint speaks WebSocket: send a GET with Upgrade: websocket', {
  upgrade: 'websocket', connection: 'Upgrade',
});

export function compileWebSocketStage(input: WebSocketStageInput): CompiledRoute {
  const { def, runtime, guards, interceptors, bind, call } = input;
  const hub = runtime.websocket ?? new WebSocketHub(resolveWebSocketOptions(), runtime.logger);
  const route = connectionRoute(def, runtime);
  const logger = runtime.logger;

  /** Runs the session on `ctx`; resolves to the failure dependency cleanup should see, if any. */
  const session = async (ctx: RequestContext, cleanUp: boolean): Promise<unknown> => {
    const upgrade = ctx.request.upgrade;
    if (!upgrade) {
      await runtime.handleError(UPGRADE_REQUIRED, ctx);
      return UPGRADE_REQUIRED;
    }
    const refused = hub.admit();
    if (refused) {
      await runtime.handleError(refused, ctx);
      return refused;
    }
    const connection = new WebSocketConnection(upgrade, hub, route);
    ctx.state.set(CONNECTED_SOCKET, connection);
    let failure: unknown;
    try {
      if (guards) {
        const checked = guards(ctx);
        if (checked) await checked;
      }
      let args = bind(ctx);
      if (isPromise(args)) args = await args;
      const ready = args;
      const result = interceptors ? interceptors(ctx, () => call(ready)) : call(ready);
      if (isPromise(result)) await result;
      if (ctx.functionCleanups) await runFunctionCleanups(ctx);
    } catch (error) {
      failure = error;
    }
    try {
      failure = connection.state === 'connecting'
        ? await refuse(ctx, connection, failure)
        : await end(connection, failure);
    } finally {
      hub.release();
    }
    if (cleanUp && ctx.cleanups) await runCleanups(ctx, failure, logger);
    return failure;
  };

  /** Never accepted: the HTTP answer an HTTP route would give, or a close code after the handshake. */
  const refuse = async (ctx: RequestContext, connection: WebSocketConnection, failure: unknown): Promise<unknown> => {
    if (failure instanceof WebSocketException) {
      // close() completes the handshake first, so a browser can read the code and reason.
      await connection.close(failure.code, failure.reason);
      return undefined;
    }
    const error = failure ?? new Forbidden('WebSocket connection refused');
    const answered = ctx.cleanups || ctx.functionCleanups ? await unwindCleanups(ctx, error) : error;
    await runtime.handleError(answered, ctx);
    return answered;
  };

  /** Accepted: the close code the outcome calls for, then the end of the closing handshake. */
  const end = async (connection: WebSocketConnection, failure: unknown): Promise<unknown> => {
    if (failure === undefined || failure instanceof WebSocketDisconnect) {
      await connection.close(CLOSE_CODES.normal);
      return undefined;
    }
    if (failure instanceof WebSocketException) {
      await connection.close(failure.code, failure.reason);
      return undefined;
    }
    logger.error({ err: failure, route: def.id }, 'WebSocket handler failed');
    await connection.close(CLOSE_CODES.internalError, 'Internal error');
    return failure;
  };

  const run = (ctx: RequestContext): Promise<unknown> => session(ctx, false);
  const handle: RouteHandle = (req: AdapterRequest, res: AdapterResponse, params?: PathParams) =>
    session(new RequestContext(req, res, def, params), true);
  return { def, handle, run, stages: input.stages };
}

function connectionRoute(def: WebSocketRouteDef, runtime: RouteRuntime): ConnectionRoute {
  const validation = def.validationMode ? { ...runtime.validation, mode: def.validationMode } : runtime.validation;
  const depth = runtime.jsonDepthLimit;
  const readers = new Map<TypeSpec, MessageReader>();
  return {
    id: def.id,
    subprotocols: def.websocket.subprotocols,
    readMessage: compileMessageReader(def.websocket.message, validation, depth),
    readJson: compileMessageReader(undefined, validation, depth),
    readerFor: (type) => {
      let reader = readers.get(type);
      if (!reader) {
        reader = compileMessageReader(resolveTypeSpec(type, `${def.id} ws.messages()`), validation, depth);
        readers.set(type, reader);
      }
      return reader;
    },
  };
}
