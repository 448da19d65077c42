/**
 * The example apps, each served on every adapter over a real socket. The app object is the one the
 * example builds; only the server under it changes, exactly as `app.listen` mounts it.
 */
import { NodeAdapter, openApiDocument, type App, type HttpAdapter } from '@decorumjs/decorum';
import { ExpressAdapter } from '@decorumjs/platform-express';
import { FastifyAdapter } from '@decorumjs/platform-fastify';
import { FetchAdapter } from '@decorumjs/platform-fetch';
import { fetchOverNodeHttp } from '@decorumjs/testing/contract';
import { createInventoryApp } from '../../apps/inventory/src/main.js';
import { app as quickstartApp } from '../../apps/quickstart/src/main.js';
import type { AppHeaders } from './fuzz-request.js';
import type { OpenApiLike } from './operations.js';

export const ADAPTERS: ReadonlyArray<{ readonly name: string; create(): HttpAdapter }> = [
  { name: 'node', create: () => new NodeAdapter() },
  { name: 'fastify', create: () => new FastifyAdapter() },
  { name: 'express', create: () => new ExpressAdapter() },
  { name: 'fetch', create: () => fetchOverNodeHttp(new FetchAdapter()) },
];

export interface ExampleApp {
  readonly name: string;
  create(): App;
  /** What a real client of the app sends on every request (the inventory's write token). */
  readonly headers: AppHeaders;
}

export const EXAMPLE_APPS: readonly ExampleApp[] = [
  { name: 'quickstart', create: () => quickstartApp, headers: [] },
  { name: 'inventory', create: () => createInventoryApp(), headers: [['x-token', 'secret-token']] },
];

export interface Running {
  readonly port: number;
  readonly document: OpenApiLike;
  close(): Promise<void>;
}

export async function serveExample(example: ExampleApp, adapter: HttpAdapter): Promise<Running> {
  const app = example.create();
  const document = openApiDocument(app) as OpenApiLike;
  await app.init();
  adapter.mount(app.mountTable());
  const address = await adapter.listen(0, '127.0.0.1');
  return { port: address.port, document, close: () => adapter.close(500) };
}
