/**
 * decorum: the one package an app installs. Everything from @decorumjs/core and @decorumjs/openapi, and a
 * `createApp` that serves on node:http with its API docs unless told otherwise, and the built-in
 * middleware of @decorumjs/middleware and the security schemes,
 * JWT and password helpers of @decorumjs/security.
 * @example
 * import { Controller, Get, Query, createApp } from '@decorumjs/decorum';
 * @Controller() class HelloController { @Get('hello') hello(@Query('name', { default: 'world' }) name: string) { return { message: `Hello, ${name}!` }; } }
 * export const app = createApp({ controllers: [HelloController] });
 * // GET /hello, GET /openapi.json, GET /docs (Swagger UI), GET /redoc (ReDoc)
 */
import { App, type AppOptions } from '@decorumjs/core';
import { openApi, type OpenApiPluginOptions } from '@decorumjs/openapi';
import { NodeAdapter } from '@decorumjs/platform-node';

export * from '@decorumjs/core';
export * from '@decorumjs/openapi';
export * from '@decorumjs/middleware';
export * from '@decorumjs/security';
export { NodeAdapter, type NodeAdapterOptions } from '@decorumjs/platform-node';

export interface DecorumAppOptions extends AppOptions {
  /**
   * The API docs, served by default as FastAPI does: `/openapi.json`, Swagger UI at `/docs` and ReDoc at
   * `/redoc`, all offline. Move or switch off each one (`{ redocUrl: null }`), or pass `false` to serve
   * none of them; `openApiDocument(app)` (and `decorum openapi`) still builds the document.
   * @example
   * createApp({ controllers, openapi: { docsUrl: '/api-docs', redocUrl: null } });
   * createApp({ controllers, openapi: false });
   */
  openapi?: OpenApiPluginOptions | false;
}

/** An app on node:http by default (pass `adapter` for Fastify, Express or fetch), with its API docs. */
export function createApp(options: DecorumAppOptions = {}): App {
  const { openapi, ...appOptions } = options;
  // The documented 422 follows the status validation errors are really sent with.
  const docs = openApi({ validationStatus: options.validation?.status, ...(openapi === false ? { openapiUrl: null } : openapi) });
  return new App({
    ...appOptions,
    adapter: appOptions.adapter ?? new NodeAdapter(),
    plugins: [...(appOptions.plugins ?? []), docs],
  });
}
