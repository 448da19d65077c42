/**
 * The parts of the OpenAPI 3.1 document model that Decorum writes. Schemas are JSON Schema 2020-12
 * objects; they are typed loosely (`JsonSchema`) because JSON Schema is open-ended and users may add
 * their own keywords.
 * @see https://spec.openapis.org/oas/v3.1.0
 */

/** A JSON Schema 2020-12 object, as OpenAPI 3.1's Schema Object is. */
export type JsonSchema = { [keyword: string]: unknown };

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: InfoObject;
  servers?: ServerObject[];
  paths: Record<string, PathItemObject>;
  components?: ComponentsObject;
  tags?: TagObject[];
}

export interface InfoObject {
  title: string;
  version: string;
  description?: string;
}

export interface ServerObject {
  url: string;
  description?: string;
}

export interface TagObject {
  name: string;
  description?: string;
}

export interface ComponentsObject {
  schemas?: Record<string, JsonSchema>;
  securitySchemes?: Record<string, SecuritySchemeObject>;
}

export type PathItemObject = Partial<Record<'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch', OperationObject>>;

export interface OperationObject {
  tags?: string[];
  summary?: string;
  description?: string;
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject>;
  deprecated?: boolean;
  security?: SecurityRequirementObject[];
  /** A WebSocket route: what the session speaks (see `buildWebSocketOperation`). */
  'x-websocket'?: WebSocketExtension;
}

export interface WebSocketExtension {
  /** Subprotocols the route speaks, in its order of preference. */
  subprotocols: string[];
  /** The schema of each message the server receives (the route's `message`). */
  receive?: JsonSchema;
  /** The schema of each message the server sends (the route's `send`). */
  send?: JsonSchema;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
  description?: string;
  example?: unknown;
  deprecated?: boolean;
}

export interface RequestBodyObject {
  required: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface MediaTypeObject {
  schema: JsonSchema;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaTypeObject>;
}

/** Scheme name → scopes (empty for schemes without scopes). */
export type SecurityRequirementObject = Record<string, string[]>;

export type SecuritySchemeObject =
  | { type: 'http'; scheme: string; bearerFormat?: string; description?: string }
  | { type: 'apiKey'; name: string; in: 'header' | 'query' | 'cookie'; description?: string }
  | { type: 'oauth2'; flows: OAuthFlowsObject; description?: string }
  | { type: 'openIdConnect'; openIdConnectUrl: string; description?: string };

export interface OAuthFlowsObject {
  password?: { tokenUrl: string; refreshUrl?: string; scopes: Record<string, string> };
  clientCredentials?: { tokenUrl: string; refreshUrl?: string; scopes: Record<string, string> };
  authorizationCode?: { authorizationUrl: string; tokenUrl: string; refreshUrl?: string; scopes: Record<string, string> };
}
