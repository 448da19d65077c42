/**
 * @decorumjs/testing: a test client that calls an app in-process (FastAPI's `TestClient`). The adapter
 * contract suite that every platform package runs is at `@decorumjs/testing/contract`.
 */
export { TestClient, createTestClient, type TestClientOptions, type TestRequestOptions } from './test-client.js';
export { TestResponse } from './test-response.js';
export { CookieJar } from './cookie-jar.js';
export type { TestWebSocketRequestOptions } from './test-client.js';
export {
  RECEIVE_TIMEOUT_MS, TestWebSocket, WebSocketRefused, openTestWebSocket, type CloseInfo, type TestWebSocketOptions,
} from './test-websocket.js';
