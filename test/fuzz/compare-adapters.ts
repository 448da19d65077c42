/**
 * The same case (same seed, same index: the same bytes but for the port) goes to every adapter, so their
 * answers can be compared: an app must answer alike on node, Fastify, Express and fetch. Node's answer,
 * the default adapter's, is the reference each other adapter is held to.
 */
import type { Problem } from './check-response.js';
import type { Observation } from './run-fuzz.js';

const KEPT_BYTES = 1500;

export class AdapterAnswers {
  readonly #byCase = new Map<string, Map<string, Observation>>();

  /** Keeps a slim copy: the start of the request is enough to show, the case regenerates the rest. */
  record(observation: Observation): void {
    const key = `${observation.app}#${observation.caseIndex}`;
    let byAdapter = this.#byCase.get(key);
    if (!byAdapter) this.#byCase.set(key, (byAdapter = new Map()));
    const { request } = observation;
    byAdapter.set(observation.adapter, {
      ...observation,
      bytes: Buffer.from(observation.bytes.subarray(0, KEPT_BYTES)),
      request: { ...request, body: request.body && Buffer.from(request.body.subarray(0, KEPT_BYTES)) },
    });
  }

  /**
   * Each case of `app` where an adapter's status differs from the reference adapter's, as a problem of that
   * adapter. Once a write succeeded on one and not the other, their stores differ (the inventory's items), so
   * from then on a read that finds an item on one and not on the other is the state, not the adapter.
   */
  disagreements(app: string, reference = 'node'): Array<{ observation: Observation; problem: Problem }> {
    const found: Array<{ observation: Observation; problem: Problem }> = [];
    const diverged = new Set<string>();
    const cases = [...this.#byCase.values()]
      .filter((byAdapter) => byAdapter.get(reference)?.app === app)
      .sort((a, b) => (a.get(reference)?.caseIndex ?? 0) - (b.get(reference)?.caseIndex ?? 0));
    for (const byAdapter of cases) {
      const base = byAdapter.get(reference) as Observation;
      const expected = statusOf(base);
      const summary = [...byAdapter].map(([adapter, o]) => `${adapter} ${statusOf(o)}`).join(', ');
      for (const [adapter, observation] of byAdapter) {
        if (adapter === reference || statusOf(observation) === expected) continue;
        if (isWrite(base) && succeeded(base) !== succeeded(observation)) diverged.add(adapter);
        else if (diverged.has(adapter) && isFoundOrNot(base) && isFoundOrNot(observation)) continue;
        found.push({ observation, problem: { kind: 'adapters-disagree', message: `${adapter} answered ${statusOf(observation)} where ${reference} answered ${expected} (${summary})` } });
      }
    }
    return found;
  }
}

function isWrite(observation: Observation): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(observation.request.method);
}

function succeeded(observation: Observation): boolean {
  return observation.result.ok && observation.result.response.status < 300;
}

/** A read that found something (2xx) or found nothing (404). */
function isFoundOrNot(observation: Observation): boolean {
  const status = observation.result.ok ? observation.result.response.status : 0;
  return observation.request.method === 'GET' && ((status >= 200 && status < 300) || status === 404);
}

function statusOf(observation: Observation): string {
  return observation.result.ok ? String(observation.result.response.status) : 'no response';
}
