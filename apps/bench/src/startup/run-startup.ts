/**
 * `bench --startup`: how long the quickstart takes from spawn to its first answer under
 * `decorum start`, and what it holds in memory then, beside Fastify with the same routes and raw
 * node:http. Servers start one at a time, pinned to one core, interleaved (A B C, B C A, …) so a
 * noisy moment hurts each alike; medians over the runs, and ratios to Fastify.
 */
import { describeMachine } from '../report/machine.js';
import { median } from '../report/stats.js';
import { buildQuickstart, DECORUM_START, STARTUP_BASELINE, STARTUP_SERVERS, type StartupServer } from './startup-servers.js';
import { timeStartup, type StartupSample } from './time-startup.js';

export interface StartupOptions {
  readonly runs: number;
  readonly core: number;
}

/** The targets for a production start of the quickstart, against Fastify's. */
export const TARGETS = { startup: 1.2, rss: 1.1 } as const;

export async function runStartup({ runs, core }: StartupOptions): Promise<string> {
  buildQuickstart();
  // The harness's own first fetch sets up its HTTP client; do that before any clock runs.
  await fetch('http://127.0.0.1:9/').catch(() => undefined);
  const samples = new Map<string, StartupSample[]>(STARTUP_SERVERS.map((s) => [s.id, []]));
  for (let run = 0; run < runs; run++) {
    for (const server of rotate(STARTUP_SERVERS, run)) {
      const sample = await timeStartup(server, core);
      samples.get(server.id)?.push(sample);
      process.stdout.write(`  run ${run + 1} ${server.label.padEnd(44)} ${sample.ms.toFixed(0)} ms  ${sample.cpuMs.toFixed(0)} ms CPU  ${mib(sample.rssBytes)} MiB\n`);
    }
  }
  const header = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${describeMachine()}. ` +
    `Spawn to the first 200 from GET /hello, the server's CPU time until then, and VmRSS then; ${runs} interleaved starts per server, ` +
    `pinned to one core; medians (min–max).`;
  return `${header}\n\n${renderStartupTable(samples)}`;
}

function renderStartupTable(samples: ReadonlyMap<string, readonly StartupSample[]>): string {
  const ms = (id: string) => median((samples.get(id) ?? []).map((s) => s.ms));
  const cpu = (id: string) => median((samples.get(id) ?? []).map((s) => s.cpuMs));
  const rss = (id: string) => median((samples.get(id) ?? []).map((s) => s.rssBytes));
  const rows = STARTUP_SERVERS.map((server: StartupServer) => {
    const list = samples.get(server.id) ?? [];
    const times = list.map((s) => s.ms);
    return `| ${server.label} | ${ms(server.id).toFixed(0)} ms (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}) | ` +
      `${(ms(server.id) / ms(STARTUP_BASELINE)).toFixed(2)} | ${cpu(server.id).toFixed(0)} ms | ${(cpu(server.id) / cpu(STARTUP_BASELINE)).toFixed(2)} | ` +
      `${mib(rss(server.id))} MiB | ${(rss(server.id) / rss(STARTUP_BASELINE)).toFixed(2)} |`;
  });
  const startup = ms(DECORUM_START) / ms(STARTUP_BASELINE);
  const startupCpu = cpu(DECORUM_START) / cpu(STARTUP_BASELINE);
  const memory = rss(DECORUM_START) / rss(STARTUP_BASELINE);
  const verdict = (ratio: number, target: number) => (ratio <= target ? 'yes' : `**no**: ${((ratio / target - 1) * 100).toFixed(0)}% over`);
  return [
    '| server | start-up | × Fastify | CPU until ready | × Fastify | RSS when ready | × Fastify |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    '| target | measured | met? |',
    '| --- | ---: | --- |',
    `| \`decorum start\` start-up ≤ ${TARGETS.startup}× Fastify's | ${startup.toFixed(2)} | ${verdict(startup, TARGETS.startup)} |`,
    `| the same in CPU time (steadier on a shared machine) | ${startupCpu.toFixed(2)} | ${verdict(startupCpu, TARGETS.startup)} |`,
    `| \`decorum start\` RSS when ready ≤ ${TARGETS.rss}× Fastify's | ${memory.toFixed(2)} | ${verdict(memory, TARGETS.rss)} |`,
    '',
  ].join('\n');
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function rotate<T>(list: readonly T[], by: number): T[] {
  return list.map((_, i) => list[(i + by) % list.length] as T);
}
