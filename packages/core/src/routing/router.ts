/**
 * Core's router: every adapter hands it the method and target of each request, so precedence, 404 vs
 * 405, HEAD, slashes, decoding and parameter length are decided here alone (the role of Hono's
 * `Router` and Starlette's `Match`). Decorum paths are literal segments and whole-segment parameters
 * only, so the table is a tree of segments: a `Map` of literals and at most one parameter child per
 * node, static children tried first, with backtracking. Fully static paths are also kept in one `Map`,
 * so the common request is one lookup.
 */
import { decorumErrors } from '../errors.js';
import { decodeLiteral, decodeSegments, needsDecoding, pathOfTarget } from './request-path.js';
import {
  ALLOW_ORDER, BAD_ESCAPE, BAD_FRAGMENT, BAD_TARGET, DEFAULT_MAX_PARAM_LENGTH, NOT_FOUND, paramTooLong,
  type PathParams, type RouteMatch, type RoutingOptions, type TrailingSlash, type Unmatched,
} from './route-match.js';

export interface RouterRoute<T> {
  readonly method: string;
  /** Router syntax, `/items/:item_id`; a trailing slash is the declared form (`/items/`). */
  readonly path: string;
  readonly target: T;
  /** Names the route in bootstrap errors: `ItemsController.read`. */
  readonly id?: string;
}

export interface Router<T> {
  /** `match('GET', '/items/42?q=1')`: `url` is the request target as received. */
  match(method: string, url: string): RouteMatch<T>;
}

interface Entry<T> {
  readonly target: T;
  readonly names: readonly string[];
  readonly id: string | undefined;
  /** The answer itself for a route without parameters, made once: a static request allocates nothing. */
  readonly found: RouteMatch<T> | undefined;
}

interface Leaf<T> {
  readonly methods: Map<string, Entry<T>>;
  /** Declared with a trailing slash. */
  slash: boolean;
  /** The `Allow` header for this path, decided at bootstrap. */
  allow: string;
  readonly firstId: string | undefined;
}

interface PathNode<T> {
  statics: Map<string, PathNode<T>> | undefined;
  param: PathNode<T> | undefined;
  leaf: Leaf<T> | undefined;
}

const NO_PARAMS: PathParams = Object.freeze(Object.create(null) as PathParams);

const newNode = <T>(): PathNode<T> => ({ statics: undefined, param: undefined, leaf: undefined });

export function compileRouter<T>(routes: readonly RouterRoute<T>[], options: RoutingOptions = {}): Router<T> {
  const trailingSlash: TrailingSlash = options.trailingSlash ?? 'ignore';
  const ignoresSlash = trailingSlash === 'ignore';
  const maxParamLength = options.maxParamLength ?? DEFAULT_MAX_PARAM_LENGTH;
  const tooLong = paramTooLong(maxParamLength);
  const root = newNode<T>();
  const statics = new Map<string, Leaf<T>>();
  const leaves: Leaf<T>[] = [];

  for (const route of routes) {
    const slash = route.path.length > 1 && route.path.endsWith('/');
    const parts = route.path.split('/').filter((s) => s !== '');
    const names: string[] = [];
    let node = root;
    for (const part of parts) {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        node = node.param ??= newNode();
      } else {
        const literal = decodeLiteral(part);
        const children = node.statics ??= new Map();
        node = children.get(literal) ?? children.set(literal, newNode()).get(literal) as PathNode<T>;
      }
    }
    let leaf = node.leaf;
    if (!leaf) {
      leaf = node.leaf = { methods: new Map(), slash, allow: '', firstId: route.id };
      leaves.push(leaf);
      if (names.length === 0) statics.set(`/${parts.map(decodeLiteral).join('/')}`, leaf);
    } else if (leaf.slash !== slash) {
      throw decorumErrors.routeSlashMismatch(`${route.id ?? route.path}: ${route.method} ${route.path}`, leaf.firstId ?? 'another route');
    }
    const found = names.length === 0 ? Object.freeze({ kind: 'found' as const, target: route.target, params: NO_PARAMS }) : undefined;
    const taken = leaf.methods.get(route.method);
    if (taken) {
      // The route table refuses duplicates; this catches spellings only the router sees as one (`café`, `caf%C3%A9`).
      throw decorumErrors.routeSameRequests(`${route.id ?? route.path}: ${route.method} ${route.path}`, taken.id ?? 'another route');
    }
    leaf.methods.set(route.method, { target: route.target, names, id: route.id, found });
  }
  for (const leaf of leaves) {
    // HEAD is answered by GET unless declared (RFC 9110 §9.3.2); adapters strip the body.
    const get = leaf.methods.get('GET');
    if (get && !leaf.methods.has('HEAD')) leaf.methods.set('HEAD', get);
    leaf.allow = allowOf([leaf]);
  }

  /** `want`: the trailing slash a leaf must be declared with, or undefined for either. */
  const accepts = (leaf: Leaf<T>, want: boolean | undefined) => want === undefined || leaf.slash === want;

  let exceeded = false;
  const find = (node: PathNode<T>, segments: readonly string[], i: number, values: string[], method: string, want: boolean | undefined): Entry<T> | undefined => {
    if (i === segments.length) {
      const leaf = node.leaf;
      return leaf && accepts(leaf, want) ? leaf.methods.get(method) : undefined;
    }
    const segment = segments[i] as string;
    const child = node.statics?.get(segment);
    if (child) {
      const entry = find(child, segments, i + 1, values, method, want);
      if (entry) return entry;
    }
    if (!node.param || segment === '') return undefined;
    if (segment.length > maxParamLength) {
      exceeded = true;
      return undefined;
    }
    values.push(segment);
    const entry = find(node.param, segments, i + 1, values, method, want);
    if (!entry) values.pop();
    return entry;
  };
  const collect = (node: PathNode<T>, segments: readonly string[], i: number, want: boolean | undefined, into: Leaf<T>[]): void => {
    if (i === segments.length) {
      if (node.leaf && accepts(node.leaf, want)) into.push(node.leaf);
      return;
    }
    const segment = segments[i] as string;
    const child = node.statics?.get(segment);
    if (child) collect(child, segments, i + 1, want, into);
    if (node.param && segment !== '' && segment.length <= maxParamLength) collect(node.param, segments, i + 1, want, into);
  };

  const unmatched = (segments: readonly string[], bare: string, slash: boolean, url: string, q: number): Unmatched => {
    const want = ignoresSlash ? undefined : slash;
    const found: Leaf<T>[] = [];
    collect(root, segments, 0, want, found);
    if (found.length > 0) return { kind: 'method-not-allowed', allow: found.length === 1 ? (found[0] as Leaf<T>).allow : allowOf(found) };
    if (trailingSlash === 'redirect' && bare !== '/') {
      collect(root, segments, 0, !slash, found);
      if (found.length > 0) return { kind: 'redirect', location: (slash ? bare : `${bare}/`) + (q === -1 ? '' : url.slice(q)) };
    }
    return exceeded ? tooLong : NOT_FOUND;
  };

  return {
    match(method, url) {
      // Refused rather than dropped: whatever follows a `#` would otherwise be read as path or query.
      if (url.includes('#')) return BAD_FRAGMENT;
      const q = url.indexOf('?');
      const path = pathOfTarget(url, q);
      if (path === undefined) return BAD_TARGET;
      // One trailing slash is the path's form; a doubled one (`/items//`) is an empty segment.
      const n = path.length;
      const slash = n > 1 && path.charCodeAt(n - 1) === 47 && path.charCodeAt(n - 2) !== 47;
      const bare = slash ? path.slice(0, -1) : path;
      const want = ignoresSlash ? undefined : slash;
      const decode = needsDecoding(bare);
      if (!decode) {
        const leaf = statics.get(bare);
        const entry = leaf && accepts(leaf, want) ? leaf.methods.get(method) : undefined;
        if (entry?.found) return entry.found;
      }
      const segments = decodeSegments(bare, decode);
      if (!segments) return BAD_ESCAPE;
      exceeded = false;
      const values: string[] = [];
      const entry = find(root, segments, 0, values, method, want);
      if (!entry) return unmatched(segments, bare, slash, url, q);
      if (entry.found) return entry.found;
      const params = Object.create(null) as Record<string, string>;
      for (let i = 0; i < values.length; i++) params[entry.names[i] as string] = values[i] as string;
      return { kind: 'found', target: entry.target, params };
    },
  };
}

/** The union of the leaves' methods, in `ALLOW_ORDER`. */
function allowOf(leaves: readonly Leaf<unknown>[]): string {
  return ALLOW_ORDER.filter((m) => leaves.some((leaf) => leaf.methods.has(m))).join(', ');
}
