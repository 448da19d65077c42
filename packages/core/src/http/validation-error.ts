/**
 * The 422 body, shaped as FastAPI's: `{"detail":[{"loc":["path","item_id"],"msg":"…","type":"…"}]}`.
 * `type` is a stable code, pydantic's name where one fits (`missing`, `int_parsing`…).
 */
export type Loc = readonly (string | number)[];

export interface ErrorDetail {
  readonly type: string;
  readonly loc: Loc;
  readonly msg: string;
  readonly input?: unknown;
  readonly ctx?: Readonly<Record<string, unknown>>;
}

/** Thrown (or collected) when request data fails coercion or validation. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  constructor(readonly errors: readonly ErrorDetail[]) {
    super(`${errors.length} validation error${errors.length === 1 ? '' : 's'}: ` +
      errors.map((e) => `${e.loc.join('.')}: ${e.msg}`).join('; '));
  }
}

/** Thrown when a handler's return value does not fit its declared response model: a server bug. */
export class ResponseValidationError extends Error {
  override readonly name = 'ResponseValidationError';
  constructor(readonly errors: readonly ErrorDetail[], readonly route?: string) {
    super(`${route ? `${route}: ` : ''}response does not match its model: ${errors.map((e) => `${e.loc.join('.')}: ${e.msg}`).join('; ')}`);
  }
}
