/**
 * A server process under valgrind's callgrind, counting the instructions it executes. Instrumentation
 * starts off (start-up and warm-up run several times faster) and is switched on by the caller; counts
 * are then zeroed and dumped around each measured batch of requests, and read from the dump's
 * `totals:` line (all threads: the main thread, the JIT's compiler threads and the GC helpers).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SERVE = fileURLToPath(new URL('../serve.js', import.meta.url));
const START_TIMEOUT_MS = 180_000;
const CONTROL_TIMEOUT_MS = 60_000;

export const VALGRIND_ARGS = [
  '--tool=callgrind',
  '--instr-atstart=no',
  // V8 writes and rewrites machine code at run time: have valgrind check all code outside files.
  '--smc-check=all-non-file',
];

export interface CallgrindServer {
  readonly pid: number;
  readonly url: string;
  /** Switches counting on (it starts off: start-up and warm-up run several times faster uncounted). */
  instrument(): Promise<void>;
  /** Zeroes the counters. */
  zero(): Promise<void>;
  /** Dumps the counters (which zeroes them) and returns the instructions counted since the last zero. */
  dump(): Promise<number>;
  stop(): Promise<void>;
}

export async function startUnderCallgrind(id: string, core: number, outDir: string): Promise<CallgrindServer> {
  const outFile = join(outDir, `callgrind.out.${id}.%p`);
  const child = spawn('taskset', ['-c', String(core), 'valgrind', ...VALGRIND_ARGS, `--callgrind-out-file=${outFile}`,
    process.execPath, SERVE, id], { stdio: ['pipe', 'pipe', 'pipe'] });
  // taskset and valgrind both exec in place: the child's pid is the one callgrind answers to.
  const pid = child.pid as number;
  try {
    const url = await readUrl(child, id);
    return {
      pid,
      url,
      instrument: () => control(pid, ['--instr=on']),
      zero: () => control(pid, ['--zero']),
      dump: async () => {
        const before = dumps(outDir, id, pid);
        await control(pid, ['--dump']);
        const after = dumps(outDir, id, pid).filter((f) => !before.includes(f));
        if (after.length !== 1) throw new Error(`${id}: expected one new callgrind dump, found ${after.length}`);
        return readTotal(join(outDir, after[0] as string));
      },
      stop: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

async function control(pid: number, args: readonly string[]): Promise<void> {
  await run('callgrind_control', [...args, String(pid)], { timeout: CONTROL_TIMEOUT_MS });
}

function dumps(dir: string, id: string, pid: number): string[] {
  const prefix = `callgrind.out.${id}.${pid}.`;
  return readdirSync(dir).filter((f) => f.startsWith(prefix));
}

export function readTotal(file: string): number {
  const text = readFileSync(file, 'utf8');
  const events = /^events:\s*(.+)$/m.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
  const totals = /^totals:\s*(.+)$/m.exec(text)?.[1]?.trim().split(/\s+/);
  const at = events.indexOf('Ir');
  if (!totals || at === -1 || totals[at] === undefined) throw new Error(`${file}: no Ir totals line`);
  return Number(totals[at]);
}

function readUrl(child: ChildProcess, id: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`${id}: no URL after ${START_TIMEOUT_MS} ms under valgrind`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
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
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`${id} exited (${code}) under valgrind before listening:\n${err.slice(-2000)}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Under valgrind a clean exit also writes a final dump; give it time, then force.
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.stdin?.end();
  });
}
