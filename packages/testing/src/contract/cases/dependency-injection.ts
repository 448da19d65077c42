/**
 * Dependency injection across adapters: request-scoped providers, per-request caching, and cleanup
 * after the response (also when the handler fails or the client goes away). Cases land with DI.
 */
import { describe } from 'vitest';
import type { RequestTarget } from '../serve.js';

export function dependencyInjectionCases(_fetch: RequestTarget): void {
  describe.todo('dependency injection: scopes and cleanup (added when DI lands)');
}
