/**
 * One request as handlers, dependencies and guards see it. Query string and cookies are parsed lazily,
 * once, and only if something reads them.
 */
import { parse as parseCookies } from 'cookie';
import type { AdapterRequest, AdapterResponse, OutgoingHeaders } from '../adapter/adapter.js';
import type { RouteDef } from '../route-table/route-def.js';
import type { PathParams } from '../routing/route-match.js';
import { parseQueryString, type QueryValues } from './query-string.js';
import { BackgroundTasks } from './background-tasks.js';
import { ResponseControl } from './response-control.js';

export type { QueryValues } from './query-string.js';

// For adapters that cannot tell a disconnect: a signal that never fires.
const NEVER_ABORTED: AbortSignal = new AbortController().signal;

const NO_PARAMS: PathParams = Object.freeze(Object.create(null) as PathParams);

/** A dependency's cleanup: receives the request's error, if any. */
export type CleanupStep = (error: unknown) => unknown;

export class RequestContext {
  /** The parsed JSON body, once read. */
  body: unknown = undefined;
  /** Status and headers set through `@Res()`; undefined until a handler sets one. */
  responseStatus: number | undefined = undefined;
  responseHeaders: OutgoingHeaders | undefined = undefined;
  #query: QueryValues | undefined;
  #cookies: Readonly<Record<string, string | undefined>> | undefined;
  #response: ResponseControl | undefined;
  #state: Map<unknown, unknown> | undefined;
  #background: BackgroundTasks | undefined;
  /** Cleanup steps registered by dependencies, run after the response is sent. */
  cleanups: CleanupStep[] | undefined = undefined;
  /** Cleanup steps of `scope: 'function'` dependencies, run once the handler has returned. */
  functionCleanups: CleanupStep[] | undefined = undefined;

  constructor(
    readonly request: AdapterRequest,
    readonly reply: AdapterResponse,
    /** The matched route; undefined for requests no route matched. */
    readonly route: RouteDef | undefined,
    /** Path parameters as core's router decoded them. */
    readonly params: PathParams = NO_PARAMS,
  ) {}

  get method(): string {
    return this.request.method;
  }

  get url(): string {
    return this.request.url;
  }

  get path(): string {
    const url = this.request.url;
    const q = url.indexOf('?');
    return q === -1 ? url : url.slice(0, q);
  }

  /** Work to run after the response is sent (see `@Background()`); made on first read. */
  get backgroundTasks(): BackgroundTasks {
    return (this.#background ??= new BackgroundTasks());
  }

  /** The tasks added during this request, if anything asked for them. */
  get addedBackgroundTasks(): BackgroundTasks | undefined {
    return this.#background;
  }

  /** Aborted when the client disconnects before the response is finished (see `@Signal()`). */
  get signal(): AbortSignal {
    return this.request.signal ?? NEVER_ABORTED;
  }

  get headers(): AdapterRequest['headers'] {
    return this.request.headers;
  }

  get query(): QueryValues {
    if (this.#query === undefined) {
      const parsed = this.request.query;
      if (parsed) return (this.#query = parsed);
      const url = this.request.url;
      const q = url.indexOf('?');
      this.#query = parseQueryString(q === -1 ? '' : url.slice(q + 1));
    }
    return this.#query;
  }

  get cookies(): Readonly<Record<string, string | undefined>> {
    if (this.#cookies === undefined) {
      const header = this.request.headers.cookie;
      this.#cookies = header ? parseCookies(Array.isArray(header) ? header.join('; ') : header) : {};
    }
    return this.#cookies;
  }

  /** Per-request storage: resolved dependencies, and whatever extensions keep (request ids, auth results). */
  get state(): Map<unknown, unknown> {
    return (this.#state ??= new Map());
  }

  /** The response control a handler gets from `@Res()`. */
  get response(): ResponseControl {
    return (this.#response ??= new ResponseControl(this));
  }

  /** The server's own request object. */
  get raw(): unknown {
    return this.request.raw;
  }

  /**
   * Registers a step to run after the response is sent, or (`'function'`) once the handler has
   * returned. It receives the request's error, if any; when the request fails, every step runs before
   * the error response is chosen, and a step that throws another error replaces the request's.
   */
  onCleanup(step: CleanupStep, scope: 'request' | 'function' = 'request'): void {
    if (scope === 'function') (this.functionCleanups ??= []).push(step);
    else (this.cleanups ??= []).push(step);
  }
}
