/**
 * A WebSocket route in the document. OpenAPI describes request/response exchanges, not sessions, so a
 * WebSocket route is the GET its handshake is, with its parameters, and `x-websocket` says what the
 * session speaks: its subprotocols and the schemas of the messages each way. The responses are the
 * handshake's: 101 for the session, and the HTTP refusals a client can meet before it (the validation
 * error its parameters imply, 401 where the route has a security scheme, 403 when the handler refuses,
 * 426 for a request without `Upgrade: websocket`).
 */
import type { RouteDef, WebSocketDef } from '@decorumjs/core';
import type { JsonSchema, ResponseObject, WebSocketExtension } from '../openapi-types.js';
import type { SchemaRegistry } from '../schema/schema-registry.js';
import { documentedParams } from './parameters.js';
import { validationErrorRef } from './responses.js';

const DETAIL: JsonSchema = { type: 'object', properties: { detail: { type: 'string' } }, required: ['detail'] };

export function buildWebSocketExtension(websocket: WebSocketDef, registry: SchemaRegistry): WebSocketExtension {
  return {
    subprotocols: [...websocket.subprotocols],
    ...(websocket.message && { receive: registry.typeSchema(websocket.message, 'input') }),
    ...(websocket.send && { send: registry.typeSchema(websocket.send, 'output') }),
    ...(websocket.sendTitle !== undefined && { send: { type: 'object', title: websocket.sendTitle } }),
  };
}

export interface WebSocketResponseOptions {
  readonly validationStatus: number;
  /** The route has a security requirement: its dependency refuses unauthenticated handshakes. */
  readonly secured: boolean;
}

export function buildWebSocketResponses(route: RouteDef, registry: SchemaRegistry, options: WebSocketResponseOptions): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {
    101: { description: 'Switching Protocols: the WebSocket session' },
  };
  if (options.secured) responses[401] = refusal('Not authenticated: the handshake is refused');
  responses[403] = refusal('WebSocket connection refused (the handler returned without accepting, or a guard refused)');
  if (documentedParams(route).length > 0) {
    responses[String(options.validationStatus)] = {
      description: 'Validation Error: the handshake is refused', content: { 'application/json': { schema: validationErrorRef(registry) } },
    };
  }
  responses[426] = refusal('Upgrade Required: the request did not ask for a WebSocket');
  for (const declared of route.responses) {
    responses[String(declared.status)] ??= {
      description: declared.description ?? 'Response',
      ...(declared.type && { content: { 'application/json': { schema: registry.typeSchema(declared.type, 'input') } } }),
    };
  }
  return responses;
}

function refusal(description: string): ResponseObject {
  return { description, content: { 'application/json': { schema: DETAIL } } };
}
