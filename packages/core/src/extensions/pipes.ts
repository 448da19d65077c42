/**
 * Pipes transform or check one parameter after Decorum has coerced and validated it (the built-in
 * validation is the first pipe of every parameter). A pipe may be async, may throw an `HttpError`, or
 * a `PipeError` that becomes a 422 entry at the parameter's `loc`.
 * @example
 * @Get(':id') read(@Param('id', ParseUUIDPipe) id: string) {}
 * const Trim: PipeTransform = { transform: (value) => (typeof value === 'string' ? value.trim() : value) };
 */
import type { Loc } from '../http/validation-error.js';
import type { RequestContext } from '../http/request-context.js';
import type { Class, ParamSource } from '../metadata/records.js';
import { Int, type TypeSpec } from '../schema/type-spec.js';

export interface PipeMetadata {
  readonly source: ParamSource;
  readonly name: string | undefined;
  readonly loc: Loc;
  readonly ctx: RequestContext;
}

export interface PipeTransform<In = unknown, Out = unknown> {
  transform(value: In, meta: PipeMetadata): Out | Promise<Out>;
}

/** A pipe class (built by the container, so it may inject), a pipe object, or a plain function. */
export type PipeLike = Class<PipeTransform> | PipeTransform | ((value: never, meta: PipeMetadata) => unknown);

/** A pipe's way to reject a value: a 422 entry `{ type, loc, msg, input }`. */
export class PipeError extends Error {
  override readonly name = 'PipeError';
  constructor(message: string, readonly type = 'value_error', readonly ctx?: Readonly<Record<string, unknown>>) {
    super(message);
  }
}

/** Pipes that only declare a type: Decorum's own coercion does the parsing, with pydantic's errors, and OpenAPI shows the type. */
export const DECLARED_TYPE = Symbol('decorum.pipe.declaredType');
interface TypedPipe extends PipeTransform { readonly [DECLARED_TYPE]: TypeSpec }

function typed(type: TypeSpec, name: string): TypedPipe {
  return { [DECLARED_TYPE]: type, transform: (value) => value, toString: () => name } as TypedPipe;
}

export const ParseIntPipe: PipeTransform = typed(Int, 'ParseIntPipe');
export const ParseFloatPipe: PipeTransform = typed(Number, 'ParseFloatPipe');
export const ParseBoolPipe: PipeTransform = typed(Boolean, 'ParseBoolPipe');
export const ParseDatePipe: PipeTransform = typed(Date, 'ParseDatePipe');
export function ParseEnumPipe(values: Readonly<Record<string, string | number>> | readonly (string | number)[]): PipeTransform {
  return typed(values as TypeSpec, 'ParseEnumPipe');
}
/** A comma-separated (or repeated) value as an array of `items`. */
export function ParseArrayPipe(options: { items?: TypeSpec; separator?: string } = {}): PipeTransform {
  const separator = options.separator ?? ',';
  const pipe = typed([options.items ?? String] as unknown as TypeSpec, 'ParseArrayPipe');
  return Object.assign(pipe, { [SPLIT]: separator });
}
export const SPLIT = Symbol('decorum.pipe.split');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID string (any version), as pydantic's `UUID` type checks it. */
export const ParseUUIDPipe: PipeTransform = {
  transform(value) {
    if (typeof value === 'string' && UUID.test(value)) return value;
    throw new PipeError('Input should be a valid UUID', 'uuid_parsing');
  },
};

/** Replaces an absent value; makes the parameter optional. */
export function DefaultValuePipe(defaultValue: unknown): PipeTransform {
  return Object.assign({ transform: (value: unknown) => (value === undefined || value === null ? defaultValue : value) }, { [DEFAULT]: defaultValue });
}
export const DEFAULT = Symbol('decorum.pipe.default');

export function isPipeLike(value: unknown): value is PipeLike {
  if (typeof value === 'function') return true;
  return typeof value === 'object' && value !== null && typeof (value as PipeTransform).transform === 'function';
}
