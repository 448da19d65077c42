/**
 * Runs the real `decorum` bin against throwaway apps for the CLI's end-to-end tests. Every process is
 * spawned in its own process group (`detached`) so `killAll` can end it with everything it started,
 * and every wait is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const decorumBin = join(repo, 'packages/cli/bin/decorum.mjs');
/** The `decorum` bin an app gets: @decorumjs/decorum's, which runs `start` and hands the rest to the CLI. */
export const umbrellaBin = join(repo, 'packages/decorum/bin/decorum.mjs');

/** A temporary app folder; `@decorumjs/decorum` resolves through a symlinked node_modules, as after an install. */
export function createTempApp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'decorum-cli-'));
  mkdirSync(join(dir, 'node_modules/@decorumjs'), { recursive: true });
  symlinkSync(join(repo, 'packages/decorum'), join(dir, 'node_modules/@decorumjs/decorum'), 'dir');
  symlinkSync(realpathSync(join(repo, 'test/node_modules/class-validator')), join(dir, 'node_modules/class-validator'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'temp-app', private: true, type: 'module' }));
  for (const [path, text] of Object.entries(files)) writeSource(dir, path, text);
  return dir;
}

export function writeSource(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

export function removeTempApp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export class CliProcess {
  readonly child: ChildProcess;
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: string[], options: { cwd: string; env?: Record<string, string>; bin?: string }) {
    this.child = spawn(process.execPath, [options.bin ?? decorumBin, ...args], {
      cwd: options.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', DECORUM_LOG_LEVEL: 'info', ...options.env },
    });
    running.add(this);
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Resolves with the first match of `pattern` in the output after `from` (an offset into it). */
  async waitForOutput(pattern: RegExp, timeoutMs: number, from = 0): Promise<RegExpMatchArray> {
    return waitFor(() => this.output.slice(from).match(pattern) ?? undefined, timeoutMs, () => `no ${pattern} in output:\n${this.output}`);
  }

  async waitForExit(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let result: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    void this.exited.then((r) => (result = r));
    return waitFor(() => result, timeoutMs, () => `still running after ${timeoutMs} ms; output:\n${this.output}`);
  }

  /** SIGKILL to the whole process group: the CLI and every process it started. */
  kill(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
    running.delete(this);
  }
}

const running = new Set<CliProcess>();

export function killAll(): void {
  for (const cli of running) cli.kill();
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, explain: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(explain());
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** GETs `url` and resolves with the body text, or undefined when nothing answers (yet). */
export async function tryGet(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return await response.text();
  } catch {
    return undefined;
  }
}

/** Waits until GET `url` answers with a body matching `expected`; resolves with the ms it took. */
export async function waitForBody(url: string, expected: RegExp, timeoutMs: number): Promise<number> {
  const started = performance.now();
  let last: string | undefined;
  await waitFor(async () => {
    last = await tryGet(url);
    return last !== undefined && expected.test(last) ? true : undefined;
  }, timeoutMs, () => `GET ${url} never matched ${expected}; last body: ${String(last)}`);
  return performance.now() - started;
}

/** GETs `url` on a new connection (no keep-alive), so a cluster primary hands each one to a worker in turn. */
export function getOnNewConnection(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false, headers: { connection: 'close' }, timeout: 2_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body));
      response.on('error', () => resolve(undefined));
    });
    request.on('error', () => resolve(undefined));
    request.on('timeout', () => request.destroy());
  });
}
