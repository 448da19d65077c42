/**
 * Which other methods a path does have, for adapters whose router cannot say (Fastify keeps its router
 * private; Express only matches in order): a non-empty list turns their 404 into a 405 with `Allow`.
 * Decorum paths are literal segments and whole-segment `:params` only, so a segment walk is exact.
 * Meant for unmatched requests only; routers with a `find` (find-my-way) do not need it.
 */
import type { MountedRoute } from './adapter.js';

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export type AllowedMethods = (method: string, path: string) => string[];

export function compileAllowedMethods(routes: readonly MountedRoute[]): AllowedMethods {
  const patterns = routes.map((route) => ({ method: route.method as string, segments: segmentsOf(route.path) }));
  return (method, path) => {
    const segments = segmentsOf(path).map(safeDecode);
    const allowed = new Set<string>();
    for (const pattern of patterns) {
      if (pattern.method !== method && matches(pattern.segments, segments)) allowed.add(pattern.method);
    }
    return METHOD_ORDER.filter((m) => allowed.has(m));
  };
}

function matches(pattern: readonly string[], segments: readonly string[]): boolean {
  if (pattern.length !== segments.length) return false;
  return pattern.every((part, i) => part.startsWith(':') || part === segments[i]);
}

/** Trailing and doubled slashes do not count, as with `ignoreTrailingSlash`. */
function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Per segment, so an encoded `%2F` stays inside its segment. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
