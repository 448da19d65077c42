/**
 * A benchmarked server in its own process, pinned to one core. Start-up is timed from spawn to the
 * first answered request, which includes loading the framework and compiling routes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SERVE = fileURLToPath(new URL('../serve.js', import.meta.url));
const START_TIMEOUT_MS = 20_000;

export interface ServerProcess {
  readonly pid: number;
  readonly url: string;
  /** Spawn to first response, in ms. */
  readonly startupMs: number;
  /** Highest resident set size so far (VmHWM), in bytes. */
  peakRss(): number;
  stop(): Promise<void>;
}

export async function startServerProcess(id: string, core: number, probePath: string): Promise<ServerProcess> {
  const began = performance.now();
  const child = spawn('taskset', ['-c', String(core), process.execPath, SERVE, id], { stdio: ['pipe', 'pipe', 'pipe'] });
  const url = await readUrl(child, id);
  const res = await fetch(url + probePath, { signal: AbortSignal.timeout(START_TIMEOUT_MS) });
  await res.arrayBuffer();
  const startupMs = performance.now() - began;
  // taskset execs node in place, so the child's pid is the server's.
  const pid = child.pid as number;
  return {
    pid,
    url,
    startupMs,
    peakRss: () => readPeakRss(pid),
    stop: () => stopChild(child),
  };
}

function readUrl(child: ChildProcess, id: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`${id}: no URL after ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => fail(new Error(`${id} exited (${code}) before listening:\n${err}`)));
  });
}

function readPeakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.stdin?.end();
  });
}
