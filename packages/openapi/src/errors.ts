/**
 * Developer mistakes the OpenAPI builder can see, in one catalogue as core's `decorumErrors`: a stable
 * code, the message built from the specifics and the sentence that says how to fix it. They surface when
 * the document is first built.
 */
export type OpenApiErrorCode =
  | 'DECORUM_ERR_OPENAPI_OPERATION_ID'
  | 'DECORUM_ERR_OPENAPI_SECURITY_SCHEME';

export class OpenApiError extends Error {
  override readonly name = 'OpenApiError';
  constructor(
    readonly code: OpenApiErrorCode,
    message: string,
    /** The sentence that says what to do; also the end of `message`. */
    readonly fix = '',
  ) {
    super(fix === '' ? `${code}: ${message}` : `${code}: ${message} ${fix}`);
  }
}

function entry<A extends unknown[]>(code: OpenApiErrorCode, message: (...args: A) => string, fix: string) {
  return Object.assign((...args: A) => new OpenApiError(code, message(...args), fix), { code });
}

export const openApiErrors = {
  operationIdTaken: entry('DECORUM_ERR_OPENAPI_OPERATION_ID',
    (operationId: string, route: string) => `operationId "${operationId}" is declared on more than one route (one is ${route}).`,
    'Operation ids name client methods, so each must be unique: change one in @Operation({ operationId }).'),
  securitySchemeClash: entry('DECORUM_ERR_OPENAPI_SECURITY_SCHEME',
    (name: string) => `two different security schemes are named "${name}".`,
    "Give one of them another name with the scheme's schemeName option: apiKeyHeader({ name: 'x-admin-key', schemeName: 'AdminKey' })."),
};
