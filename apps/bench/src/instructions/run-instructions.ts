/**
 * `pnpm bench --instructions`: instructions per request, counted by valgrind's callgrind, for every
 * server and endpoint. Unlike req/s or CPU time, an instruction count does not move when the hypervisor
 * steals the core, so two runs on a noisy machine agree to within a few percent.
 *
 * Per repeat, each server starts fresh under callgrind, is warmed up uncounted with requests sent
 * round-robin to every endpoint (V8 keeps tiering node's HTTP stack up for tens of thousands of
 * requests: after 6000, raw node:http still cost 12% more per request than after 12000), then counting
 * is switched on and each endpoint is counted in turn: zero, N sequential keep-alive requests, dump.
 * That round is done `batches` times and the median batch kept, so that the odd late compilation or
 * major GC that lands in one batch does not decide the figure.
 * The client is this process, not under valgrind, on the other core.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENDPOINTS } from '../endpoints.js';
import { startUnderCallgrind, type CallgrindServer } from '../load/callgrind.js';
import { SequentialClient } from '../load/sequential-client.js';
import type { InstructionOptions } from '../options.js';
import { median } from '../report/stats.js';
import type { ServerEntry } from '../servers/registry.js';

export interface InstructionResults {
  readonly servers: readonly ServerEntry[];
  readonly endpoints: readonly string[];
  readonly settings: InstructionOptions;
  /** server id → endpoint name → instructions per request, one per repeat. */
  readonly perRequest: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
}

function rotate<T>(list: readonly T[], by: number): T[] {
  return list.map((_, i) => list[(i + by) % list.length] as T);
}

export async function countInstructions(servers: readonly ServerEntry[], settings: InstructionOptions,
  serverCore: number): Promise<InstructionResults> {
  const perRequest = new Map(servers.map((s) => [s.id, new Map(ENDPOINTS.map((e) => [e.name, [] as number[]]))]));
  const kept = settings.keepProfiles;
  if (kept) mkdirSync(kept, { recursive: true });
  const outDir = kept ?? mkdtempSync(join(tmpdir(), 'decorum-bench-callgrind-'));
  const began = performance.now();
  const elapsed = () => `${((performance.now() - began) / 60_000).toFixed(1)} min`;
  try {
    for (let repeat = 1; repeat <= settings.repeats; repeat++) {
      for (const server of rotate(servers, repeat - 1)) {
        let proc: CallgrindServer | undefined;
        const client = { current: undefined as SequentialClient | undefined };
        try {
          proc = await startUnderCallgrind(server.id, serverCore, outDir);
          client.current = new SequentialClient(proc.url, settings.origin);
          await client.current.send(ENDPOINTS, settings.warmupRequests);
          await proc.instrument();
          const batches = new Map(ENDPOINTS.map((e) => [e.name, [] as number[]]));
          for (let batch = 1; batch <= settings.batches; batch++) {
            for (const endpoint of ENDPOINTS) {
              await proc.zero();
              await client.current.send([endpoint], settings.requests);
              const each = (await proc.dump()) / settings.requests;
              batches.get(endpoint.name)?.push(each);
              process.stdout.write(`  repeat ${repeat} batch ${batch} ${endpoint.name.padEnd(18)} ${server.label.padEnd(38)} ` +
                `${Math.round(each).toLocaleString('en-US')} instructions/request  (${elapsed()})\n`);
            }
          }
          for (const [name, counts] of batches) perRequest.get(server.id)?.get(name)?.push(median(counts));
        } finally {
          client.current?.close();
          await proc?.stop();
        }
      }
    }
  } finally {
    if (kept) console.log(`callgrind dumps kept in ${kept} (one per server and endpoint, in the order counted)`);
    else rmSync(outDir, { recursive: true, force: true });
  }
  return { servers, endpoints: ENDPOINTS.map((e) => e.name), settings, perRequest };
}
