/**
 * @decorumjs/platform-fetch/node: serve a fetch handler from node:http. A subpath of its own, so the
 * package's main entry stays free of `node:` imports for Workers and other runtimes without them.
 */
export { serveFetch, type FetchServer, type ServeFetchOptions } from './serve-fetch.js';
export { toNodeListener, type NodeListenerOptions } from './to-node-listener.js';
