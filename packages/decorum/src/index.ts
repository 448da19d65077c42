/**
 * decorum: the one package an app installs. Everything from @decorum/core, and a `createApp` that
 * serves on node:http unless told otherwise.
 * @example
 * import { Controller, Get, Query, createApp } from 'decorum';
 * @Controller() class HelloController { @Get('hello') hello(@Query('name', { default: 'world' }) name: string) { return { message: `Hello, ${name}!` }; } }
 * export const app = createApp({ controllers: [HelloController] });
 */
import { App, type AppOptions } from '@decorum/core';
import { NodeAdapter } from '@decorum/platform-node';

export * from '@decorum/core';
export { NodeAdapter, type NodeAdapterOptions } from '@decorum/platform-node';

/** An app on node:http by default; pass `adapter` for Fastify, Express or fetch. */
export function createApp(options: AppOptions = {}): App {
  return new App({ ...options, adapter: options.adapter ?? new NodeAdapter() });
}
