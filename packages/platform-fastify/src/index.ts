/** @decorumjs/platform-fastify: Decorum's routes on a Fastify instance, yours or its own. */
export { FastifyAdapter, clientErrorHandler, frameworkErrors, type FastifyAdapterOptions } from './fastify-adapter.js';
