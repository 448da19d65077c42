/** One log line per request (method, url, status, duration, request id), wrapped only when enabled. */
import type { AdapterRequest, AdapterResponse } from '../adapter/adapter.js';
import { requestIdOf } from '../http/request-id.js';
import type { Logger } from '../logger.js';

export function withAccessLog<A extends unknown[]>(
  handle: (req: AdapterRequest, res: AdapterResponse, ...rest: A) => void | Promise<unknown>, logger: Logger,
): (req: AdapterRequest, res: AdapterResponse, ...rest: A) => Promise<void> {
  return async (req, res, ...rest) => {
    const start = performance.now();
    let status = 0;
    const logged: AdapterResponse = {
      get headersSent() { return res.headersSent; },
      raw: res.raw,
      send: (s, headers, body) => {
        status = s;
        return res.send(s, headers, body);
      },
    };
    try {
      await handle(req, logged, ...rest);
    } finally {
      // An accepted WebSocket handshake is answered by the protocol library, never through `send`.
      if (status === 0 && req.upgrade !== undefined) status = 101;
      const ms = (performance.now() - start).toFixed(1);
      const requestId = requestIdOf(req);
      logger.info({ method: req.method, url: req.url, status, ms: Number(ms), ...(requestId && { requestId }) },
        `${req.method} ${req.url} ${status} ${ms}ms`);
    }
  };
}
