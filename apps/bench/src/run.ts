/**
 * `pnpm bench`: starts every server pinned to one core, checks that all give the same answers, then
 * loads them from the other core in interleaved rounds (A B C D, B C D A, …) so that a noisy minute
 * hurts every server alike, and prints the medians with a verdict on how much to trust them.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkResponses } from './check-responses.js';
import { ENDPOINTS } from './endpoints.js';
import { cpuBetween, snapshotCpu } from './load/cpu-usage.js';
import { startServerProcess, type ServerProcess } from './load/server-process.js';
import { runWrk } from './load/wrk.js';
import { describeMachine } from './report/machine.js';
import { judgeNoise, LIMITS } from './report/noise.js';
import { writeReadmeResults } from './report/readme.js';
import type { BenchResults, RoundSample, ServerResult } from './report/results.js';
import { renderTables } from './report/table.js';
import { parseOptions, type BenchOptions } from './options.js';
import { countInstructions } from './instructions/run-instructions.js';
import { renderInstructionTables } from './report/instructions-table.js';
import { VALGRIND_ARGS } from './load/callgrind.js';
import { loadFastifyAdapter } from './servers/decorum-fastify.js';
import { runStartup } from './startup/run-startup.js';
import { runWebSocketBench } from './websocket/run-websocket.js';
import { BASELINE, SERVERS, type ServerEntry } from './servers/registry.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const LOAD_CORE = 0;
const SERVER_CORE = 1;

async function availableServers(only: readonly string[] | undefined): Promise<ServerEntry[]> {
  const chosen = SERVERS.filter((s) => !only || only.includes(s.id) || s.id === BASELINE);
  const available: ServerEntry[] = [];
  for (const server of chosen) {
    if (server.id === 'decorum-fastify') {
      try {
        await loadFastifyAdapter();
      } catch (error) {
        console.log(`note: skipping ${server.label}: @decorumjs/platform-fastify is not built in this tree ` +
          `(${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
        continue;
      }
    }
    available.push(server);
  }
  return available;
}

function rotate<T>(list: readonly T[], by: number): T[] {
  return list.map((_, i) => list[(i + by) % list.length] as T);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (cpus().length < 2) throw new Error('the bench needs two cores: one for the servers, one for the load generator');
  // The harness itself waits on wrk; keep it off the server core.
  execFileSync('taskset', ['-a', '-cp', String(LOAD_CORE), String(process.pid)], { stdio: 'ignore' });
  if (options.startup) return startupMode(options.startup.runs, options.writeReadme);
  if (options.websocket) return websocketMode(options);
  const servers = await availableServers(options.only);
  if (options.instructions) return instructionsMode(servers, options);
  const probe = ENDPOINTS[0]?.path ?? '/';
  console.log(`machine: ${describeMachine()}`);
  console.log(`servers on core ${SERVER_CORE}, wrk on core ${LOAD_CORE}; ${options.rounds} rounds × ${options.seconds} s ` +
    `per endpoint and server, ${options.connections} connections${options.quick ? ' (quick)' : ''}`);

  const startups = new Map<string, number[]>(servers.map((s) => [s.id, []]));
  for (let i = 0; i < options.startups; i++) {
    for (const server of rotate(servers, i)) {
      const started = await startServerProcess(server.id, SERVER_CORE, probe);
      startups.get(server.id)?.push(started.startupMs);
      await started.stop();
    }
  }

  const running = new Map<string, ServerProcess>();
  try {
    for (const server of servers) running.set(server.id, await startServerProcess(server.id, SERVER_CORE, probe));
    const problems = await checkResponses(servers.map((s) => ({ label: s.label, url: (running.get(s.id) as ServerProcess).url })));
    if (problems.length > 0) throw new Error(`servers disagree; nothing measured:\n  ${problems.join('\n  ')}`);
    console.log(`responses: all ${servers.length} servers answer all ${ENDPOINTS.length} endpoints identically`);

    const load = { connections: options.connections, core: LOAD_CORE };
    for (const endpoint of ENDPOINTS) {
      for (const server of servers) {
        await runWrk((running.get(server.id) as ServerProcess).url, endpoint, { ...load, seconds: options.warmupSeconds });
      }
    }

    const samples = new Map<string, Map<string, RoundSample[]>>(
      servers.map((s) => [s.id, new Map(ENDPOINTS.map((e) => [e.name, []]))]));
    for (let round = 1; round <= options.rounds; round++) {
      for (const endpoint of ENDPOINTS) {
        for (const server of rotate(servers, round - 1)) {
          const proc = running.get(server.id) as ServerProcess;
          const before = snapshotCpu(proc.pid);
          const result = await runWrk(proc.url, endpoint, { ...load, seconds: options.seconds });
          const cpu = cpuBetween(before, snapshotCpu(proc.pid), SERVER_CORE);
          samples.get(server.id)?.get(endpoint.name)?.push({ round, load: result, cpu });
          process.stdout.write(`  round ${round} ${endpoint.name.padEnd(18)} ${server.label.padEnd(38)} ${Math.round(result.rps)} req/s\n`);
        }
      }
    }

    const results: BenchResults = {
      servers: servers.map((s): ServerResult => ({
        id: s.id,
        label: s.label,
        startupMs: startups.get(s.id) ?? [],
        peakRssBytes: (running.get(s.id) as ServerProcess).peakRss(),
        rounds: samples.get(s.id) ?? new Map(),
      })),
      endpoints: ENDPOINTS.map((e) => e.name),
      baseline: BASELINE,
      settings: { rounds: options.rounds, seconds: options.seconds, connections: options.connections, quick: options.quick },
    };
    report(results, options.writeReadme);
  } finally {
    await Promise.all([...running.values()].map((p) => p.stop()));
  }
}

function report(results: BenchResults, writeReadme: boolean): void {
  const verdict = judgeNoise(results);
  const { rounds, seconds, connections } = results.settings;
  const header = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${describeMachine()}. ` +
    `Servers pinned to one core, wrk (1 thread, ${connections} connections) to the other; ` +
    `${rounds} interleaved rounds × ${seconds} s; medians. Start-up: spawn to first response.`;
  const noise = verdict.trustworthy
    ? `Noise: none detected (every server's rounds within ${LIMITS.spread * 100}%, baseline within ${LIMITS.baselineSpread * 100}%, no stolen or foreign CPU).`
    : `Noise: **not trustworthy** — ${verdict.reasons.length} problem(s); req/s ratios are indicative only, ` +
      `CPU µs/req is the steadier comparison:\n${listReasons(verdict.reasons)}`;
  const section = `${header}\n\n${renderTables(results)}\n${noise}\n`;
  console.log(`\n${section}`);
  if (writeReadme) {
    writeReadmeResults(README, section);
    console.log('README.md updated.');
  }
}

async function instructionsMode(servers: readonly ServerEntry[], options: BenchOptions): Promise<void> {
  const settings = options.instructions as NonNullable<BenchOptions['instructions']>;
  console.log(`machine: ${describeMachine()}`);
  console.log(`instructions: servers under callgrind on core ${SERVER_CORE}, client on core ${LOAD_CORE}; ` +
    `${settings.warmupRequests} warm-up requests, ${settings.batches} batch(es) of ${settings.requests} counted per endpoint, ${settings.repeats} fresh ` +
    `process(es) per server${options.quick ? ' (quick)' : ''}`);
  // Same answers first, at full speed, before spending minutes under valgrind.
  const running: ServerProcess[] = [];
  try {
    for (const server of servers) running.push(await startServerProcess(server.id, SERVER_CORE, ENDPOINTS[0]?.path ?? '/'));
    const problems = await checkResponses(servers.map((s, i) => ({ label: s.label, url: (running[i] as ServerProcess).url })));
    if (problems.length > 0) throw new Error(`servers disagree; nothing measured:\n  ${problems.join('\n  ')}`);
  } finally {
    await Promise.all(running.map((p) => p.stop()));
  }
  const results = await countInstructions(servers, settings, SERVER_CORE);
  const { warmupRequests, requests, repeats, batches } = settings;
  const header = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${describeMachine()}. ` +
    `N = ${requests} counted requests per endpoint after ${warmupRequests} warm-up requests (round-robin over the ` +
    `endpoints), the median of ${batches} such batch(es) per process, ${repeats} fresh server process(es) per server; ` +
    `medians, ± half the spread between repeats. ` +
    `Ratios are raw node:http's instructions divided by the server's (higher is better, 1.00 = raw).`;
  const section = `${header}\n\n${renderInstructionTables(results)}\n` +
    `valgrind ${VALGRIND_ARGS.join(' ')}; sequential keep-alive requests from an uninstrumented client.\n`;
  console.log(`\n${section}`);
  if (options.writeReadme) {
    writeReadmeResults(README, section, 'instructions');
    console.log('README.md updated (instructions section).');
  }
}

async function startupMode(runs: number, writeReadme: boolean): Promise<void> {
  console.log(`machine: ${describeMachine()}`);
  console.log(`start-up: the quickstart under \`decorum start\`, Fastify and raw node:http on core ${SERVER_CORE}, ${runs} runs each`);
  const section = await runStartup({ runs, core: SERVER_CORE });
  console.log(`\n${section}`);
  if (writeReadme) {
    writeReadmeResults(README, section, 'startup');
    console.log('README.md updated (start-up section).');
  }
}

async function websocketMode(options: BenchOptions): Promise<void> {
  const section = await runWebSocketBench(options.websocket as NonNullable<BenchOptions['websocket']>, SERVER_CORE);
  console.log(`\n${section}`);
  if (options.writeReadme) {
    writeReadmeResults(README, section, 'websocket');
    console.log('README.md updated (websocket section).');
  }
}

const SHOWN_REASONS = 10;

function listReasons(reasons: readonly string[]): string {
  const shown = reasons.slice(0, SHOWN_REASONS).map((r) => `- ${r}`);
  if (reasons.length > SHOWN_REASONS) shown.push(`- … and ${reasons.length - SHOWN_REASONS} more`);
  return shown.join('\n');
}

await main();
