/**
 * One WebSocket session as its handler sees it (Starlette's `WebSocket`): accept, read in order, send
 * with back-pressure, join groups, close. The adapter's `SocketTransport` does the protocol; this class
 * keeps the session's rules: a bounded receive queue, the send high-water mark, the slow-consumer close,
 * the heartbeat's liveness flag.
 */
import { decorumErrors } from '../errors.js';
import { encodeJson } from '../compile/encode-json.js';
import { isPromise } from '../compile/validate-json.js';
import type { ErrorDetail } from '../http/validation-error.js';
import type { Class } from '../metadata/records.js';
import type { TypeSpec } from '../schema/type-spec.js';
import type { GroupPayload } from './broker.js';
import type { AcceptOptions, ConnectionRoute, WebSocketCloseInfo, WebSocketState } from './connection-route.js';
import { ReceiveQueue, type IncomingMessage } from './receive-queue.js';
import type { SocketTransport, SocketUpgrade } from './socket-transport.js';
import { CLOSE_CODES, WebSocketDisconnect, WebSocketException, fitCloseReason, isSendableCloseCode } from './websocket-errors.js';
import type { SocketSession, WebSocketHub } from './websocket-hub.js';
import { CLOSE_TIMEOUT_MS, SEND_HIGH_WATER_MARK } from './websocket-options.js';


export class WebSocketConnection<TMessage = unknown> {
  #state: WebSocketState = 'connecting';
  /** The handshake in progress, once `accept()` was called. */
  #accepting: Promise<void> | undefined;
  #closeInfo: WebSocketCloseInfo | undefined;
  #subprotocol: string | undefined;
  #transport: SocketTransport | undefined;
  readonly #upgrade: SocketUpgrade;
  readonly #hub: WebSocketHub;
  readonly #route: ConnectionRoute;
  readonly #queue: ReceiveQueue;
  readonly #abort = new AbortController();
  readonly #closed: Promise<WebSocketCloseInfo>;
  #resolveClosed!: (info: WebSocketCloseInfo) => void;
  /** Cleared by each heartbeat ping, set by the pong that answers it. */
  #alive = true;
  readonly #groups = new Set<string>();
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #session: SocketSession;

  constructor(upgrade: SocketUpgrade, hub: WebSocketHub, route: ConnectionRoute) {
    this.#upgrade = upgrade;
    this.#hub = hub;
    this.#route = route;
    this.#closed = new Promise((resolve) => {
      this.#resolveClosed = resolve;
    });
    this.#queue = new ReceiveQueue(hub.options.receiveQueue, () => this.#transport?.pause(), () => this.#transport?.resume());
    this.#session = {
      beat: () => this.#beat(),
      deliver: (payload) => this.#deliver(payload),
      close: (code, reason) => void this.close(code, reason),
      terminate: () => this.#transport?.terminate(),
      ended: this.#closed,
    };
  }

  get state(): WebSocketState {
    return this.#state;
  }

  /** The subprotocol chosen at `accept()`, if any. */
  get subprotocol(): string | undefined {
    return this.#subprotocol;
  }

  /** What the client offered in `Sec-WebSocket-Protocol`, in its order. */
  get offeredSubprotocols(): readonly string[] {
    return this.#upgrade.protocols;
  }

  /** Aborted when the connection closes, for work that should stop with it. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Bytes sent but not yet handed to the network (0 before `accept()`). */
  get bufferedAmount(): number {
    return this.#transport?.bufferedAmount ?? 0;
  }

  /** Resolves with the close code and reason once the connection is closed, by either side. */
  get closed(): Promise<WebSocketCloseInfo> {
    return this.#closed;
  }

  /** Completes the handshake (101). Before it, the handler may still refuse by throwing an `HttpError`. */
  accept(options: AcceptOptions = {}): Promise<void> {
    if (this.#state !== 'connecting' || this.#accepting) {
      return Promise.reject(decorumErrors.websocketState(this.#route.id, 'accept', this.#accepting ? 'accepting' : this.#state));
    }
    const offered = this.#upgrade.protocols;
    if (options.subprotocol !== undefined && !offered.includes(options.subprotocol)) {
      return Promise.reject(decorumErrors.subprotocolNotOffered(this.#route.id, options.subprotocol, offered));
    }
    return (this.#accepting = this.#handshake(options.subprotocol ?? offered.find((p) => this.#route.subprotocols.includes(p)), options));
  }

  async #handshake(protocol: string | undefined, options: AcceptOptions): Promise<void> {
    let transport: SocketTransport;
    try {
      transport = await this.#upgrade.accept(protocol, options.headers ?? {});
    } catch {
      // The peer left during the handshake: a session that ended before it began.
      this.#onClose(CLOSE_CODES.abnormal, '');
      throw new WebSocketDisconnect(CLOSE_CODES.abnormal);
    }
    this.#transport = transport;
    this.#subprotocol = protocol;
    this.#state = 'open';
    transport.listen({
      // Once the server started closing, what the peer still sends is read (to reach its close frame) and dropped.
      message: (data) => {
        if (this.#state === 'open') this.#queue.push(data);
      },
      pong: () => {
        this.#alive = true;
      },
      close: (code, reason) => this.#onClose(code, reason),
    });
    this.#hub.open(this.#session);
    // Shutdown began while the handshake ran: this socket closes like the others.
    if (this.#hub.closing) void this.close(CLOSE_CODES.goingAway, 'Server shutting down');
  }

  /** The next message: text as a string, binary as bytes. Throws `WebSocketDisconnect` once the peer closed. */
  receive(): Promise<IncomingMessage> {
    if (this.#state === 'connecting') return Promise.reject(decorumErrors.websocketState(this.#route.id, 'receive', 'not accepted yet'));
    return this.#queue.next();
  }

  async receiveText(): Promise<string> {
    const message = await this.receive();
    if (typeof message !== 'string') throw new WebSocketException(CLOSE_CODES.unsupportedData, 'Expected a text message');
    return message;
  }

  async receiveBytes(): Promise<Uint8Array> {
    const message = await this.receive();
    if (typeof message === 'string') throw new WebSocketException(CLOSE_CODES.unsupportedData, 'Expected a binary message');
    return message;
  }

  /** The next message parsed as JSON; one that is not JSON closes the connection with 1007. */
  async receiveJson(): Promise<unknown> {
    let outcome = this.#route.readJson(await this.receive());
    if (isPromise(outcome)) outcome = await outcome;
    if (!outcome.ok) throw new WebSocketException(CLOSE_CODES.invalidPayload, 'Invalid JSON message');
    return outcome.value;
  }

  /**
   * Messages as validated instances of the route's `message` type (or of `type`), until the close. An
   * invalid one is answered with one text frame `{"detail":[…]}` (the items of a 422, at `["message", …]`)
   * and skipped; the connection stays open.
   */
  messages(): AsyncGenerator<TMessage, void, undefined>;
  messages<T>(type: Class<T>): AsyncGenerator<T, void, undefined>;
  messages(type: TypeSpec): AsyncGenerator<unknown, void, undefined>;
  async *messages(type?: TypeSpec): AsyncGenerator<unknown, void, undefined> {
    const read = type === undefined ? this.#route.readMessage : this.#route.readerFor(type);
    for (;;) {
      let raw: IncomingMessage;
      try {
        raw = await this.receive();
      } catch (error) {
        if (error instanceof WebSocketDisconnect) return;
        throw error;
      }
      let outcome = read(raw);
      if (isPromise(outcome)) outcome = await outcome;
      if (outcome.ok) yield outcome.value;
      else await this.#sendErrorFrame(outcome.errors);
    }
  }

  /** Raw messages (strings and bytes) until the close. */
  async *[Symbol.asyncIterator](): AsyncGenerator<IncomingMessage, void, undefined> {
    for (;;) {
      try {
        yield await this.receive();
      } catch (error) {
        if (error instanceof WebSocketDisconnect) return;
        throw error;
      }
    }
  }

  /** Resolves once the message is queued, or, past the 64 KiB high-water mark, once it is written. */
  sendText(text: string): Promise<void> {
    return this.#send(String(text));
  }

  sendBytes(bytes: Uint8Array): Promise<void> {
    return this.#send(bytes);
  }

  /** Encoded as HTTP responses are: Date, Set, Map, BigInt and bytes included. */
  sendJson(value: unknown): Promise<void> {
    return this.#send(encodeJson(value));
  }

  /** Starts the closing handshake; resolves once the connection is closed. Before `accept()`, accepts first. */
  async close(code: number = CLOSE_CODES.normal, reason = ''): Promise<void> {
    if (!isSendableCloseCode(code)) throw new RangeError(`${code} is no close code a server may send (1000–1003, 1007–1014, 3000–4999)`);
    if (this.#state === 'connecting') {
      // Closing before accepting completes the handshake first, so the peer reads the code and reason.
      try {
        await (this.#accepting ?? this.accept());
      } catch {
        return;
      }
    }
    const transport = this.#transport;
    if (this.#state !== 'open' || !transport) {
      await this.#closed;
      return;
    }
    this.#state = 'closing';
    // Nothing more to deliver to a socket that is leaving.
    for (const group of this.#groups) this.#hub.leave(group, this.#session);
    // A paused socket would never read the peer's answering close frame.
    if (this.#queue.paused) transport.resume();
    transport.close(code, fitCloseReason(reason));
    this.#closeTimer = setTimeout(() => transport.terminate(), CLOSE_TIMEOUT_MS);
    (this.#closeTimer as { unref?: () => void }).unref?.();
    await this.#closed;
  }

  /** Joins `group`: `WebSocketGroups.publish(group, …)` reaches this socket until it leaves or closes. */
  join(group: string): Promise<void> {
    if (this.#state !== 'open') return Promise.reject(decorumErrors.websocketState(this.#route.id, 'join a group', this.#state));
    this.#groups.add(group);
    return this.#hub.join(group, this.#session);
  }

  leave(group: string): void {
    if (this.#groups.delete(group)) this.#hub.leave(group, this.#session);
  }

  #send(data: string | Uint8Array): Promise<void> {
    const transport = this.#transport;
    if (this.#state === 'connecting' || !transport) return Promise.reject(decorumErrors.websocketState(this.#route.id, 'send', 'not accepted yet'));
    if (this.#state !== 'open') return Promise.reject(new WebSocketDisconnect(this.#closeInfo?.code ?? CLOSE_CODES.normal, this.#closeInfo?.reason));
    if (this.#isSlowConsumer(transport)) return Promise.reject(new WebSocketDisconnect(CLOSE_CODES.tryAgainLater, 'Slow consumer'));
    return new Promise((resolve) => {
      let written = false;
      let waiting = false;
      // A failed write closes the connection, which the handler learns from its next receive or send.
      transport.send(data, () => {
        written = true;
        if (waiting) resolve();
      });
      if (!written && transport.bufferedAmount > SEND_HIGH_WATER_MARK) waiting = true;
      else resolve();
    });
  }

  #deliver(payload: GroupPayload): void {
    const transport = this.#transport;
    if (this.#state !== 'open' || !transport || this.#isSlowConsumer(transport)) return;
    transport.send(payload, noop);
  }

  /** A backlog past `maxBufferedBytes` closes the connection with 1013 instead of growing. */
  #isSlowConsumer(transport: SocketTransport): boolean {
    if (transport.bufferedAmount <= this.#hub.options.maxBufferedBytes) return false;
    this.#hub.logger.debug({ route: this.#route.id, buffered: transport.bufferedAmount }, 'WebSocket peer reads too slowly: closing it');
    void this.close(CLOSE_CODES.tryAgainLater, 'Slow consumer');
    return true;
  }

  async #sendErrorFrame(errors: ErrorDetail[]): Promise<void> {
    try {
      await this.#send(encodeJson({ detail: errors }));
    } catch (error) {
      if (!(error instanceof WebSocketDisconnect)) throw error;
    }
  }

  #beat(): void {
    const transport = this.#transport;
    if (!transport || this.#state !== 'open') return;
    // While reading is paused (the handler is behind) the peer's pong cannot be read: no verdict, and a
    // fresh ping once reading resumes.
    if (this.#queue.paused) {
      this.#alive = true;
      return;
    }
    if (!this.#alive) {
      this.#hub.logger.debug({ route: this.#route.id }, 'WebSocket peer did not answer the heartbeat: cutting it');
      transport.terminate();
      return;
    }
    this.#alive = false;
    transport.ping();
  }

  #onClose(code: number, reason: string): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#closeInfo = { code, reason };
    clearTimeout(this.#closeTimer);
    this.#queue.end(code, reason);
    this.#abort.abort(new WebSocketDisconnect(code, reason));
    if (this.#transport) this.#hub.end(this.#session, this.#groups);
    this.#groups.clear();
    this.#resolveClosed({ code, reason });
  }
}

function noop(): void {}
