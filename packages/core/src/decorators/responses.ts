/**
 * Decorators that shape a route's response and its documentation.
 */
import { methodRecord, classRecord } from '../metadata/store.js';
import type { OperationInfo, ResponseModelOptions } from '../metadata/records.js';
import type { TypeSpec } from '../schema/type-spec.js';
import type { GuardLike } from '../extensions/guards.js';
import type { InterceptorLike } from '../extensions/interceptors.js';
import type { PipeLike } from '../extensions/pipes.js';

/** The success status of a route (200 by default; `@HttpCode(201)` for creation). */
export function HttpCode(status: number): MethodDecorator {
  return (target, key) => {
    methodRecord(target, key).status = status;
  };
}

/** A header sent on every success response of the route. */
export function ResponseHeader(name: string, value: string): MethodDecorator {
  return (target, key) => {
    methodRecord(target, key).headers.push([name.toLowerCase(), value]);
  };
}

/**
 * The response model, as FastAPI's `response_model`: the handler's return value is validated against
 * it (a mismatch is a server bug: a logged `ResponseValidationError` and a generic 500), filtered to its
 * declared properties (a `password` on the returned object never leaves the server), completed with its
 * declared defaults, and documented. `options` are FastAPI's `response_model_exclude_unset` and friends.
 * @example
 * @Get(':id') @ResponseModel(UserOut) read() { return this.users.find(id); }
 * @Patch(':id') @ResponseModel(UserOut, { excludeUnset: true, exclude: ['internalNotes'] }) update() {}
 */
export function ResponseModel(type: TypeSpec, options?: ResponseModelOptions): MethodDecorator {
  return (target, key) => {
    const record = methodRecord(target, key);
    record.responseModel = type;
    if (options) record.responseModelOptions = { ...options };
  };
}

/**
 * The media type of the route's success response, for the OpenAPI document (a `FileResponse` return
 * type alone documents `application/octet-stream`). JSON types keep the response model's schema; text
 * types are documented as a string, anything else as binary.
 * @example
 * @Get('report') @Produces('application/pdf') report(): FileResponse { return new FileResponse('report.pdf'); }
 */
export function Produces(mediaType: string): MethodDecorator {
  return (target, key) => {
    methodRecord(target, key).produces = mediaType;
  };
}

/**
 * This route's validation of JSON bodies: `lax` converts as pydantic's lax mode does (`"50.5"` for a
 * number), `strict` never converts; without it the route follows `createApp({ validation: { mode } })`.
 * Dependencies keep the app's mode.
 * @example
 * @Post('legacy') @Validation({ mode: 'lax' }) ingest(@Body() reading: Reading) {}
 */
export function Validation(options: { mode: 'strict' | 'lax' }): MethodDecorator {
  return (target, key) => {
    methodRecord(target, key).validationMode = options.mode;
  };
}

/** Documents another response of the route (an error, a redirect…). */
export function ApiResponse(status: number, options: { description?: string; type?: TypeSpec } = {}): MethodDecorator {
  return (target, key) => {
    methodRecord(target, key).responses.push({ status, ...options });
  };
}

/** Documentation of a route or, on a class, of every route of a controller. */
export function Operation(info: OperationInfo): ClassDecorator & MethodDecorator {
  return ((target: object, key?: string | symbol) => {
    if (key === undefined) Object.assign(classRecord(target).controllerInfo, info);
    else Object.assign(methodRecord(target, key), info);
  }) as ClassDecorator & MethodDecorator;
}

/** Short forms of `@Operation`. */
export const Summary = (summary: string) => Operation({ summary });
export const Tags = (...tags: string[]) => Operation({ tags });
export const Deprecated = () => Operation({ deprecated: true });
export const ExcludeFromSchema = () => Operation({ includeInSchema: false });

/** Attaches a value for guards and extensions to read from the route (`@SetMetadata('roles', ['admin'])`). */
export function SetMetadata(key: unknown, value: unknown): ClassDecorator & MethodDecorator {
  return ((target: object, method?: string | symbol) => {
    if (method === undefined) classRecord(target).controllerExtensions.set(key, value);
    else methodRecord(target, method).extensions.set(key, value);
  }) as ClassDecorator & MethodDecorator;
}

function stack(field: 'guards' | 'interceptors' | 'pipes', controllerField: 'controllerGuards' | 'controllerInterceptors' | 'controllerPipes') {
  return (...items: unknown[]): ClassDecorator & MethodDecorator =>
    ((target: object, key?: string | symbol) => {
      if (key === undefined) classRecord(target)[controllerField].push(...items);
      else methodRecord(target, key)[field].push(...items);
    }) as ClassDecorator & MethodDecorator;
}

/** Guards for a route or, on a class, every route of a controller (after the app's own, before the route's). */
export const UseGuards: (...guards: GuardLike[]) => ClassDecorator & MethodDecorator = stack('guards', 'controllerGuards');
/** Interceptors around a route's handler or, on a class, around every route of a controller. */
export const UseInterceptors: (...interceptors: InterceptorLike[]) => ClassDecorator & MethodDecorator = stack('interceptors', 'controllerInterceptors');
/** Pipes applied to every parameter of a route or, on a class, of every route of a controller. */
export const UsePipes: (...pipes: PipeLike[]) => ClassDecorator & MethodDecorator = stack('pipes', 'controllerPipes');
