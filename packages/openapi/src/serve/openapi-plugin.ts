/**
 * The docs plugin: serves the app's OpenAPI document and two UIs for it, all from this server.
 * `@decorumjs/decorum`'s `createApp` adds it by default, as FastAPI serves `/docs` and `/redoc` by default.
 */
import type { App, Plugin } from '@decorumjs/core';
import { openApiDocument, setOpenApiOptions } from '../app-document.js';
import type { BuildOpenApiOptions } from '../build-openapi.js';
import { openApiJsonController, redocController, swaggerUiController } from './docs-controllers.js';
import { joinUrl } from './pages.js';

/** A URL, or `null`/`false` to switch that endpoint off. */
type Endpoint = string | null | false;

export interface OpenApiPluginOptions extends BuildOpenApiOptions {
  /** The document (`/openapi.json`). Switching it off switches off both UIs, which load it. */
  openapiUrl?: Endpoint;
  /** Swagger UI (`/docs`), with "Try it out" and "Authorize". */
  docsUrl?: Endpoint;
  /** ReDoc (`/redoc`), a three-panel reference. */
  redocUrl?: Endpoint;
  /** Extra Swagger UI configuration, JSON values only (`{ docExpansion: 'none', persistAuthorization: true }`). */
  swaggerUiParameters?: Readonly<Record<string, unknown>>;
}

/**
 * Serves `/openapi.json`, Swagger UI at `/docs` and ReDoc at `/redoc`, with every file coming from
 * installed packages: the pages make no request to another host. The docs routes are not in the document.
 * @example
 * const app = new App({ adapter, controllers, plugins: [openApi({ redocUrl: null })] });
 * @example
 * // With `@decorumjs/decorum`'s createApp, configure it through the `openapi` option instead:
 * createApp({ controllers, openapi: { docsUrl: '/api-docs' } });
 */
export function openApi(options: OpenApiPluginOptions = {}): Plugin {
  return {
    name: 'decorum-openapi',
    register(app: App): void {
      const { openapiUrl = '/openapi.json', docsUrl = '/docs', redocUrl = '/redoc', swaggerUiParameters, ...build } = options;
      setOpenApiOptions(app, build);
      if (!openapiUrl) return;
      let json: string | undefined;
      // Built on the first request, when every controller has been included, then kept.
      app.include(openApiJsonController(openapiUrl, () => (json ??= JSON.stringify(openApiDocument(app)))));
      const title = app.info.title ?? 'Decorum';
      if (docsUrl) app.include(swaggerUiController({ title, docsUrl, openapiUrl, parameters: swaggerUiParameters }));
      if (redocUrl) {
        const faviconUrl = docsUrl ? joinUrl(docsUrl, 'favicon-32x32.png') : undefined;
        app.include(redocController({ title, redocUrl, openapiUrl, faviconUrl }));
      }
    },
  };
}
