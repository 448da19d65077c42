/** @decorumjs/platform-node: the default adapter, on node:http. */
export { NodeAdapter, type NodeAdapterOptions } from './node-adapter.js';
// For adapters on node:http frameworks (Express) that hand Decorum node's own request and response.
export { NodeRequest, streamNodeBody } from './node-request.js';
export { NodeResponse } from './node-response.js';
export { disconnectSignal } from './disconnect-signal.js';
export { closeGracefully, createLimitedServer, listenOn, type NodeServerOptions } from './node-server.js';
// For node:http servers Decorum does not create (a Fastify instance's own): the same JSON answers and clean close.
export { answerClientError } from './answer-client-error.js';
// For adapters whose framework reads bodies itself (Fastify): the same bounded discard after the answer.
export { discardUnread, hasBody } from './discard-body.js';
// For adapters on a node:http server (Fastify, Express): WebSocket routes through the same `ws` upgrade.
export { attachWebSocketUpgrades, destroyUpgradedSockets } from './websocket-upgrades.js';
export { SocketResponse } from './socket-response.js';
