/** The results as Markdown: throughput with ratios to the baseline, latency, start-up and memory. */
import type { BenchResults, ServerResult } from './results.js';
import { median } from './stats.js';

const kReq = (rps: number) => (Number.isFinite(rps) ? `${(rps / 1000).toFixed(1)}k` : '—');
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) : '—');
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : '—');

export function medianRps(server: ServerResult, endpoint: string): number {
  return median((server.rounds.get(endpoint) ?? []).map((r) => r.load.rps));
}

function medianLatency(server: ServerResult, endpoint: string, key: 'p50Ms' | 'p99Ms'): number {
  return median((server.rounds.get(endpoint) ?? []).map((r) => r.load[key]));
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Server CPU time per request, in µs: unlike req/s, it barely moves when neighbours take the core. */
export function medianCpuPerRequest(server: ServerResult, endpoint: string): number {
  return median((server.rounds.get(endpoint) ?? []).map((r) => (r.cpu.serverSeconds * 1e6) / r.load.requests));
}

export function renderTables(results: BenchResults): string {
  const baseline = results.servers.find((s) => s.id === results.baseline);
  const throughput = [
    row(['server', ...results.endpoints.map((e) => `${e} req/s (× raw)`), 'start-up', 'peak RSS']),
    row(['---', ...results.endpoints.map(() => '---:'), '---:', '---:']),
    ...results.servers.map((server) => row([
      server.label,
      ...results.endpoints.map((e) => {
        const rps = medianRps(server, e);
        const ratio = baseline ? rps / medianRps(baseline, e) : Number.NaN;
        return `${kReq(rps)} (${Number.isFinite(ratio) ? ratio.toFixed(2) : '—'})`;
      }),
      `${ms(median(server.startupMs))} ms`,
      mb(server.peakRssBytes),
    ])),
  ];
  const latency = [
    row(['server', ...results.endpoints.map((e) => `${e} p50 / p99 ms`)]),
    row(['---', ...results.endpoints.map(() => '---:')]),
    ...results.servers.map((server) => row([
      server.label,
      ...results.endpoints.map((e) => `${ms(medianLatency(server, e, 'p50Ms'))} / ${ms(medianLatency(server, e, 'p99Ms'))}`),
    ])),
  ];
  const cpu = [
    row(['server', ...results.endpoints.map((e) => `${e} CPU µs/req (raw ÷ this)`)]),
    row(['---', ...results.endpoints.map(() => '---:')]),
    ...results.servers.map((server) => row([
      server.label,
      ...results.endpoints.map((e) => {
        const us = medianCpuPerRequest(server, e);
        const ratio = baseline ? medianCpuPerRequest(baseline, e) / us : Number.NaN;
        return `${Number.isFinite(us) ? us.toFixed(1) : '—'} (${Number.isFinite(ratio) ? ratio.toFixed(2) : '—'})`;
      }),
    ])),
  ];
  return `${throughput.join('\n')}\n\n${latency.join('\n')}\n\n${cpu.join('\n')}\n`;
}
