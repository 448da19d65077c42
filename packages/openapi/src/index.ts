/**
 * @decorumjs/openapi: the OpenAPI 3.1 document of an app, built from its route table, and the plugin that
 * serves it with Swagger UI and ReDoc from installed files. Every public name is listed here by hand.
 * @example
 * import { openApiDocument } from '@decorumjs/openapi';
 * const document = openApiDocument(app); // { openapi: '3.1.0', paths: { '/items/{item_id}': … } }
 */
export { buildOpenApi, type BuildOpenApiOptions } from './build-openapi.js';
export type { GenerateOperationId } from './operation/operation-ids.js';
export { openApiDocument } from './app-document.js';
export { openApi, type OpenApiPluginOptions } from './serve/openapi-plugin.js';
export type { SecuredDependency } from './security/security-scheme.js';
export { OpenApiError, openApiErrors, type OpenApiErrorCode } from './errors.js';
export type {
  ComponentsObject, InfoObject, JsonSchema, MediaTypeObject, OAuthFlowsObject, OpenApiDocument, OperationObject,
  ParameterObject, PathItemObject, RequestBodyObject, ResponseObject, SecurityRequirementObject, SecuritySchemeObject,
  ServerObject, TagObject,
} from './openapi-types.js';
