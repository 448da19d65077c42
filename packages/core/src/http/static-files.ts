/**
 * A folder served under a path prefix (FastAPI's `StaticFiles`), as middleware so it answers paths no
 * route declares and stays out of the OpenAPI document. Files go out through `resolveFile`: types,
 * validators, 304s, ranges and HEAD as for a `FileResponse`.
 * @example
 * app.use(staticFiles('/static', { root: 'public', index: 'index.html' }));
 *
 * Nothing outside `root` is reachable: a path with a backslash, a NUL, a `.`/`..` segment (plain or
 * percent-encoded), a `%` left after decoding (double encoding) or a symlink whose real path leaves the
 * root answers 404, the same as a missing file, so probing tells nothing.
 */
import { realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Middleware } from '../extensions/middleware.js';
import { NotFound } from './http-error.js';
import { FileResponse, resolveFile } from './file-response.js';
import { HttpResponse } from './http-response.js';

export interface StaticFilesOptions {
  /** The folder to serve; resolved (symlinks included) once, at startup. */
  root: string;
  /** Served for a folder's path, e.g. `index.html`; left out, folders answer 404. */
  index?: string;
  /** Extra headers on every file, e.g. `{ 'cache-control': 'public, max-age=3600' }`. */
  headers?: Record<string, string>;
}

export function staticFiles(prefix: string, options: StaticFilesOptions): Middleware {
  const base = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const root = realpathSync(resolve(options.root));
  const { index, headers } = options;
  const middleware = async (ctx: Parameters<Middleware>[0], next: () => Promise<HttpResponse>): Promise<HttpResponse> => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const rest = ctx.path.slice(base.length);
    const segments = safeSegments(rest);
    if (!segments) throw new NotFound();
    let target = await insideRoot(root, join(root, ...segments));
    if (!target) throw new NotFound();
    const stats = await stat(target);
    if (stats.isDirectory()) {
      if (index === undefined) throw new NotFound();
      // As Starlette: a folder's index is served at the slashed path, so its relative links resolve.
      if (!rest.endsWith('/')) return HttpResponse.redirect(`${ctx.path}/`);
      target = await insideRoot(root, join(target, index));
      if (!target) throw new NotFound();
    }
    return resolveFile(ctx.request, new FileResponse(target, { headers }));
  };
  const when = (request: { url: string }) => {
    const url = request.url;
    return url.startsWith(base) && (url.length === base.length || url[base.length] === '/' || url[base.length] === '?');
  };
  return Object.assign(middleware, { when });
}

/** The decoded segments of `rest`, or null for anything that could step out of the root. */
function safeSegments(rest: string): string[] | null {
  if (rest.includes('\\') || rest.includes('\0')) return null;
  const out: string[] = [];
  for (const raw of rest.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || segment.includes('%') || segment.includes('/') || segment.includes('\\') || segment.includes('\0')) return null;
    out.push(segment);
  }
  return out;
}

/** The real path of `candidate` when it exists inside `root`; undefined otherwise (symlinks out included). */
async function insideRoot(root: string, candidate: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return undefined;
  }
  return real === root || real.startsWith(root + sep) ? real : undefined;
}
