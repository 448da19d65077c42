/**
 * Before any load: every server must give the expected status and JSON body for every endpoint (so all
 * of them do the same work), and must refuse each endpoint's malformed variant with a 4xx (so the
 * validating ones really validate). Error bodies differ by design and are not compared.
 */
import { isDeepStrictEqual } from 'node:util';
import { ENDPOINTS, type Endpoint } from './endpoints.js';

export interface ServerUnderCheck {
  readonly label: string;
  readonly url: string;
}

async function call(base: string, endpoint: Endpoint, path: string, body: string | undefined) {
  const res = await fetch(base + path, {
    method: endpoint.method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(5_000),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

/** Returns one line per mismatch; an empty list means every server answered exactly as expected. */
export async function checkResponses(servers: readonly ServerUnderCheck[]): Promise<string[]> {
  const problems: string[] = [];
  for (const server of servers) {
    for (const endpoint of ENDPOINTS) {
      const got = await call(server.url, endpoint, endpoint.path, endpoint.body);
      const { expected } = endpoint;
      if (got.status !== expected.status || !isDeepStrictEqual(got.json, expected.body)) {
        problems.push(`${server.label}, ${endpoint.name}: expected ${expected.status} ${JSON.stringify(expected.body)}, ` +
          `got ${got.status} ${JSON.stringify(got.json)}`);
      }
      if (endpoint.invalid) {
        const refused = await call(server.url, endpoint, endpoint.invalid.path, endpoint.invalid.body);
        if (refused.status < 400 || refused.status >= 500) {
          problems.push(`${server.label}, ${endpoint.name} (malformed): expected a 4xx, got ${refused.status}`);
        }
      }
    }
  }
  return problems;
}
