/** @decorum/platform-node: the default adapter, on node:http. */
export { NodeAdapter, type NodeAdapterOptions } from './node-adapter.js';
