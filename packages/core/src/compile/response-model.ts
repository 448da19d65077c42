/**
 * The response stage of a route with a response model, as FastAPI's `serialize_response`: the handler's
 * value is projected onto the model (undeclared fields dropped, getters read), validated against it
 * (the model's rules, nested DTOs and arrays included), then completed with the model's declared
 * defaults and trimmed by the route's `response_model_*` options (`response-filter.ts`). A value that
 * does not fit is a server bug: `ResponseValidationError` naming the route and each field, answered as
 * the generic 500.
 * Everything is compiled once per route; a route without a model has no stage at all.
 */
import { DecorumError } from '../errors.js';
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import { ResponseValidationError } from '../http/validation-error.js';
import type { ResponseModelOptions } from '../metadata/records.js';
import type { RouteDef } from '../route-table/route-def.js';
import type { TypeRef } from '../schema/type-spec.js';
import { INVALID } from './coerce.js';
import { issue } from './issues.js';
import { compileProjector } from './serialize.js';
import { compileDtoValidator, type DtoValidationOptions } from './validate-dto.js';
import { compileJsonValidator, isPromise, type JsonValidator } from './validate-json.js';
import { compileOutputFilter } from './response-filter.js';
import { compileUnionValidator } from './validate-union.js';

/** The handler's value → the value to write; throws `ResponseValidationError`, or a promise of it. */
export type ResponseStage = (result: unknown) => unknown;

const LOC: Loc = ['response'];
// Output is not input: properties the model does not declare are dropped, never refused.
const STRIP: DtoValidationOptions = { unknownProperties: 'strip' };

export function compileResponseStage(def: RouteDef): ResponseStage | null {
  const model = def.responseModel;
  if (!model) return null;
  const where = `${def.method} ${def.openapiPath} (${def.id})`;
  const stage = withRoute(where, () => compileStage(model, def.responseModelOptions ?? {}));
  const finish = (output: unknown, errors: ErrorDetail[]): unknown => {
    if (output === INVALID || errors.length > 0) throw new ResponseValidationError(errors, where);
    return output;
  };
  return (result) => {
    const errors: ErrorDetail[] = [];
    const output = stage(result, LOC, errors);
    // A model with an asynchronous rule validates asynchronously; the send stage awaits it.
    return isPromise(output) ? output.then((o) => finish(o, errors)) : finish(output, errors);
  };
}

/** A value → what is written, or INVALID with its errors pushed (or a promise of either). */
type Stage = (value: unknown, loc: Loc, errors: ErrorDetail[]) => unknown;

function compileStage(type: TypeRef, options: ResponseModelOptions): Stage {
  // A union picks its variant first (by tag, or the first that fits), then runs that variant's stage.
  if (type.kind === 'union') return compileUnionValidator(type, (dto) => compileStage({ kind: 'dto', dto }, options));
  if (type.kind === 'array' && holdsUnion(type.items)) {
    const item = compileStage(type.items, options);
    return (value, loc, errors) => {
      if (!Array.isArray(value)) return fail(errors, issue.listType(loc, value));
      const before = errors.length;
      const out = value.map((v, i) => item(v, [...loc, i], errors));
      if (out.some(isPromise)) return Promise.all(out).then((items) => (errors.length > before ? INVALID : items));
      return errors.length > before ? INVALID : out;
    };
  }
  const project = compileProjector(type);
  const validate = compileResponseValidator(type);
  const filter = compileOutputFilter(type, options);
  return (value, loc, errors) => {
    const projected = project(value);
    const before = errors.length;
    // The validated instance only proves the value fits: class-transformer may have rebuilt parts of
    // it (a Map, say), so what is written is the handler's projected value.
    const finish = (validated: unknown) =>
      (validated === INVALID || errors.length > before ? INVALID : filter ? filter(projected) : projected);
    const validated = validate(projected, loc, errors);
    return isPromise(validated) ? validated.then(finish) : finish(validated);
  };
}

function holdsUnion(type: TypeRef): boolean {
  return type.kind === 'union' || (type.kind === 'array' && holdsUnion(type.items));
}

function fail(errors: ErrorDetail[], detail: ErrorDetail): typeof INVALID {
  errors.push(detail);
  return INVALID;
}

/**
 * Validates as request bodies are validated, with two differences that suit values made by code: a
 * `Date` object is a datetime (JSON input can only send a string), and unknown properties are stripped.
 */
function compileResponseValidator(type: TypeRef): JsonValidator {
  switch (type.kind) {
    case 'dto':
      return compileDtoValidator(type.dto, STRIP);
    case 'array': {
      const item = compileResponseValidator(type.items);
      return (value, loc, errors) => {
        if (!Array.isArray(value)) {
          errors.push(issue.listType(loc, value));
          return INVALID;
        }
        const before = errors.length;
        const out = value.map((v, i) => item(v, [...loc, i], errors));
        if (out.some(isPromise)) {
          return Promise.all(out).then((items) => (items.includes(INVALID) || errors.length > before ? INVALID : items));
        }
        return errors.length > before ? INVALID : out;
      };
    }
    case 'date': {
      const json = compileJsonValidator(type, STRIP);
      return (value, loc, errors) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : json(value, loc, errors));
    }
    default:
      return compileJsonValidator(type, STRIP);
  }
}

/** Prefixes a bootstrap error with the route it is about. */
function withRoute<T>(where: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof DecorumError)) throw error;
    throw error.within(where);
  }
}
