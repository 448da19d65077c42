/**
 * Says whether a run can be trusted. On a shared two-core machine other work lands on our cores, so a
 * run is judged by its own evidence: rounds of one server that disagree, the raw node:http baseline
 * disagreeing with itself, CPU stolen by the hypervisor or used by other processes on the server core,
 * a server core left idle (the load generator was the bottleneck), and failed requests.
 */
import type { BenchResults } from './results.js';
import { spread } from './stats.js';

export const LIMITS = {
  /** Rounds of one server on one endpoint: (max − min) / median. */
  spread: 0.10,
  /** The same, for the baseline every ratio divides by. */
  baselineSpread: 0.05,
  /** Share of a round stolen from either core by the hypervisor. */
  steal: 0.05,
  /** Share of the server core used by other processes. */
  foreign: 0.10,
  /** Share of the server core left idle. */
  idle: 0.10,
} as const;

export interface NoiseVerdict {
  readonly trustworthy: boolean;
  readonly reasons: readonly string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function judgeNoise(results: BenchResults): NoiseVerdict {
  const reasons: string[] = [];
  for (const server of results.servers) {
    for (const [endpoint, rounds] of server.rounds) {
      const rps = rounds.map((r) => r.load.rps);
      const limit = server.id === results.baseline ? LIMITS.baselineSpread : LIMITS.spread;
      const s = spread(rps);
      if (s > limit) {
        reasons.push(`${server.label}, ${endpoint}: rounds spread ${pct(s)} (limit ${pct(limit)}): ` +
          rps.map((x) => Math.round(x)).join(' / '));
      }
      for (const { round, load, cpu } of rounds) {
        const where = `${server.label}, ${endpoint}, round ${round}`;
        if (load.errors > 0) reasons.push(`${where}: ${load.errors} failed requests`);
        const maxSteal = Math.max(0, ...cpu.steal);
        if (maxSteal > LIMITS.steal) reasons.push(`${where}: ${pct(maxSteal)} of a core stolen by the hypervisor`);
        if (cpu.foreignOnServerCore > LIMITS.foreign) reasons.push(`${where}: other processes used ${pct(cpu.foreignOnServerCore)} of the server core`);
        if (cpu.idleOnServerCore > LIMITS.idle) reasons.push(`${where}: server core ${pct(cpu.idleOnServerCore)} idle (load generator saturated?)`);
      }
    }
  }
  return { trustworthy: reasons.length === 0, reasons };
}
