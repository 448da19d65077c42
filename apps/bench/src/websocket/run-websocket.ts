/**
 * `pnpm bench --websocket`: Decorum's WebSocket routes against raw `ws` and Fastify + @fastify/websocket,
 * in one run, as ratios to raw `ws`. Three figures per server:
 * - echo round trips per second: `connections` sockets, one message in flight each, interleaved rounds;
 * - idle connections: resident memory per open, silent connection, `idle` of them, fresh process each;
 * - instructions per echo: the server under callgrind, one socket, sequential echoes (steady whatever
 *   else the machine does, so it is the figure to trust on a noisy machine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUnderCallgrind } from '../load/callgrind.js';
import { cpuBetween, snapshotCpu } from '../load/cpu-usage.js';
import { startServerProcess, type ServerProcess } from '../load/server-process.js';
import { describeMachine } from '../report/machine.js';
import { median, spread } from '../report/stats.js';
import { checkEcho } from './check-echo.js';
import { closeAll, echoSequentially, openSocket, runEchoLoad } from './echo-load.js';
import { ECHO_MESSAGE, ECHO_PATH, WEBSOCKET_SERVERS } from './echo-path.js';
import { measureIdle, type IdleResult } from './idle-connections.js';

export interface WebSocketBenchOptions {
  readonly connections: number;
  readonly seconds: number;
  readonly rounds: number;
  readonly idle: number;
  readonly warmupEchoes: number;
  readonly countedEchoes: number;
  readonly batches: number;
  readonly quick: boolean;
}

type ServerId = (typeof WEBSOCKET_SERVERS)[number]['id'];

interface Row {
  roundTrips: number[];
  serverCpuUsPerTrip: number[];
  clientCpu: number[];
  idle?: IdleResult;
  instructions: number[];
}

const toWs = (url: string) => url.replace(/^http/, 'ws') + ECHO_PATH;
const rotate = <T>(list: readonly T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length] as T);

export async function runWebSocketBench(options: WebSocketBenchOptions, serverCore: number): Promise<string> {
  const servers = WEBSOCKET_SERVERS;
  const rows = new Map<ServerId, Row>(servers.map((s) => [s.id, { roundTrips: [], serverCpuUsPerTrip: [], clientCpu: [], instructions: [] }]));
  console.log(`machine: ${describeMachine()}`);
  console.log(`websocket: servers on core ${serverCore}, client in this process on the other core; ${options.rounds} rounds × ` +
    `${options.seconds} s of ${options.connections} sockets; ${options.idle} idle sockets; ${options.batches} × ${options.countedEchoes} counted echoes`);

  const running = new Map<ServerId, ServerProcess>();
  try {
    for (const server of servers) running.set(server.id, await startServerProcess(server.id, serverCore, '/'));
    for (const server of servers) await checkEcho(server.label, toWs((running.get(server.id) as ServerProcess).url));
    console.log(`echo: all ${servers.length} servers echo text and bytes unchanged`);
    for (const server of servers) await runEchoLoad(toWs((running.get(server.id) as ServerProcess).url), options.connections, options.quick ? 1 : 2);
    for (let round = 1; round <= options.rounds; round++) {
      for (const server of rotate(servers, round - 1)) {
        const proc = running.get(server.id) as ServerProcess;
        const before = snapshotCpu(proc.pid);
        const load = await runEchoLoad(toWs(proc.url), options.connections, options.seconds);
        const cpu = cpuBetween(before, snapshotCpu(proc.pid), serverCore);
        const row = rows.get(server.id) as Row;
        row.roundTrips.push(load.roundTripsPerSecond);
        row.clientCpu.push(load.clientCpuShare);
        row.serverCpuUsPerTrip.push((cpu.serverSeconds * 1e6) / (load.roundTripsPerSecond * options.seconds));
        process.stdout.write(`  round ${round} ${server.label.padEnd(34)} ${Math.round(load.roundTripsPerSecond)} round trips/s ` +
          `(client CPU ${(load.clientCpuShare * 100).toFixed(0)}%)\n`);
      }
    }
  } finally {
    await Promise.all([...running.values()].map((p) => p.stop()));
  }

  for (const server of servers) {
    const proc = await startServerProcess(server.id, serverCore, '/');
    try {
      const idle = await measureIdle(toWs(proc.url), proc.pid, options.idle);
      (rows.get(server.id) as Row).idle = idle;
      process.stdout.write(`  idle ${server.label.padEnd(34)} ${(idle.bytesPerConnection / 1024).toFixed(1)} KiB per connection\n`);
    } finally {
      await proc.stop();
    }
  }

  const outDir = mkdtempSync(join(tmpdir(), 'decorum-bench-ws-callgrind-'));
  try {
    for (const server of servers) {
      const proc = await startUnderCallgrind(server.id, serverCore, outDir);
      try {
        const socket = await openSocket(toWs(proc.url));
        await echoSequentially(socket, options.warmupEchoes);
        await proc.instrument();
        for (let batch = 1; batch <= options.batches; batch++) {
          await proc.zero();
          await echoSequentially(socket, options.countedEchoes);
          const each = (await proc.dump()) / options.countedEchoes;
          (rows.get(server.id) as Row).instructions.push(each);
          process.stdout.write(`  batch ${batch} ${server.label.padEnd(34)} ${Math.round(each).toLocaleString('en-US')} instructions/echo\n`);
        }
        await closeAll([socket]);
      } finally {
        await proc.stop();
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return renderTable(options, rows);
}

function renderTable(options: WebSocketBenchOptions, rows: ReadonlyMap<ServerId, Row>): string {
  const base = rows.get('raw-ws') as Row;
  const baseTrips = median(base.roundTrips);
  const basePerConn = base.idle?.bytesPerConnection ?? Number.NaN;
  const baseInstr = median(base.instructions);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const lines = [
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${describeMachine()}. Servers pinned to one core, the ` +
    `client to the other. Echo: ${options.connections} sockets with one ${ECHO_MESSAGE.length}-byte text message in flight each, ` +
    `${options.rounds} interleaved rounds × ${options.seconds} s, medians (spread in brackets). Idle: ${fmt(options.idle)} open, silent ` +
    `sockets, resident memory after less before, per socket. Instructions: callgrind, one socket, median of ${options.batches} × ` +
    `${options.countedEchoes} sequential echoes after ${options.warmupEchoes}. Ratios against raw ws (higher is better for round ` +
    'trips; lower is better for memory and instructions).',
    '',
    '| server | echo round trips/s | server CPU µs/trip | client CPU | KiB per idle socket | RSS with idle sockets | instructions/echo |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const server of WEBSOCKET_SERVERS) {
    const row = rows.get(server.id) as Row;
    const trips = median(row.roundTrips);
    const perConn = row.idle?.bytesPerConnection ?? Number.NaN;
    const instr = median(row.instructions);
    lines.push(`| ${server.label} | ${fmt(trips)} (${(trips / baseTrips).toFixed(2)}) [±${(spread(row.roundTrips) * 50).toFixed(0)}%] ` +
      `| ${median(row.serverCpuUsPerTrip).toFixed(1)} | ${(median(row.clientCpu) * 100).toFixed(0)}% ` +
      `| ${(perConn / 1024).toFixed(1)} (${(perConn / basePerConn).toFixed(2)}) ` +
      `| ${((row.idle?.rssWithIdleBytes ?? Number.NaN) / 2 ** 20).toFixed(0)} MiB ` +
      `| ${fmt(instr)} (${(instr / baseInstr).toFixed(2)}) |`);
  }
  lines.push('', 'A client CPU near 100% means the client, not the server, set the round-trip rate: then trust the ' +
    'server CPU µs per trip and the instruction counts over the rate.');
  return lines.join('\n') + '\n';
}
