/** @decorumjs/platform-fastify: Decorum's routes on a Fastify instance, yours or its own. */
export { FastifyAdapter, frameworkErrors, type FastifyAdapterOptions } from './fastify-adapter.js';
