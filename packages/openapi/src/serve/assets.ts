/**
 * Docs UI files served from installed files, never from a CDN, so the docs work offline, air-gapped and
 * behind a strict proxy: Swagger UI from the `swagger-ui-dist` package, ReDoc from the one standalone
 * bundle vendored in this package's `vendor/redoc` (the `redoc` package would bring React, mobx and
 * core-js into every install to serve that single file). Each file is read once and kept in memory.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpResponse } from '@decorumjs/core';

const require = createRequire(import.meta.url);

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
};

/** The Swagger UI files its page needs, by the name the page asks for. Anything else is a 404. */
export const SWAGGER_UI_FILES: ReadonlySet<string> = new Set([
  'swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-16x16.png', 'favicon-32x32.png', 'oauth2-redirect.html', 'oauth2-redirect.js',
]);

export const REDOC_BUNDLE = 'redoc.standalone.js';

/** ReDoc 2.5.4's bundle as published (MIT, licence texts beside it); the same relative place from src/ and dist/. */
const REDOC_BUNDLE_PATH = fileURLToPath(new URL(`../../vendor/redoc/${REDOC_BUNDLE}`, import.meta.url));

/**
 * ReDoc 2.x always renders a "by Redocly" logo loaded from cdn.redoc.ly, with no option to turn it off.
 * Pointing it at an empty data URL makes the image fail locally, and ReDoc then drops it.
 */
const REDOC_LOGO_URL = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

const cache = new Map<string, Promise<Uint8Array>>();

/** A Swagger UI file as a response. */
export function swaggerUiAsset(file: string): Promise<HttpResponse> {
  return asset(`swagger-ui-dist/${file}`, () => require.resolve(`swagger-ui-dist/${file}`), (bytes) => bytes);
}

/** ReDoc's standalone bundle, with its one external URL removed. */
export function redocBundle(): Promise<HttpResponse> {
  return asset(REDOC_BUNDLE, () => REDOC_BUNDLE_PATH, (bytes) => {
    const source = Buffer.from(bytes).toString('utf8');
    return Buffer.from(source.replaceAll(REDOC_LOGO_URL, 'data:,'), 'utf8');
  });
}

/** `key` names the file in the cache; `locate` finds it on disk, once. */
async function asset(key: string, locate: () => string, prepare: (bytes: Uint8Array) => Uint8Array): Promise<HttpResponse> {
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = readFile(locate()).then(prepare);
    cache.set(key, bytes);
    // A failed read is not cached, so a later request can try again.
    bytes.catch(() => cache.delete(key));
  }
  return new HttpResponse(await bytes, { contentType: CONTENT_TYPES[extname(key)] ?? 'application/octet-stream' });
}
