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

function entry<A extends unknown[]>(code: OpenApiErrorCode, message: (...args: A) => string, fix: string | ((...args: A) => string)) {
  return Object.assign((...args: A) => new OpenApiError(code, message(...args), typeof fix === 'string' ? fix : fix(...args)), { code });
}

export const openApiErrors = {
  operationIdTaken: entry('DECORUM_ERR_OPENAPI_OPERATION_ID',
    (operationId: string, declared: boolean, routes: string) =>
      `operationId "${operationId}" is ${declared ? 'declared' : 'generated'} for more than one route (${routes}).`,
    (_operationId: string, declared: boolean, _routes: string) => (declared
      ? 'Operation ids name client methods, so each must be unique: change one in @Operation({ operationId }).'
      : 'Two controllers share a name: rename one, or give one route @Operation({ operationId }).')),
  securitySchemeClash: entry('DECORUM_ERR_OPENAPI_SECURITY_SCHEME',
    (name: string) => `two different security schemes are named "${name}".`,
    "Give one of them another name with the scheme's schemeName option: apiKeyHeader({ name: 'x-admin-key', schemeName: 'AdminKey' })."),
};
