/**
 * A tiny keep-alive node:http client that sends requests one at a time, each checked for the expected
 * status. One connection, one request in flight: the server does the same work per request every time
 * (one read, one parse, one write), which is what an instruction count per request needs.
 */
import { Agent, request } from 'node:http';
import type { Endpoint } from '../endpoints.js';

const REQUEST_TIMEOUT_MS = 120_000;

export class SequentialClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly baseUrl: string,
    /** Sent as `Origin` on every request when set (cross-origin browser traffic). */
    private readonly origin?: string,
  ) {}

  /** Sends `count` requests to the endpoints in turn (round-robin), one after the other. */
  async send(endpoints: readonly Endpoint[], count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.once(endpoints[i % endpoints.length] as Endpoint);
  }

  private once(endpoint: Endpoint): Promise<void> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = endpoint.body === undefined
        ? {}
        : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(endpoint.body) };
      if (this.origin) headers.origin = this.origin;
      const req = request(this.baseUrl + endpoint.path, { agent: this.agent, method: endpoint.method, headers }, (res) => {
        res.resume();
        res.once('end', () => res.statusCode === endpoint.expected.status
          ? resolve()
          : reject(new Error(`${endpoint.name}: status ${res.statusCode}, expected ${endpoint.expected.status}`)));
        res.once('error', reject);
      });
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`${endpoint.name}: no answer in ${REQUEST_TIMEOUT_MS} ms`)));
      req.once('error', reject);
      req.end(endpoint.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
