/** Instruction counts as Markdown: per request, with ratios to raw node:http and the targets. */
import type { InstructionResults } from '../instructions/run-instructions.js';
import { median, spread } from './stats.js';

const BASELINE = 'raw-node';

/** The targets: `server` must reach `min` × `versus` (ratio = versus's instructions ÷ server's). */
export const TARGETS: readonly { server: string; versus: string; endpoints: readonly string[] | 'all'; min: number }[] = [
  { server: 'decorum-node', versus: 'raw-node', endpoints: ['GET /hello', 'GET /items/42?q=x'], min: 0.95 },
  { server: 'decorum-node', versus: 'raw-node', endpoints: ['POST /items'], min: 0.9 },
  // The same targets with CORS enabled (the Extension points issue).
  { server: 'decorum-node-cors', versus: 'raw-node', endpoints: ['GET /hello', 'GET /items/42?q=x'], min: 0.95 },
  { server: 'decorum-node-cors', versus: 'raw-node', endpoints: ['POST /items'], min: 0.9 },
  { server: 'decorum-node', versus: 'nest', endpoints: ['POST /items'], min: 1.8 },
  { server: 'decorum-fastify', versus: 'fastify', endpoints: 'all', min: 0.95 },
];

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const k = (x: number) => (Number.isFinite(x) ? `${(x / 1000).toFixed(1)}k` : '—');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fixed = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');

interface Ratio {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

function values(results: InstructionResults, server: string, endpoint: string): readonly number[] {
  return results.perRequest.get(server)?.get(endpoint) ?? [];
}

/** `versus ÷ server` from the medians, with the range the repeats allow. */
export function ratio(results: InstructionResults, server: string, versus: string, endpoint: string): Ratio {
  const s = values(results, server, endpoint);
  const v = values(results, versus, endpoint);
  if (s.length === 0 || v.length === 0) return { median: Number.NaN, low: Number.NaN, high: Number.NaN };
  return { median: median(v) / median(s), low: Math.min(...v) / Math.max(...s), high: Math.max(...v) / Math.min(...s) };
}

const showRatio = (r: Ratio) => r.low === r.high || !Number.isFinite(r.low)
  ? fixed(r.median)
  : `${fixed(r.median)} (${fixed(r.low)}–${fixed(r.high)})`;

export function renderInstructionTables(results: InstructionResults): string {
  const ids = new Set(results.servers.map((s) => s.id));
  const counts = [
    row(['server', ...results.endpoints.map((e) => `${e} instructions/req ± spread (raw ÷ this)`)]),
    row(['---', ...results.endpoints.map(() => '---:')]),
    ...results.servers.map((server) => row([
      server.label,
      ...results.endpoints.map((e) => {
        const v = values(results, server.id, e);
        const r = ratio(results, server.id, BASELINE, e);
        return `${k(median(v))} ±${pct(spread(v) / 2)} (${showRatio(r)})`;
      }),
    ])),
  ];
  const label = (id: string) => results.servers.find((s) => s.id === id)?.label ?? id;
  const targets = [
    row(['target', 'measured (range over repeats)', 'met?']),
    row(['---', '---:', '---']),
  ];
  for (const target of TARGETS) {
    if (!ids.has(target.server) || !ids.has(target.versus)) continue;
    for (const endpoint of target.endpoints === 'all' ? results.endpoints : target.endpoints) {
      const r = ratio(results, target.server, target.versus, endpoint);
      const met = r.median >= target.min;
      const verdict = met
        ? (r.low >= target.min ? 'yes' : `yes at the median; the low end of the range is ${fixed(r.low)}`)
        : `**no**: ${pct(1 - r.median / target.min)} short`;
      targets.push(row([`${label(target.server)}, ${endpoint}: ≥ ${target.min.toFixed(2)}× ${label(target.versus)}`,
        showRatio(r), verdict]));
    }
  }
  return `${counts.join('\n')}\n\n${targets.join('\n')}\n`;
}
