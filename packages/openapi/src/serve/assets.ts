/**
 * Docs UI files served from this package's own `vendor/` folder, never from a CDN, so the docs work
 * offline, air-gapped and behind a strict proxy. Only the files the pages load are vendored, each as
 * published with its licence beside it: Swagger UI 5.35.0 (`swagger-ui-dist`, Apache-2.0) and ReDoc 2.5.4's
 * standalone bundle (MIT). Depending on the packages instead would install 12 MB of Swagger UI builds and
 * an install-time telemetry package, and React, mobx and core-js for ReDoc, to serve these few files.
 * Each file is read once and kept in memory.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpResponse } from '@decorumjs/core';

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

/** The vendored files, the same relative place from src/ and dist/. */
const VENDOR = new URL('../../vendor/', import.meta.url);

/**
 * ReDoc 2.x always renders a "by Redocly" logo loaded from cdn.redoc.ly, with no option to turn it off.
 * Pointing it at an empty data URL makes the image fail locally, and ReDoc then drops it.
 */
const REDOC_LOGO_URL = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

const cache = new Map<string, Promise<Uint8Array>>();

/** A Swagger UI file as a response (`file` is one of SWAGGER_UI_FILES). */
export function swaggerUiAsset(file: string): Promise<HttpResponse> {
  return asset(`swagger-ui/${file}`, (bytes) => bytes);
}

/** ReDoc's standalone bundle, with its one external URL removed. */
export function redocBundle(): Promise<HttpResponse> {
  return asset(`redoc/${REDOC_BUNDLE}`, (bytes) => {
    const source = Buffer.from(bytes).toString('utf8');
    return Buffer.from(source.replaceAll(REDOC_LOGO_URL, 'data:,'), 'utf8');
  });
}

async function asset(file: string, prepare: (bytes: Uint8Array) => Uint8Array): Promise<HttpResponse> {
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = readFile(fileURLToPath(new URL(file, VENDOR))).then(prepare);
    cache.set(file, bytes);
    // A failed read is not cached, so a later request can try again.
    bytes.catch(() => cache.delete(file));
  }
  return new HttpResponse(await bytes, { contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
}
