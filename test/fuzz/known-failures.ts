/**
 * Failures the fuzz finds in areas with a fix under way, each excused narrowly (family, kind of problem,
 * adapters, and what the response looks like) so anything else in the same family still fails. Remove an
 * entry when its fix lands; the run prints the entries that excused nothing.
 */
import type { Problem, ProblemKind } from './check-response.js';
import { FAMILIES, type Family } from './mutators.js';
import type { Observation } from './run-fuzz.js';

export interface KnownFailure {
  readonly id: string;
  /** What is wrong and where it is being fixed. */
  readonly reason: string;
  readonly families: readonly Family[];
  readonly kinds: readonly ProblemKind[];
  /** Only on these adapters (every adapter when absent). */
  readonly adapters?: readonly string[];
  /** Only for these apps (both when absent). */
  readonly apps?: readonly string[];
  /** A narrower test on the request and response, when family and kind are not enough. */
  readonly when?: (observation: Observation, problem: Problem) => boolean;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [
  {
    id: 'fastify-client-error-closes-unannounced',
    reason: "Fastify's answer to what node's parser rejects (a 431 for a 16 KB+ request line) does not say "
      + '"Connection: close", then closes: a client that reuses the connection gets ECONNRESET on its next request',
    families: FAMILIES,
    kinds: ['not-alive'],
    adapters: ['fastify'],
    when: (o, problem) => o.result.ok && (statusOf(o) === 400 || statusOf(o) === 431)
      && !/close/i.test(o.result.response.headers.connection ?? '') && /same connection .*ECONNRESET/.test(problem.message),
  },
];

function statusOf(observation: Observation): number | undefined {
  return observation.result.ok ? observation.result.response.status : undefined;
}

function bodyOf(observation: Observation): string {
  return observation.result.ok ? observation.result.response.body.toString('utf8') : '';
}

/** The entry that excuses `problem`, if any. */
export function findKnownFailure(observation: Observation, problem: Problem): KnownFailure | undefined {
  return KNOWN_FAILURES.find((entry) => entry.families.includes(observation.family)
    && entry.kinds.includes(problem.kind)
    && (!entry.adapters || entry.adapters.includes(observation.adapter))
    && (!entry.apps || entry.apps.includes(observation.app))
    && (!entry.when || entry.when(observation, problem)));
}
