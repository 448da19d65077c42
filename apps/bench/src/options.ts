/**
 * Command-line options: `--quick` for a short smoke run, `--instructions` for instruction counts under
 * callgrind instead of wall-clock load, `--startup` for production start-up and memory, `--websocket`
 * for WebSocket echo round trips and idle sockets; the rest override one setting each.
 */
import type { WebSocketBenchOptions } from './websocket/run-websocket.js';

export interface BenchOptions {
  readonly quick: boolean;
  readonly rounds: number;
  /** Seconds of load per endpoint, per server, per round. */
  readonly seconds: number;
  /** Seconds of unmeasured load per endpoint and server before the first round. */
  readonly warmupSeconds: number;
  readonly connections: number;
  /** How many times each server is started to time its start-up. */
  readonly startups: number;
  /** Server ids to run (all by default); the baseline is always included. */
  readonly only: readonly string[] | undefined;
  /** Write the table into README.md (full runs only, unless forced). */
  readonly writeReadme: boolean;
  /** `--instructions`: count instructions per request under callgrind instead of timing under load. */
  readonly instructions: InstructionOptions | undefined;
  /** `--startup`: time production start-up and RSS (the quickstart under `decorum start`) instead. */
  readonly startup: { readonly runs: number } | undefined;
  /** `--websocket`: WebSocket echo round trips, idle sockets' memory and instructions per echo instead. */
  readonly websocket: WebSocketBenchOptions | undefined;
}

export interface InstructionOptions {
  /** Requests sent before counting, per server process, spread round-robin over the endpoints. */
  readonly warmupRequests: number;
  /** Requests counted per endpoint. */
  readonly requests: number;
  /**
   * Counted batches of `requests` per endpoint and process, taken round-robin over the endpoints; a
   * process's figure is the median batch, so one late JIT compilation cannot decide it.
   */
  readonly batches: number;
  /** Fresh server processes per server; each counts every endpoint `batches` times. */
  readonly repeats: number;
  /** `--origin URL`: every counted request carries this `Origin`, as a browser's cross-origin requests do. */
  readonly origin: string | undefined;
  /** `--keep-profiles DIR`: keep callgrind's dumps there, one per server and endpoint, for callgrind_annotate. */
  readonly keepProfiles: string | undefined;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    const parsed = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} needs a positive number, got ${raw}`);
    return parsed;
  };
  const quick = flag('quick');
  const instructions = flag('instructions')
    ? {
        warmupRequests: number('warmup-requests', quick ? 6000 : 30000),
        requests: number('requests', quick ? 300 : 2000),
        batches: number('batches', quick ? 3 : 5),
        repeats: number('repeats', quick ? 1 : 2),
        origin: value('origin'),
        keepProfiles: value('keep-profiles'),
      }
    : undefined;
  return {
    quick,
    rounds: number('rounds', quick ? 2 : 3),
    seconds: number('seconds', quick ? 2 : 5),
    warmupSeconds: number('warmup', quick ? 1 : 2),
    connections: number('connections', 50),
    startups: number('startups', quick ? 1 : 3),
    only: value('only')?.split(','),
    writeReadme: flag('write-readme') || (!quick && !flag('no-readme')),
    instructions,
    startup: flag('startup') ? { runs: number('runs', quick ? 3 : 10) } : undefined,
    websocket: flag('websocket')
      ? {
          connections: number('connections', 50),
          seconds: number('seconds', quick ? 2 : 5),
          rounds: number('rounds', quick ? 1 : 3),
          idle: number('idle', quick ? 1000 : 10000),
          warmupEchoes: number('warmup-echoes', quick ? 3000 : 20000),
          countedEchoes: number('echoes', quick ? 300 : 2000),
          batches: number('batches', quick ? 2 : 3),
          quick,
        }
      : undefined,
  };
}
