/**
 * A failing case as a reader needs it: where (app, adapter, family), how to run it again (seed and case
 * index), the exact request bytes (long ones cut, with their length), what came back and what is wrong.
 */
import type { Problem } from './check-response.js';
import type { Observation } from './run-fuzz.js';

const MAX_SHOWN = 1500;

/** `acrossAdapters` when the failure is a comparison, so the rerun must run the app on every adapter. */
export function formatFailure(observation: Observation, problems: readonly Problem[], acrossAdapters = false): string {
  const { app, adapter, family, seed, caseIndex, bytes, size, result } = observation;
  const shown = bytes.subarray(0, MAX_SHOWN).toString('latin1');
  const cut = size > MAX_SHOWN ? ` …(${size - MAX_SHOWN} more bytes; the case regenerates them exactly)` : '';
  const response = result.ok
    ? `${result.response.status} ${JSON.stringify(result.response.headers['content-type'] ?? '')} ${JSON.stringify(result.response.body.toString('utf8').slice(0, 400))}`
    : `none: ${result.error}`;
  return [
    `✖ ${app} on ${adapter}, family ${family}, seed ${seed}, case ${caseIndex}`,
    `  reproduce: DECORUM_FUZZ_SEED=${seed} DECORUM_FUZZ_CASE=${caseIndex} npx vitest run test/fuzz/fuzz.test.ts -t "${acrossAdapters ? app : `${app} on ${adapter}`}"`,
    `  request (${size} bytes${observation.sameConnection ? ', the connection kept open for a normal request next' : ''}): ${JSON.stringify(shown)}${cut}`,
    `  response: ${response}`,
    ...problems.map((p) => `  problem (${p.kind}): ${p.message}`),
  ].join('\n');
}
