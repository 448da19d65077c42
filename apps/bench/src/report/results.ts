/** What one bench run measured, as the noise check and the table read it. */
import type { CpuReport } from '../load/cpu-usage.js';
import type { LoadResult } from '../load/wrk.js';

export interface RoundSample {
  readonly round: number;
  readonly load: LoadResult;
  readonly cpu: CpuReport;
}

export interface ServerResult {
  readonly id: string;
  readonly label: string;
  readonly startupMs: readonly number[];
  readonly peakRssBytes: number;
  /** Endpoint name → one sample per round. */
  readonly rounds: ReadonlyMap<string, readonly RoundSample[]>;
}

export interface BenchResults {
  readonly servers: readonly ServerResult[];
  readonly endpoints: readonly string[];
  readonly baseline: string;
  readonly settings: { readonly rounds: number; readonly seconds: number; readonly connections: number; readonly quick: boolean };
}
