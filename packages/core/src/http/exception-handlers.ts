/**
 * Exception handlers by error class (FastAPI's `exception_handler`). The most specific registered class
 * wins, and Decorum's own answers for `HttpError` and `RequestValidationError` count as registered;
 * lookups are cached per error class, so the first error of a kind pays for the prototype walk.
 */
import type { Class } from '../metadata/records.js';
import { HttpError } from './http-error.js';
import { HttpResponse } from './http-response.js';
import type { RequestContext } from './request-context.js';
import { RequestValidationError } from './validation-error.js';

export type ExceptionHandler<E = never> = (error: E, ctx: RequestContext) => HttpResponse | Promise<HttpResponse>;

export class ExceptionHandlers {
  readonly #handlers = new Map<unknown, ExceptionHandler<unknown>>();
  readonly #cache = new Map<unknown, ExceptionHandler<unknown> | null>();

  register<E>(errorClass: Class<E>, handler: ExceptionHandler<E>): void {
    this.#handlers.set(errorClass, handler as ExceptionHandler<unknown>);
    this.#cache.clear();
  }

  find(error: unknown): ExceptionHandler<unknown> | undefined {
    const ctor = typeof error === 'object' && error !== null ? error.constructor : undefined;
    const cached = this.#cache.get(ctor);
    if (cached !== undefined) return cached ?? undefined;
    let found: ExceptionHandler<unknown> | null = null;
    for (let c: unknown = ctor; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
      const handler = this.#handlers.get(c);
      if (handler) {
        found = handler;
        break;
      }
      // Decorum's defaults sit at these two classes (as FastAPI registers its own for HTTPException
      // and RequestValidationError), so a catch-all `Error` handler does not turn a 404 into a 500.
      if (c === HttpError || c === RequestValidationError) break;
    }
    this.#cache.set(ctor, found);
    return found ?? undefined;
  }
}

/** Decorum's own answers: 422 (or the configured status) for validation, the error's own for HttpError. */
export function defaultErrorResponse(error: unknown, validationStatus: number): HttpResponse | undefined {
  if (error instanceof RequestValidationError) return HttpResponse.json({ detail: error.errors }, { status: validationStatus });
  if (error instanceof HttpError) return HttpResponse.json({ detail: error.detail }, { status: error.status, headers: error.headers });
  return undefined;
}
