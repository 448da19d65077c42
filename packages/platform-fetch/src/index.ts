/** @decorumjs/platform-fetch: Decorum as a web-standard `fetch(Request) → Response` handler. No node:http. */
export { FetchAdapter, toFetchHandler, type ConnectionInfo, type FetchHandler } from './fetch-adapter.js';
