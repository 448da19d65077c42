/**
 * The dev server: runs the app in a child process, restarts it on every save, and keeps going when
 * the code does not compile or start (it says where, then waits for the next save).
 *
 * The app runs in a child rather than in-process because ES modules cannot be unloaded: a fresh
 * process is the only reliable way to see every changed module (and its decorator metadata) again.
 * To make that fast, a standby process is kept ready with the app's dependencies already loaded
 * (see stable-modules); on a save the running child stops and the standby serves the new code.
 */
import { colorsFor, shownPath, type ListenOptions, formatFailure, type AppProcessMessage } from '@decorumjs/decorum/runner';
import { ChildApp } from './child-app.js';
import { stableModules } from './stable-modules.js';
import { watchProject, type ProjectWatcher } from './watch-project.js';

export interface DevServerOptions {
  entry: string;
  /** Directories to watch: the entry's package, plus any `--watch` paths. */
  roots: string[];
  listen: ListenOptions;
  /** Keep a standby process with dependencies preloaded (on by default; `--no-standby` turns it off). */
  standby: boolean;
}

export class DevServer {
  readonly #options: DevServerOptions;
  readonly #out = colorsFor(process.stdout);
  readonly #err = colorsFor(process.stderr);
  #listen: ListenOptions;
  #watcher: ProjectWatcher | undefined;
  #child: ChildApp | undefined;
  #standby: ChildApp | undefined;
  /** What a standby preloads: the stable modules of the last app that started. */
  #preload: string[] | undefined;
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
    this.#startApp();
    return done;
  }

  async stop(exitCode: number): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    await this.#watcher?.close();
    await Promise.all([this.#child?.stop(), this.#standby?.stop()]);
    this.#finish(exitCode);
  }

  async #restart(changedPath: string): Promise<void> {
    this.#pendingChange = changedPath;
    if (this.#restarting || this.#stopping) return;
    this.#restarting = true;
    try {
      // Saves that land after the new app started loading restart once more, with the newest files.
      while (this.#pendingChange !== undefined && !this.#stopping) {
        this.#restartStarted = performance.now();
        this.#print(this.#out.cyan(`↻ ${shownPath(this.#pendingChange)} changed, restarting…`));
        await this.#child?.stop();
        this.#child = undefined;
        // A save that landed while the old app was stopping is already in the files the new one loads.
        this.#pendingChange = undefined;
        if (!this.#stopping) this.#startApp();
      }
    } finally {
      this.#restarting = false;
    }
  }

  #startApp(): void {
    const standby = this.#standby;
    this.#standby = undefined;
    if (standby?.alive) {
      this.#child = standby;
      standby.go(this.#options.entry, this.#listen);
    } else {
      this.#child = this.#spawn({ entry: this.#options.entry, ...this.#listen });
    }
  }

  #spawn(target: ConstructorParameters<typeof ChildApp>[0]): ChildApp {
    const app: ChildApp = new ChildApp(target, this.#out, {
      onMessage: (message) => {
        if (this.#child === app) this.#onMessage(message);
      },
      onUnexpectedExit: (description) => {
        if (this.#standby === app) this.#standby = undefined;
        if (this.#child !== app || this.#stopping) return;
        this.#printError(`${this.#err.red('✖')} the app exited (${description})`);
        this.#waitForChanges();
      },
    });
    return app;
  }

  #onMessage(message: AppProcessMessage): void {
    if (message.type === 'decorum:ready') {
      // With --port 0, keep the port the system chose, so restarts do not move the app.
      this.#listen = { ...this.#listen, port: message.port };
      this.#preload = stableModules(message.modules, this.#options.roots);
      if (this.#everReady) {
        const ms = Math.round(performance.now() - this.#restartStarted);
        this.#print(this.#out.green(`✓ restarted in ${ms} ms`) + this.#out.gray(`  ${message.url}`));
      } else {
        this.#everReady = true;
        this.#print(`\n  App   ${this.#out.bold(message.url)}\n  Docs  ${this.#out.bold(`${message.url}/docs`)}\n`);
      }
    } else {
      const { failure } = message;
      this.#printError(formatFailure(failure, this.#err));
      if (failure.kind === 'port-in-use') return void this.stop(1);
      this.#waitForChanges();
    }
    this.#prepareStandby();
  }

  /** Started once the app is up (or has failed), so preloading never competes with a restart. */
  #prepareStandby(): void {
    if (!this.#options.standby || this.#standby || !this.#preload || this.#stopping) return;
    this.#standby = this.#spawn({ standby: { modules: this.#preload } });
  }

  #waitForChanges(): void {
    this.#print(this.#out.yellow('… waiting for changes (save a file to restart)'));
  }

  #print(text: string): void {
    process.stdout.write(`${text}\n`);
  }

  #printError(text: string): void {
    process.stderr.write(`${text}\n`);
  }
}
