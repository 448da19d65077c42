/**
 * The adapter contract suite (Hono's `common.case.test.ts` pattern): every platform package runs all of
 * it against its adapter, so a Decorum app answers the same on node:http, Fastify, Express and fetch.
 * @example
 * // packages/platform-fastify/src/fastify.contract.test.ts
 * import { runAdapterContract } from '@decorumjs/testing/contract';
 * runAdapterContract({ name: 'fastify', createAdapter: (limits) => new FastifyAdapter(limits) });
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { HttpAdapter, ServerLimits } from '@decorumjs/core';
import { dependencyInjectionCases } from './cases/dependency-injection.js';
import { errorCases } from './cases/errors.js';
import { fileCases } from './cases/files.js';
import { formCases } from './cases/forms.js';
import { jsonDepthCases, transportCases } from './cases/limits.js';
import { paramCases } from './cases/params.js';
import { protocolErrorCases } from './cases/protocol-errors.js';
import { protocolCases } from './cases/protocol.js';
import { quickstartCases } from './cases/quickstart.js';
import { responseCases } from './cases/responses.js';
import { routingCases } from './cases/routing.js';
import { securityCases } from './cases/security.js';
import { streamingCases } from './cases/streaming.js';
import { backgroundCases } from './cases/background.js';
import { wireCases } from './cases/wire.js';
import { webSocketCases } from './cases/websocket.js';
import { CONTRACT_JWT_SECRET } from './security-controller.js';
import { signJwt } from '@decorumjs/security';
import { serveInProcess, serveOverSocket, type ContractAppOptions, type RequestTarget, type ServedApp } from './serve.js';

export interface AdapterContractOptions<A extends HttpAdapter> {
  /** Names the suite: `adapter contract: <name>`. */
  name: string;
  /** A new adapter for the suite's app; with `limits`, one whose server applies them. */
  createAdapter: (limits?: ServerLimits) => A;
  /**
   * Runs the cases about the adapter's own server (lingering close, 431, `Expect: 100-continue`,
   * timeouts) over a bare socket. True by default when served over a socket; false for an adapter served
   * through a server it does not own (the fetch adapter behind a bridge).
   */
  transport?: boolean;
  /**
   * Calls the app in-process through this handler instead of over a socket from `app.listen(0)`
   * (for adapters without a server of their own: `(adapter) => adapter.fetch`).
   */
  inProcess?: (adapter: A) => (request: Request) => Promise<Response>;
  /** Runs the WebSocket cases (true by default); false for an adapter that cannot serve WebSockets (fetch). */
  websocket?: boolean;
}

export function runAdapterContract<A extends HttpAdapter>(options: AdapterContractOptions<A>): void {
  describe(`adapter contract: ${options.name}`, () => {
    let served: ServedApp | undefined;
    const fetch: RequestTarget = (path, init) => {
      if (!served) throw new Error('the contract app is not running');
      return served.fetch(path, init);
    };

    /** The contract app on a new adapter, with `app` options of the case's own. */
    const launch = (appOptions?: ContractAppOptions): Promise<ServedApp> => {
      const adapter = options.createAdapter();
      return options.inProcess ? serveInProcess(adapter, options.inProcess, appOptions) : serveOverSocket(adapter, appOptions);
    };

    beforeAll(async () => {
      served = await launch();
    });
    afterAll(() => served?.close());

    quickstartCases(fetch);
    paramCases(fetch);
    responseCases(fetch);
    errorCases(fetch);
    protocolCases(fetch);
    jsonDepthCases(fetch);
    protocolErrorCases(fetch);
    dependencyInjectionCases(fetch);
    securityCases(fetch, () => signJwt({ sub: 'contract', scope: 'read' }, CONTRACT_JWT_SECRET, { expiresIn: '5m' }));
    formCases(fetch);
    streamingCases(fetch, launch);
    backgroundCases(launch);
    fileCases(launch, !options.inProcess);
    routingCases(fetch, () => served?.origin, launch);
    // Raw bytes on a socket: only where there is one.
    if (!options.inProcess) {
      wireCases(() => {
        if (!served?.origin) throw new Error('the contract app is not listening');
        return served.origin;
      });
    }
    if (!options.inProcess && options.websocket !== false) webSocketCases(launch);
    if (!options.inProcess && options.transport !== false) {
      transportCases({
        url: () => {
          if (!served?.origin) throw new Error('the contract app is not running');
          return served.origin;
        },
        serveWith: (limits, logger) => serveOverSocket(options.createAdapter(limits), { logger }),
      });
    }
  });
}

export { fetchOverNodeHttp } from './fetch-over-node.js';
export { CONTRACT_CONTROLLERS } from './controllers.js';
