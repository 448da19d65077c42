/**
 * Developer mistakes the OpenAPI builder can see. Like core's `DecorumError`, each has a stable code
 * and a message that says how to fix it; they surface when the document is first built.
 */
export type OpenApiErrorCode =
  | 'DECORUM_ERR_OPENAPI_OPERATION_ID'
  | 'DECORUM_ERR_OPENAPI_SECURITY_SCHEME';

export class OpenApiError extends Error {
  override readonly name = 'OpenApiError';
  constructor(
    readonly code: OpenApiErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
