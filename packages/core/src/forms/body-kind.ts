/**
 * What body a route reads, decided once from its parameters: none, JSON (`@Body`), or a form
 * (`@Form`, `@File`). A route's body has one media type, so a route that mixes `@Body` with `@Form` or
 * `@File` is a bootstrap error, as in FastAPI (which documents the form then). The OpenAPI builder reads
 * the same answer to document the request body.
 */
import { decorumErrors } from '../errors.js';
import type { RouteDef } from '../route-table/route-def.js';

export type BodyKind = 'none' | 'json' | 'form' | 'multipart';

export function bodyKindOf(route: Pick<RouteDef, 'id' | 'params'>): BodyKind {
  let json = false;
  let form = false;
  let files = false;
  for (const p of route.params) {
    if (p.source === 'body') json = true;
    else if (p.source === 'form') form = true;
    else if (p.source === 'file') files = true;
  }
  if (json && (form || files)) throw decorumErrors.bodyKindMixed(route.id);
  return files ? 'multipart' : form ? 'form' : json ? 'json' : 'none';
}
