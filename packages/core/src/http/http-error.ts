/**
 * Errors a handler throws to answer the client: `throw new NotFound('Item not found')` answers
 * 404 `{"detail":"Item not found"}`. `detail` may be any JSON value (FastAPI's `HTTPException`).
 */
export type HeaderValues = Readonly<Record<string, string | number | readonly string[]>>;

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly detail: unknown = STATUS_TEXT[status] ?? 'Error',
    readonly headers?: HeaderValues,
  ) {
    super(typeof detail === 'string' ? detail : (STATUS_TEXT[status] ?? `HTTP ${status}`));
  }
}

export const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 413: 'Payload Too Large',
  415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusError(status: number, name: string) {
  const ErrorClass = class extends HttpError {
    constructor(detail?: unknown, headers?: HeaderValues) {
      super(status, detail ?? STATUS_TEXT[status], headers);
      this.name = name;
    }
  };
  Object.defineProperty(ErrorClass, 'name', { value: name });
  return ErrorClass;
}

export const BadRequest = statusError(400, 'BadRequest');
export const Unauthorized = statusError(401, 'Unauthorized');
export const Forbidden = statusError(403, 'Forbidden');
export const NotFound = statusError(404, 'NotFound');
export const MethodNotAllowed = statusError(405, 'MethodNotAllowed');
export const Conflict = statusError(409, 'Conflict');
export const Gone = statusError(410, 'Gone');
export const PayloadTooLarge = statusError(413, 'PayloadTooLarge');
export const UnsupportedMediaType = statusError(415, 'UnsupportedMediaType');
export const UnprocessableContent = statusError(422, 'UnprocessableContent');
export const TooManyRequests = statusError(429, 'TooManyRequests');
export const InternalServerError = statusError(500, 'InternalServerError');
export const ServiceUnavailable = statusError(503, 'ServiceUnavailable');

/** The 413 for a body over the app's `bodyLimit`: one wording, whichever adapter read the body. */
export function bodyLimitExceeded(limit: number): HttpError {
  return new PayloadTooLarge(`Request body is larger than the limit of ${limit} bytes`);
}
