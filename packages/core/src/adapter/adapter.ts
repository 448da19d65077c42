/**
 * The contract between Decorum and an HTTP server. Core never imports a server library: an adapter
 * turns its native request into an `AdapterRequest`, hands it to `MountTable.dispatch`, and writes what
 * core sends through `AdapterResponse`. Routing (precedence, 404/405, HEAD, slashes, decoding) is core's:
 * adapters are transports. Node, Fastify, Express and fetch adapters all fit this.
 */
import type { QueryValues } from '../http/query-string.js';
import type { HttpMethod } from '../metadata/records.js';
import type { PathParams, RouteMatch } from '../routing/route-match.js';
import type { SocketUpgrade } from '../websocket/socket-transport.js';

export type OutgoingHeaders = Record<string, string | number | readonly string[]>;
export type OutgoingBody = string | Uint8Array | AsyncIterable<string | Uint8Array> | null;

/** One request as an adapter hands it to a route. */
export interface AdapterRequest {
  readonly method: string;
  /** Path and query string as received, undecoded: `/items/42?q=x`. Core's router reads the path from it. */
  readonly url: string;
  /**
   * The query string, when the adapter's server has parsed it already with core's `parseQueryString`
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
  /**
   * Streams the body to `sink` as it arrives, for bodies too large to hold (multipart uploads). The sink
   * returns false to stop reading (the adapter then discards the rest, so the client can read the
   * answer), or a promise while it cannot take more (back-pressure). Resolves at the body's end or when
   * stopped; rejects with `RequestAborted` when the client goes away first. Optional: without it, core
   * reads the whole body with `readBody`.
   */
  streamBody?(sink: BodyChunkSink): Promise<void>;
  /** The client's address, when the server knows it. */
  readonly remoteAddress?: string;
  /** The server's own request object (escape hatch). */
  readonly raw: unknown;
  /**
   * Aborted when the client disconnects before the response is finished. Adapters make it on first
   * read (a getter), so requests that never ask pay nothing; left out, the request never aborts.
   */
  readonly signal?: AbortSignal;
  /**
   * Present on a request that asks for a WebSocket (`Upgrade: websocket`) on an adapter that can
   * complete the handshake; a WebSocket route accepts through it, every other route ignores it.
   */
  readonly upgrade?: SocketUpgrade;
}

/** Takes one chunk of a streamed body: true for more, false to stop, a promise of either to wait. */
export type BodyChunkSink = (chunk: Uint8Array) => boolean | Promise<boolean>;

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
/** One route's answer, given the path parameters core's router decoded. */
export type RouteHandle = (req: AdapterRequest, res: AdapterResponse, params?: PathParams) => void | Promise<unknown>;

/** What core's router found for a request (see `RouteMatch`). */
export type Routed = RouteMatch<RouteHandle>;

export interface MountedRoute {
  readonly method: HttpMethod;
  /** Router syntax, `/items/:item_id`, with the declared trailing slash if any. */
  readonly path: string;
  readonly handle: RouteHandle;
}

export interface MountTable {
  /**
   * Answers one request, whatever it is: routes it with core's router, then runs the route or answers
   * 404, 405 (with `Allow`), 307 (trailing-slash redirect), 400 (unreadable path) or 414 (too long a
   * parameter). An adapter's whole job is to call this for every request. Pass `routed` when the
   * adapter called `match` itself (to hand unmatched requests on, as Express's `fallthrough` does).
   * Returns undefined when the response was sent synchronously.
   */
  readonly dispatch: (req: AdapterRequest, res: AdapterResponse, routed?: Routed) => void | Promise<unknown>;
  /** Routing alone: `match(req.method, req.url)`, without answering. */
  readonly match: (method: string, url: string) => Routed;
  /** What is mounted, for tools and tests; adapters register none of it with their own routers. */
  readonly routes: readonly MountedRoute[];
  /** Largest accepted request body in bytes. */
  readonly bodyLimit: number;
  /**
   * Present only when the app has WebSocket routes: the adapter then listens for upgrade requests and
   * hands them to `dispatch` with `upgrade` set. `maxMessageBytes` is the protocol library's payload limit
   * (a larger message closes its connection with 1009).
   */
  readonly websocket?: { readonly maxMessageBytes: number };
}

export interface ServerAddress {
  readonly host: string;
  readonly port: number;
  /** `http://127.0.0.1:8000` */
  readonly url: string;
}

export interface HttpAdapter {
  readonly name: string;
  /** Whether the adapter can complete WebSocket handshakes; an app with WebSocket routes needs it. */
  readonly supportsWebSockets?: boolean;
  /** Registers every route once, at bootstrap, before `listen`. */
  mount(table: MountTable): void;
  listen(port: number, host: string): Promise<ServerAddress>;
  /** Stops accepting connections and waits for in-flight requests, at most `graceMs`. */
  close(graceMs: number): Promise<void>;
}
