/**
 * @decorumjs/testing: a test client that calls an app in-process (FastAPI's `TestClient`). The adapter
 * contract suite that every platform package runs is at `@decorumjs/testing/contract`.
 */
export { TestClient, createTestClient, type TestClientOptions, type TestRequestOptions } from './test-client.js';
export { TestResponse } from './test-response.js';
export { CookieJar } from './cookie-jar.js';
