/**
 * The contract between Decorum and an HTTP server. Core never imports a server library: an adapter
 * turns its native request into an `AdapterRequest`, routes it to a `MountedRoute`, and writes what
 * the route sends through `AdapterResponse`. Node, Fastify, Express and fetch adapters all fit this.
 */
import type { QueryValues } from '../http/query-string.js';
import type { HttpMethod } from '../metadata/records.js';

export type OutgoingHeaders = Record<string, string | number | readonly string[]>;
export type OutgoingBody = string | Uint8Array | AsyncIterable<string | Uint8Array> | null;

/** One request as an adapter hands it to a route. */
export interface AdapterRequest {
  readonly method: string;
  /** Path and query string as received: `/items/42?q=x`. */
  readonly url: string;
  /** Path parameters found by the adapter's router, still percent-decoded strings. */
  readonly params: Readonly<Record<string, string | undefined>>;
  /**
   * The query string, when the adapter's router has parsed it already with core's `parseQueryString`
   * (the same shape everywhere); left out, core parses `url` itself when something reads the query.
   */
  readonly query?: QueryValues;
  /** Header names in lower case; repeated headers as arrays (node's `IncomingMessage.headers` shape). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /**
   * Reads the whole body. Rejects with `PayloadTooLarge` past `limit` bytes, checking
   * `content-length` before reading when it is present, and with `RequestAborted` when the client goes
   * away before the body's end (logged at debug level; nobody is left to answer).
   */
  readBody(limit: number): Promise<Uint8Array>;
  /** The client's address, when the server knows it. */
  readonly remoteAddress?: string;
  /** The server's own request object (escape hatch). */
  readonly raw: unknown;
}

export interface AdapterResponse {
  /** True once the response was started, by Decorum or by a handler that took over `raw`. */
  readonly headersSent: boolean;
  /**
   * Writes the whole response. Returns a promise only when writing continues after the call
   * (a streamed body); Decorum awaits it before running cleanup.
   */
  send(status: number, headers: OutgoingHeaders, body: OutgoingBody): void | Promise<void>;
  /** The server's own response object (escape hatch). */
  readonly raw: unknown;
}

// What the returned promise resolves to is not for adapters to read: they only await it.
export type RouteHandle = (req: AdapterRequest, res: AdapterResponse) => void | Promise<unknown>;

export interface MountedRoute {
  readonly method: HttpMethod;
  /** find-my-way / Express syntax: `/items/:item_id`. */
  readonly path: string;
  readonly handle: RouteHandle;
}

export interface MountTable {
  readonly routes: readonly MountedRoute[];
  /** Answers a request no route matched: 404, or 405 with `Allow` when `allow` lists other methods. */
  readonly fallback: (req: AdapterRequest, res: AdapterResponse, allow: readonly string[]) => void | Promise<unknown>;
  /** Largest accepted request body in bytes. */
  readonly bodyLimit: number;
}

export interface ServerAddress {
  readonly host: string;
  readonly port: number;
  /** `http://127.0.0.1:8000` */
  readonly url: string;
}

export interface HttpAdapter {
  readonly name: string;
  /** Registers every route once, at bootstrap, before `listen`. */
  mount(table: MountTable): void;
  listen(port: number, host: string): Promise<ServerAddress>;
  /** Stops accepting connections and waits for in-flight requests, at most `graceMs`. */
  close(graceMs: number): Promise<void>;
}
