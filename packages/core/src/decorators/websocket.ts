/**
 * `@WebSocketRoute(path, options)`: a GET route whose handler runs one WebSocket session per connection,
 * as FastAPI's `@app.websocket`: parameters and dependencies are bound (and refused with the HTTP
 * answer an HTTP route would give) before the handler runs; the handler accepts, then reads and sends
 * until it returns or the peer leaves. `@ConnectedSocket()` (NestJS's name) gives it the connection.
 * @example
 * @WebSocketRoute('/:room', { message: ChatMessage })
 * async chat(@Param('room') room: string, @ConnectedSocket() ws: WebSocketConnection<ChatMessage>) {
 *   await ws.accept();
 *   for await (const message of ws.messages()) await ws.sendJson({ room, echo: message.text });
 * }
 */
import { methodRecord } from '../metadata/store.js';
import type { OperationInfo } from '../metadata/records.js';
import type { TypeSpec } from '../schema/type-spec.js';
import { recordParam } from './params.js';

export interface WebSocketRouteOptions extends Pick<OperationInfo, 'summary' | 'description' | 'tags' | 'deprecated' | 'includeInSchema'> {
  /** The DTO (or type) every message `ws.messages()` yields is parsed as JSON and validated against. */
  readonly message?: TypeSpec;
  /** What the route sends, for the OpenAPI document only. */
  readonly send?: TypeSpec;
  /** Subprotocols the route speaks, in its order of preference: the first client offer that matches is chosen. */
  readonly subprotocols?: readonly string[];
}

export function WebSocketRoute(path = '', options: WebSocketRouteOptions = {}): MethodDecorator {
  const { message, send, subprotocols = [], ...info } = options;
  return (target, key) => {
    const record = methodRecord(target, key);
    record.routes.push({ method: 'GET', path });
    record.websocket = { message, send, subprotocols: [...subprotocols] };
    for (const [name, value] of Object.entries(info)) {
      if (value !== undefined) Object.assign(record, { [name]: name === 'tags' ? [...(value as string[])] : value });
    }
  };
}

/** The route's `WebSocketConnection`; only on `@WebSocketRoute` handlers. */
export function ConnectedSocket(): ParameterDecorator {
  return (target, key, index) => recordParam(target, key, { index, source: 'websocket', name: undefined, options: {} });
}
