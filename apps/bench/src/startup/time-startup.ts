/**
 * One timed start: spawn, then GET /hello every few milliseconds until it answers 200; start-up is
 * spawn to that answer, and RSS is the process's VmRSS read then (what the server holds once ready).
 * The CPU time the server used until then is kept too: on a shared machine, waiting for a core
 * stretches the wall clock of every server alike and squeezes the ratios towards 1, and CPU time
 * barely moves.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { processCpuMs } from '../load/cpu-usage.js';
import type { StartupServer } from './startup-servers.js';

const READY_TIMEOUT_MS = 30_000;
const POLL_MS = 2;

export interface StartupSample {
  readonly ms: number;
  /** CPU time (user + system, all threads) from spawn to ready. */
  readonly cpuMs: number;
  readonly rssBytes: number;
}

export async function timeStartup(server: StartupServer, core: number): Promise<StartupSample> {
  const port = await freePort();
  const { args, cwd } = server.command(port);
  const began = performance.now();
  // taskset execs node in place, so the child's pid is the server's.
  const child = spawn('taskset', ['-c', String(core), process.execPath, ...args], {
    cwd,
    stdio: ['pipe', 'ignore', 'pipe'],
    env: { ...process.env, DECORUM_LOG_LEVEL: 'warn', NODE_ENV: '' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`${server.id} exited before answering:\n${stderr}`);
      if (performance.now() - began > READY_TIMEOUT_MS) throw new Error(`${server.id}: no answer after ${READY_TIMEOUT_MS} ms`);
      if (await answers(`http://127.0.0.1:${port}/hello`)) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const ms = performance.now() - began;
    const pid = child.pid as number;
    return { ms, cpuMs: processCpuMs(pid), rssBytes: readRss(pid) };
  } finally {
    await stop(child);
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function readRss(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function stop(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
