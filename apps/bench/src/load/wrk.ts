/**
 * One bounded load run with wrk (one thread, fixed connections), pinned to the load generator's core.
 * wrk rather than autocannon: autocannon is itself a node process and, on one core, tops out near the
 * rate of the fastest servers here, so it would measure itself; wrk (C) leaves the server the bottleneck.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Endpoint } from '../endpoints.js';

export interface LoadResult {
  readonly rps: number;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Non-2xx answers and socket errors: any of these makes the run meaningless. */
  readonly errors: number;
}

export interface LoadOptions {
  readonly seconds: number;
  readonly connections: number;
  readonly core: number;
}

const scripts = new Map<string, string>();

/** wrk sends a body only from a Lua script; one is written per endpoint, from the same `Endpoint`. */
function luaScript(endpoint: Endpoint): string | undefined {
  if (endpoint.body === undefined) return undefined;
  let file = scripts.get(endpoint.name);
  if (!file) {
    file = join(tmpdir(), `decorum-bench-${process.pid}-${scripts.size}.lua`);
    writeFileSync(file, [
      `wrk.method = ${JSON.stringify(endpoint.method)}`,
      `wrk.body = ${JSON.stringify(endpoint.body)}`,
      `wrk.headers["Content-Type"] = "application/json"`,
      '',
    ].join('\n'));
    scripts.set(endpoint.name, file);
  }
  return file;
}

export function runWrk(url: string, endpoint: Endpoint, options: LoadOptions): Promise<LoadResult> {
  const script = luaScript(endpoint);
  const args = [
    '-c', String(options.core), 'wrk', '-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency',
    ...(script ? ['-s', script] : []), url + endpoint.path,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // wrk stops itself after `seconds`; this only guards against a wedged process.
    const guard = setTimeout(() => child.kill('SIGKILL'), (options.seconds + 15) * 1000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(guard);
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${out}`));
      try {
        resolve(parseWrk(out));
      } catch (error) {
        reject(error);
      }
    });
  });
}

export function parseWrk(output: string): LoadResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output)?.[1];
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s)\s*$/m.exec(output);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(output);
  if (!rps || !p50 || !p99) throw new Error(`cannot read wrk output:\n${output}`);
  const requests = Number(/(\d+) requests in /.exec(output)?.[1] ?? Number.NaN);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { rps: Number(rps), requests, p50Ms: toMs(p50), p99Ms: toMs(p99), errors: non2xx + socketErrors };
}

function toMs(match: RegExpExecArray): number {
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}
