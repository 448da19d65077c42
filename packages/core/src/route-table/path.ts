/**
 * Route paths. Users may write `:id` (NestJS, Express) or `{id}` (FastAPI, OpenAPI); the table keeps
 * both spellings: `/items/:item_id` for routers and `/items/{item_id}` for OpenAPI. A route's own path
 * that ends in a slash (`@Get('items/')`) keeps it: that is the declared form, which the `strict` and
 * `redirect` trailing-slash modes hold requests to. Prefixes and `@Get('/')` add none (NestJS's reading).
 */
import { decorumErrors } from '../errors.js';

export interface ParsedPath {
  readonly path: string;
  readonly openapiPath: string;
  readonly params: readonly string[];
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `joinPaths('items', '{item_id}')` → `/items/:item_id` with params `['item_id']`. */
export function parsePath(prefix: string, path: string, where: string): ParsedPath {
  const segments = [...prefix.split('/'), ...path.split('/')].filter((s) => s !== '');
  const params: string[] = [];
  const routerSegments: string[] = [];
  const openapiSegments: string[] = [];
  for (const segment of segments) {
    const name = paramName(segment);
    if (name === undefined) {
      if (/[:{}*]/.test(segment)) {
        throw decorumErrors.pathSegment(where, segment);
      }
      routerSegments.push(segment);
      openapiSegments.push(segment);
      continue;
    }
    if (!PARAM_NAME.test(name)) {
      throw decorumErrors.pathParamName(where, name);
    }
    if (params.includes(name)) {
      throw decorumErrors.pathParamTwice(where, name);
    }
    params.push(name);
    routerSegments.push(`:${name}`);
    openapiSegments.push(`{${name}}`);
  }
  const slash = segments.length > 0 && path.endsWith('/') && /[^/]/.test(path) ? '/' : '';
  return { path: `/${routerSegments.join('/')}${slash}`, openapiPath: `/${openapiSegments.join('/')}${slash}`, params };
}

function paramName(segment: string): string | undefined {
  if (segment.startsWith(':')) return segment.slice(1);
  if (segment.startsWith('{') && segment.endsWith('}')) return segment.slice(1, -1);
  return undefined;
}
