/**
 * Route decorators, one per HTTP method: `@Get(path)`, `@Post(path)`, `@Put`, `@Patch`, `@Delete`,
 * `@Head`, `@Options`, and `@All` for every method. `path` is joined to the controller's prefix and may
 * hold parameters as `:id` or `{id}`.
 * @example
 * @Get('{item_id}') read(@Param('item_id', { type: Int }) itemId: number) {}
 */
import { methodRecord } from '../metadata/store.js';
import type { HttpMethod } from '../metadata/records.js';

function route(method: HttpMethod | 'ALL') {
  return (path = ''): MethodDecorator => (target, key) => {
    methodRecord(target, key).routes.push({ method, path });
  };
}

export const Get = route('GET');
export const Post = route('POST');
export const Put = route('PUT');
export const Patch = route('PATCH');
export const Delete = route('DELETE');
export const Head = route('HEAD');
export const Options = route('OPTIONS');
export const All = route('ALL');
