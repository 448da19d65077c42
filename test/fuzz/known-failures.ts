/**
 * Failures the fuzz finds in areas with a fix under way, each excused narrowly (family, kind of problem,
 * adapters, and what the response looks like) so anything else in the same family still fails. Remove an
 * entry when its fix lands; the run prints the entries that excused nothing.
 */
import type { Problem, ProblemKind } from './check-response.js';
import type { Family } from './mutators.js';
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

/**
 * None at present. An entry looks like
 * `{ id: 'escape-500', reason: '…', families: ['bad-escape'], kinds: ['status-5xx'], adapters: ['fastify'],
 * when: (o) => o.request.target.includes('%') }`.
 */
export const KNOWN_FAILURES: readonly KnownFailure[] = [];

/** The entry that excuses `problem`, if any. */
export function findKnownFailure(observation: Observation, problem: Problem): KnownFailure | undefined {
  return KNOWN_FAILURES.find((entry) => entry.families.includes(observation.family)
    && entry.kinds.includes(problem.kind)
    && (!entry.adapters || entry.adapters.includes(observation.adapter))
    && (!entry.apps || entry.apps.includes(observation.app))
    && (!entry.when || entry.when(observation, problem)));
}
