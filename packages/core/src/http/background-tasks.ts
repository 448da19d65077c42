/**
 * FastAPI's `BackgroundTasks`: work a handler (or a dependency) adds during a request, run after the
 * response is sent, in the order added. It is in-process work: a task still queued or running when the
 * process dies is lost, so use a job queue for anything that must happen. `app.close()` (and SIGTERM)
 * waits for running and queued tasks, at most the shutdown grace.
 * @example
 * @Post('signup') signup(@Body() user: NewUser, @Background() tasks: BackgroundTasks) {
 *   tasks.add(sendWelcomeEmail, user.email);
 *   return { ok: true };
 * }
 */
import type { Logger } from '../logger.js';
import type { RequestContext } from './request-context.js';
import { requestIdOf } from './request-id.js';

type Task = () => unknown;

export class BackgroundTasks {
  readonly #tasks: Task[] = [];

  /** Runs `fn(...args)` after the response; a promise it returns is awaited before the next task. */
  add<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): void {
    this.#tasks.push(() => fn(...args));
  }

  get size(): number {
    return this.#tasks.length;
  }

  /** The tasks added so far, handed over once to the runner. */
  take(): Task[] {
    return this.#tasks.splice(0);
  }
}

/**
 * The app's runner: each request's tasks run one after another, requests' lists side by side. A task
 * that throws is logged with the request's id and the next one still runs; the response is long gone.
 */
export class BackgroundRunner {
  readonly #running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Starts `tasks` once the response has gone out. */
  schedule(tasks: BackgroundTasks, ctx: RequestContext): void {
    const list = tasks.take();
    if (list.length === 0) return;
    const requestId = requestIdOf(ctx);
    const where = { method: ctx.method, url: ctx.url, route: ctx.route?.id, ...(requestId !== undefined && { requestId }) };
    // A macrotask later: the response's bytes are handed to the socket first (setTimeout, not
    // setImmediate, so the fetch adapter's other runtimes have it too).
    const run: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => this.#runAll(list, where))
      .finally(() => this.#running.delete(run));
    this.#running.add(run);
  }

  async #runAll(list: Task[], where: Record<string, unknown>): Promise<void> {
    for (const [index, task] of list.entries()) {
      try {
        await task();
      } catch (error) {
        this.logger.error({ err: error, task: index, ...where }, 'background task failed');
      }
    }
  }

  /** Resolves when every scheduled task has run, including tasks scheduled meanwhile. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  /** `idle()`, at most `graceMs`; true if everything finished in time. */
  async drain(graceMs: number): Promise<boolean> {
    if (this.#running.size === 0) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, graceMs, false)));
    const done = await Promise.race([this.idle().then(() => true), late]);
    clearTimeout(timer);
    if (!done) this.logger.warn({ pending: this.#running.size }, 'background tasks still running at the end of the shutdown grace');
    return done;
  }
}
