/**
 * A stand-in for a language model: it answers any prompt with a canned text, one word at a time, as a
 * model streams tokens. Each run is recorded, so a test (or a curious developer) can see whether a
 * client that left really stopped the work.
 */

/** How a run ended: every token sent, stopped by the caller, or still going. */
export type RunOutcome = 'complete' | 'stopped' | 'running';

export interface ModelRun {
  readonly prompt: string;
  /** Tokens produced so far. */
  produced: number;
  outcome: RunOutcome;
}

export interface StreamOptions {
  /** Fires when the answer is no longer wanted (the client left): the run stops at once. */
  signal?: AbortSignal;
  /** Resumes after this token index: the tokens up to it are skipped, without their delay. */
  after?: number;
}

export interface FakeModelOptions {
  /** The pause before each token, as a model's time per token; 20 ms by default. */
  delayMs?: number;
}

/** The canned answer to `prompt`; tokens are its words, each with the space that follows it. */
export function answerFor(prompt: string): string {
  return `You asked: ${prompt}. This answer comes from a fake model, one word at a time, as tokens do.`;
}

/** Splits an answer into tokens that join back into it exactly. */
export function tokenize(answer: string): string[] {
  return answer.split(/(?<= )/);
}

export class FakeModel {
  readonly #delayMs: number;
  readonly #runs: ModelRun[] = [];

  constructor(options: FakeModelOptions = {}) {
    this.#delayMs = options.delayMs ?? 20;
  }

  /** Every run so far, oldest first. */
  get runs(): readonly ModelRun[] {
    return this.#runs;
  }

  /** Yields the answer's tokens with their index (from `after + 1`), waiting `delayMs` before each. */
  async *stream(prompt: string, options: StreamOptions = {}): AsyncGenerator<{ index: number; token: string }> {
    const run: ModelRun = { prompt, produced: 0, outcome: 'running' };
    this.#runs.push(run);
    const tokens = tokenize(answerFor(prompt));
    try {
      for (let index = (options.after ?? -1) + 1; index < tokens.length; index++) {
        if (!(await pause(this.#delayMs, options.signal))) return;
        run.produced++;
        yield { index, token: tokens[index] as string };
      }
      run.outcome = 'complete';
    } finally {
      // Reached by an abort, and by `return()` when the consumer stops iterating (the client left).
      if (run.outcome === 'running') run.outcome = 'stopped';
    }
  }
}

/** Waits `ms`; false, at once, if `signal` fires first (a model call would be cancelled there). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
