/**
 * Parameter decorators: each says where an argument comes from. The TypeScript type drives coercion
 * (`id: number` parses `"42"`); `options.type` says what the type cannot (`Int`, an enum, `[Int]`).
 * Query, header and cookie parameters are required unless `optional` or a `default` is given.
 * @example
 * read(@Param('item_id', { type: Int }) itemId: number, @Query('q', { default: null }) q: string | null) {}
 */
import { methodRecord, classRecord } from '../metadata/store.js';
import type { ParamOptions, ParamRecord, ParamSource } from '../metadata/records.js';
import { isPipeLike, type PipeLike } from '../extensions/pipes.js';

function record(target: object, key: string | symbol | undefined, param: ParamRecord): void {
  // Constructor parameters (dependency classes) arrive with an undefined key and the class as target.
  if (key === undefined) classRecord(target).ctorParams.push(param);
  else methodRecord(target, key).params.push(param);
}

function source(kind: ParamSource) {
  function decorator(...rest: Array<ParamOptions | PipeLike>): ParameterDecorator;
  function decorator(name: string, ...rest: Array<ParamOptions | PipeLike>): ParameterDecorator;
  function decorator(...args: Array<string | ParamOptions | PipeLike | undefined>): ParameterDecorator {
    const name = typeof args[0] === 'string' ? args.shift() as string : undefined;
    // After the name: an options object and/or pipes, in any order (`@Param('id', ParseIntPipe)`).
    const pipes = args.filter(isPipeLike);
    const options = (args.find((a) => a !== undefined && !isPipeLike(a)) ?? {}) as ParamOptions;
    return (target, key, index) => record(target, key, { index, source: kind, name, options, pipes });
  }
  return decorator;
}

/** A path parameter: `@Param('item_id')`. Always required. */
export const Param = source('path');
/** A query parameter (`@Query('q')`), a repeated one (`{ type: [String] }`), or the whole query as a DTO (`@Query()`). */
export const Query = source('query');
/** A request header, matched case-insensitively: `@Header('user-agent')`. */
export const Header = source('header');
/** A cookie: `@Cookie('session')`. */
export const Cookie = source('cookie');
/** The JSON body (`@Body()`), or one key of it (`@Body('item')`, FastAPI's embedded body). */
export const Body = source('body');
/**
 * A form field (`@Form('username')`, FastAPI's `Form()`), or the whole form as a DTO (`@Form() form: LoginForm`),
 * from `application/x-www-form-urlencoded` or `multipart/form-data`. Coerced like query values; errors at `["body", name]`.
 */
export const Form = source('form');
/**
 * An uploaded file from a `multipart/form-data` body: `@File('avatar') avatar: UploadFile`, or
 * `UploadFile[]` for every file sent under the name. Required unless `optional`.
 */
export const File = source('file');

/** The request context: method, url, headers, parsed query and cookies, and the server's own request as `raw`. */
export function Req(): ParameterDecorator {
  return (target, key, index) => record(target, key, { index, source: 'request', name: undefined, options: {} });
}

/** Response control: set the status, headers and cookies of a normal response; `raw` is the server's own response. */
export function Res(): ParameterDecorator {
  return (target, key, index) => record(target, key, { index, source: 'response', name: undefined, options: {} });
}

/**
 * The request's `AbortSignal`: it fires when the client disconnects before the response is finished,
 * so a long call (a model, a fan-out) can stop. Made only for routes that ask for it.
 * @example
 * @Get('answer') async answer(@Signal() signal: AbortSignal) { return model.complete(prompt, { signal }); }
 */
export function Signal(): ParameterDecorator {
  return (target, key, index) => record(target, key, { index, source: 'signal', name: undefined, options: {} });
}

/** The request's `BackgroundTasks`: work to run after the response is sent (FastAPI's `BackgroundTasks`). */
export function Background(): ParameterDecorator {
  return (target, key, index) => record(target, key, { index, source: 'background', name: undefined, options: {} });
}

export { record as recordParam };
