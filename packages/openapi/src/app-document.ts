/**
 * The document of one app. The docs plugin records its build options here when it registers, so the
 * served `/openapi.json` and `decorum openapi` (which builds without serving) produce the same document.
 */
import type { App } from '@decorumjs/core';
import { buildOpenApi, type BuildOpenApiOptions } from './build-openapi.js';
import type { OpenApiDocument } from './openapi-types.js';

const optionsByApp = new WeakMap<App, BuildOpenApiOptions>();

/** Sets the build options `openApiDocument(app)` uses; called by the `openApi()` plugin. */
export function setOpenApiOptions(app: App, options: BuildOpenApiOptions): void {
  optionsByApp.set(app, options);
}

/**
 * The OpenAPI 3.1 document of an app, built from its route table without starting it (no port, no
 * startup hooks).
 * @example
 * import { openApiDocument } from '@decorumjs/decorum';
 * import { app } from './main.js';
 * console.log(JSON.stringify(openApiDocument(app), null, 2));
 */
export function openApiDocument(app: App): OpenApiDocument {
  // The app's own validation status wins, so the documented 422 (or 400) is the one really sent.
  return buildOpenApi(app.routes, app.info, { ...optionsByApp.get(app), validationStatus: app.validation.status });
}
