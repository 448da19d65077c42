/**
 * The dev server: runs the app in a child process, restarts it on every save, and keeps going when
 * the code does not compile or start (it says where, then waits for the next save). The app runs in a
 * child rather than in-process because ES modules cannot be unloaded: a fresh process is the only
 * reliable way to see every changed module (and its decorator metadata) again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { colorsFor } from '../colors.js';
import { shownPath } from '../entry/resolve-entry.js';
import type { ListenOptions } from '../listen-options.js';
import { appProcessExecArgv, serveChildArgs, serveChildScript } from '../runtime/app-process.js';
import { formatFailure } from '../runtime/format-failure.js';
import { isAppProcessMessage, type AppProcessMessage } from '../runtime/messages.js';
import { formatLogLine } from './format-log.js';
import { watchProject, type ProjectWatcher } from './watch-project.js';

/** How long a child may take to close (finish requests, run shutdown hooks) before it is killed. */
const STOP_GRACE_MS = 1_000;

export interface DevServerOptions {
  entry: string;
  /** Directories to watch: the entry's package, plus any `--watch` paths. */
  roots: string[];
  listen: ListenOptions;
}

export class DevServer {
  readonly #options: DevServerOptions;
  readonly #out = colorsFor(process.stdout);
  readonly #err = colorsFor(process.stderr);
  #listen: ListenOptions;
  #watcher: ProjectWatcher | undefined;
  #child: ChildProcess | undefined;
  #everReady = false;
  #restarting = false;
  #pendingChange: string | undefined;
  #restartStarted = 0;
  #stopping = false;
  #finish: (exitCode: number) => void = () => {};

  constructor(options: DevServerOptions) {
    this.#options = options;
    this.#listen = { ...options.listen };
  }

  /** Serves until Ctrl-C (or SIGTERM); resolves with the exit code. */
  async run(): Promise<number> {
    const done = new Promise<number>((resolve) => (this.#finish = resolve));
    const stop = (): void => void this.stop(0);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    this.#watcher = await watchProject(this.#options.roots, (path) => void this.#restart(path));
    const watched = this.#options.roots.map((root) => shownPath(root)).join(', ');
    this.#print(`${this.#out.bold('decorum dev')}  serving ${shownPath(this.#options.entry)}, watching ${watched} for changes`);
    this.#spawn();
    return done;
  }

  async stop(exitCode: number): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    await this.#watcher?.close();
    await this.#stopChild();
    this.#finish(exitCode);
  }

  async #restart(changedPath: string): Promise<void> {
    this.#pendingChange = changedPath;
    if (this.#restarting || this.#stopping) return;
    this.#restarting = true;
    try {
      // Saves that land while the old child is stopping restart once more, with the newest files.
      while (this.#pendingChange !== undefined && !this.#stopping) {
        const path = this.#pendingChange;
        this.#pendingChange = undefined;
        this.#restartStarted = performance.now();
        this.#print(this.#out.cyan(`↻ ${shownPath(path)} changed, restarting…`));
        await this.#stopChild();
        if (!this.#stopping) this.#spawn();
      }
    } finally {
      this.#restarting = false;
    }
  }

  #spawn(): void {
    const { entry } = this.#options;
    const child = spawn(process.execPath, [...appProcessExecArgv(), serveChildScript, ...serveChildArgs(entry, this.#listen.port, this.#listen.host)], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      env: { ...process.env, DECORUM_ACCESS_LOG: process.env.DECORUM_ACCESS_LOG ?? '1' },
    });
    this.#child = child;
    let failed = false;
    createInterface({ input: child.stdout! }).on('line', (line) => this.#print(formatLogLine(line, this.#out)));
    child.on('message', (message: unknown) => {
      if (!isAppProcessMessage(message)) return;
      failed = message.type === 'decorum:failed';
      this.#onMessage(message);
    });
    child.once('exit', (code, signal) => {
      if (this.#child === child) this.#child = undefined;
      if (failed) return; // a start-up failure, already explained
      if (!this.#stopping && !this.#restarting) {
        this.#printError(`${this.#err.red('✖')} the app exited (${signal ?? `code ${String(code)}`})`);
        this.#waitForChanges();
      }
    });
  }

  #onMessage(message: AppProcessMessage): void {
    if (message.type === 'decorum:ready') {
      // With --port 0, keep the port the system chose, so restarts do not move the app.
      this.#listen = { ...this.#listen, port: message.port };
      if (this.#everReady) {
        const ms = Math.round(performance.now() - this.#restartStarted);
        this.#print(this.#out.green(`✓ restarted in ${ms} ms`) + this.#out.gray(`  ${message.url}`));
      } else {
        this.#everReady = true;
        this.#print(`\n  App   ${this.#out.bold(message.url)}\n  Docs  ${this.#out.bold(`${message.url}/docs`)}\n`);
      }
      return;
    }
    const { failure } = message;
    this.#printError(formatFailure(failure, this.#err));
    if (failure.kind === 'port-in-use') void this.stop(1);
    else this.#waitForChanges();
  }

  #waitForChanges(): void {
    this.#print(this.#out.yellow('… waiting for changes (save a file to restart)'));
  }

  async #stopChild(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const deadline = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(deadline);
  }

  #print(text: string): void {
    process.stdout.write(`${text}\n`);
  }

  #printError(text: string): void {
    process.stderr.write(`${text}\n`);
  }
}
