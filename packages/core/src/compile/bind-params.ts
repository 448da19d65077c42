/**
 * Compiles one binder per parameter: a small function that reads the value from its source, coerces
 * and validates it, and records every error with its `loc`. All binders of a route run before the
 * handler, so one 422 reports every problem at once.
 */
import { decorumErrors } from '../errors.js';
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import type { RequestContext } from '../http/request-context.js';
import type { ParamDef } from '../route-table/route-def.js';
import { dtoShape } from '../schema/dto-shape.js';
import { wireName } from '../schema/wire-name.js';
import type { TypeRef } from '../schema/type-spec.js';
import { compileCoercer, compileChecks, INVALID, type Coercer } from './coerce.js';
import { issue } from './issues.js';
import { NO_BODY } from './read-json-body.js';
import { compileDtoValidator, isPlainObject, type DtoValidationOptions } from './validate-dto.js';
import { compileJsonValidator, isPromise } from './validate-json.js';
import type { FormBody } from '../forms/read-form-body.js';
import { compileFileBinder } from '../forms/bind-files.js';
import { CONNECTED_SOCKET } from '../websocket/connection-route.js';

/** Returns the argument value, `INVALID` after recording errors, or a promise of either. */
export type Binder = (ctx: RequestContext, errors: ErrorDetail[]) => unknown;

export type SourceReader = (ctx: RequestContext, name: string) => string | string[] | undefined;

const READERS: Record<'path' | 'query' | 'header' | 'cookie' | 'form', SourceReader> = {
  path: (ctx, name) => ctx.params[name],
  query: (ctx, name) => ctx.query[name],
  header: (ctx, name) => ctx.request.headers[name],
  cookie: (ctx, name) => ctx.cookies[name],
  form: (ctx, name) => (ctx.body as FormBody).fields[name],
};

/** Form fields are part of the body: errors are reported at `["body", name]`, as FastAPI's are. */
const locSource = (source: ParamDef['source']): string => (source === 'form' ? 'body' : source);

export function compileBinder(param: ParamDef, options: DtoValidationOptions): Binder {
  switch (param.source) {
    case 'request':
      return (ctx) => ctx;
    case 'response':
      return (ctx) => ctx.response;
    case 'signal':
      return (ctx) => ctx.signal;
    case 'background':
      return (ctx) => ctx.backgroundTasks;
    case 'websocket':
      return (ctx) => ctx.state.get(CONNECTED_SOCKET);
    case 'body':
      return compileBodyBinder(param, options);
    case 'path':
    case 'query':
    case 'header':
    case 'cookie':
    case 'form':
      if (param.name === undefined) return compileWholeSource(param, options);
      return compileScalarBinder(param, READERS[param.source]);
    case 'file':
      return compileFileBinder(param);
    case 'dependency':
    case 'inject':
      throw decorumErrors.internal(`${param.source} parameters are bound by the dependency planner`);
  }
}

/** What a parameter binds to when the client sent nothing: its default (copied), or undefined. */
function absent(param: ParamDef): () => unknown {
  if (!param.hasDefault) return () => undefined;
  const value = param.default;
  return typeof value === 'object' && value !== null ? () => structuredClone(value) : () => value;
}

function compileScalarBinder(param: ParamDef, read: SourceReader): Binder {
  const name = param.name as string;
  const loc: Loc = [locSource(param.source), name];
  const onAbsent = absent(param);
  const required = param.required;
  if (param.type.kind === 'array') {
    const item = compileCoercer(param.type.items);
    const check = compileChecks(param.constraints, param.type);
    const separator = param.separator ?? (param.source === 'header' ? ',' : undefined);
    return (ctx, errors) => {
      const raw = read(ctx, name);
      if (raw === undefined) return required ? missing(errors, loc) : onAbsent();
      const list = Array.isArray(raw) ? raw : separator !== undefined ? raw.split(separator).map((s) => s.trim()) : [raw];
      const before = errors.length;
      const values = list.map((v, i) => item(v, [...loc, i], errors));
      if (errors.length > before) return INVALID;
      return check ? check(values, loc, errors) : values;
    };
  }
  const coerce: Coercer = compileCoercer(param.type, param.constraints);
  return (ctx, errors) => {
    const raw = read(ctx, name);
    if (raw === undefined) return required ? missing(errors, loc) : onAbsent();
    // A repeated key for a single value: the last one wins, as in FastAPI.
    return coerce(typeof raw === 'string' ? raw : (raw[raw.length - 1] as string), loc, errors);
  };
}

/** A whole source as one record: `@Query()`, `@Header()`, `@Cookie()`, `@Param()` without a name. */
const WHOLE: Record<keyof typeof READERS, (ctx: RequestContext) => Readonly<Record<string, unknown>>> = {
  path: (ctx) => ctx.params, query: (ctx) => ctx.query, header: (ctx) => ctx.request.headers, cookie: (ctx) => ctx.cookies,
  form: (ctx) => (ctx.body as FormBody).fields,
};

/** `@Query() filters: FilterDto`: each declared property is coerced from its string, then the DTO is validated. */
function compileWholeSource(param: ParamDef, options: DtoValidationOptions): Binder {
  const source = param.source as keyof typeof READERS;
  const all = WHOLE[source];
  if (param.type.kind !== 'dto') return all;
  const shape = dtoShape(param.type.dto);
  const read = READERS[source];
  const fields = shape.properties.map((p) => ({ name: p.name, wire: wireName(source, p.name), coerce: stringCoercer(p.type) }));
  // Errors name what the client sent: a header property `user_agent` is reported at ["header","user-agent"].
  const renamed = fields.filter((f) => f.wire !== f.name);
  const wireOf = new Map(renamed.map((f) => [f.name, f.wire]));
  const declared = new Set(fields.map((f) => f.name));
  const forbidExtra = options.unknownProperties === 'forbid' && (source === 'query' || source === 'form');
  const validate = compileDtoValidator(param.type.dto, options);
  const at = locSource(source);
  return (ctx, errors) => {
    const input: Record<string, unknown> = {};
    const before = errors.length;
    let unparsed: Set<string> | undefined;
    for (const { name, wire, coerce } of fields) {
      const raw = read(ctx, wire);
      if (raw === undefined) continue;
      const mark = errors.length;
      const value = coerce(raw, [at, wire], errors);
      if (errors.length > mark) (unparsed ??= new Set()).add(name);
      else input[name] = value;
    }
    if (forbidExtra) {
      const values = all(ctx);
      for (const key of Object.keys(values)) if (!declared.has(key)) errors.push(issue.extraForbidden([at, key], values[key]));
    }
    const failed = errors.length > before;
    const validated = errors.length;
    const value = validate(input, [at], errors);
    // One 422 lists every problem, as FastAPI's does: the rest of the DTO is validated too, without
    // the validator's own (`missing`) report on the values that did not even parse.
    const settle = (result: unknown): unknown => {
      if (unparsed) dropErrorsAt(errors, validated, unparsed);
      if (wireOf.size > 0 && errors.length > before) renameLocs(errors, before, wireOf);
      return failed ? INVALID : result;
    };
    if (isPromise(value)) return value.then(settle);
    return failed || errors.length > before ? settle(value) : value;
  };
}

function dropErrorsAt(errors: ErrorDetail[], from: number, names: ReadonlySet<string>): void {
  let kept = from;
  for (let i = from; i < errors.length; i++) {
    const detail = errors[i] as ErrorDetail;
    if (!names.has(detail.loc[1] as string)) errors[kept++] = detail;
  }
  errors.length = kept;
}

function renameLocs(errors: ErrorDetail[], from: number, wireOf: ReadonlyMap<string, string>): void {
  for (let i = from; i < errors.length; i++) {
    const detail = errors[i] as ErrorDetail;
    const wire = wireOf.get(detail.loc[1] as string);
    if (wire !== undefined) errors[i] = { ...detail, loc: [detail.loc[0] as string, wire, ...detail.loc.slice(2)] };
  }
}

/** Query-DTO properties: strings become the property's type before class-validator sees them. */
function stringCoercer(type: TypeRef): (raw: string | string[], loc: Loc, errors: ErrorDetail[]) => unknown {
  if (type.kind === 'array') {
    const item = type.items.kind === 'dto' || type.items.kind === 'array' ? (v: string) => v : compileCoercer(type.items);
    return (raw, loc, errors) => (Array.isArray(raw) ? raw : [raw]).map((v, i) => item(v, [...loc, i], errors));
  }
  if (type.kind === 'dto') return (raw) => raw;
  const coerce = compileCoercer(type);
  return (raw, loc, errors) => coerce(Array.isArray(raw) ? (raw[raw.length - 1] as string) : raw, loc, errors);
}

function compileBodyBinder(param: ParamDef, options: DtoValidationOptions): Binder {
  const validate = compileJsonValidator(param.type, options, param.constraints);
  const onAbsent = absent(param);
  const required = param.required;
  if (param.name === undefined) {
    const loc: Loc = ['body'];
    return (ctx, errors) => {
      const body = ctx.body;
      if (body === NO_BODY) return required ? missing(errors, loc) : onAbsent();
      return validate(body, loc, errors);
    };
  }
  const name = param.name;
  const loc: Loc = ['body', name];
  return (ctx, errors) => {
    const body = ctx.body;
    // A body that is no object (a list, a string) has none of the keys: each `@Body('key')` reports its
    // own `missing`, once, as FastAPI's embedded body fields do (not one `["body"]` error per key).
    if (body !== NO_BODY && !isPlainObject(body)) return missing(errors, loc);
    // Own keys only: `@Body('toString')` must not find Object.prototype's method in `{}`.
    const value = body === NO_BODY || !Object.hasOwn(body, name) ? undefined : body[name];
    if (value === undefined) return required ? missing(errors, loc) : onAbsent();
    return validate(value, loc, errors);
  };
}

function missing(errors: ErrorDetail[], loc: Loc): typeof INVALID {
  errors.push(issue.missing(loc));
  return INVALID;
}
