/**
 * One app process of the dev server: spawned serving at once, or as a standby that preloads the
 * app's dependencies and serves when told to (`go`). Pipes its logs through the human formatter and
 * reports its IPC messages and an unexpected exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { type Colors, type ListenOptions, serveChildArgs, serveChildScript, isAppProcessMessage, type AppProcessMessage, type StandbyMessage } from '@decorumjs/decorum/runner';
import { appProcessExecArgv } from './app-process-exec-argv.js';
import { formatLogLine } from './format-log.js';

/** How long a child may take to close (finish requests, run shutdown hooks) before it is killed. */
const STOP_GRACE_MS = 1_000;

export interface ChildAppEvents {
  onMessage(message: AppProcessMessage): void;
  /** The process ended without being stopped (a crash after start-up, or a standby that died). */
  onUnexpectedExit(description: string): void;
}

export class ChildApp {
  readonly #process: ChildProcess;
  #stopping = false;

  /** Serves `entry` at once, or (`standby`) preloads `modules` and waits for `go`. */
  constructor(
    target: ({ entry: string } & ListenOptions) | { standby: { modules: string[] } },
    colors: Colors,
    events: ChildAppEvents,
  ) {
    const args = serveChildArgs('standby' in target ? 'standby' : target);
    this.#process = spawn(process.execPath, [...appProcessExecArgv(), serveChildScript, ...args], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      env: { ...process.env, DECORUM_ACCESS_LOG: process.env.DECORUM_ACCESS_LOG ?? '1' },
    });
    if ('standby' in target) this.#send({ type: 'decorum:preload', modules: target.standby.modules });
    createInterface({ input: this.#process.stdout! }).on('line', (line) => process.stdout.write(`${formatLogLine(line, colors)}\n`));
    let failed = false;
    this.#process.on('message', (message: unknown) => {
      if (!isAppProcessMessage(message)) return;
      failed = message.type === 'decorum:failed';
      events.onMessage(message);
    });
    // A child that dies mid-send (Ctrl-C reaches the whole process group) makes the IPC channel fail
    // with EPIPE; unheard, that 'error' would crash the CLI. Its exit is reported below instead.
    this.#process.on('error', () => {});
    this.#process.once('exit', (code, signal) => {
      // A start-up failure was already explained; a stop was asked for.
      if (!failed && !this.#stopping) events.onUnexpectedExit(signal ?? `code ${String(code)}`);
    });
  }

  get alive(): boolean {
    return this.#process.exitCode === null && this.#process.signalCode === null;
  }

  /** Tells a standby to serve. */
  go(entry: string, listen: ListenOptions): void {
    this.#send({ type: 'decorum:go', entry, ...listen });
  }

  /** SIGTERM (the app closes gracefully), then SIGKILL if it takes longer than STOP_GRACE_MS. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (!this.alive) return;
    const exited = once(this.#process, 'exit');
    this.#process.kill('SIGTERM');
    const deadline = setTimeout(() => this.#process.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(deadline);
  }

  #send(message: StandbyMessage): void {
    if (this.#process.connected) this.#process.send(message, () => {});
  }
}
