/**
 * Rate-limit counting in this process's memory: fixed window, sliding window (the two-window weighted
 * counter Cloudflare and nginx use) and token bucket. Limits hold per worker only; a shared store (Redis)
 * implements the same `RateLimitStore` for limits across workers and machines.
 */

export type RateLimitAlgorithm = 'fixed-window' | 'sliding-window' | 'token-bucket';

export interface RateLimitPolicy {
  readonly algorithm: RateLimitAlgorithm;
  /** Requests allowed per window (the bucket's capacity for a token bucket). */
  readonly limit: number;
  /** The window in ms (the time a token bucket takes to refill completely). */
  readonly windowMs: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Requests left now. */
  readonly remaining: number;
  /** Ms until the quota is fully available again. */
  readonly resetMs: number;
  /** When refused: ms until the next request would be allowed. */
  readonly retryAfterMs: number;
}

/** Where counts live. `consume` counts one request for `key` and says whether it may pass. */
export interface RateLimitStore {
  consume(key: string, policy: RateLimitPolicy, now: number): RateDecision | Promise<RateDecision>;
}

interface Entry {
  /** Fixed/sliding: the current window's start; bucket: the last refill time. */
  at: number;
  /** Fixed/sliding: requests in the current window; bucket: tokens left. */
  count: number;
  /** Sliding: requests in the previous window. */
  previous: number;
}

export interface MemoryStoreOptions {
  /** Keys kept at most (oldest dropped first), so a flood of distinct clients cannot exhaust memory. Default 100 000. */
  maxKeys?: number;
}

export class MemoryStore implements RateLimitStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxKeys: number;

  constructor(options: MemoryStoreOptions = {}) {
    this.#maxKeys = options.maxKeys ?? 100_000;
  }

  consume(key: string, policy: RateLimitPolicy, now: number): RateDecision {
    const entry = this.#entries.get(key);
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    if (entry) this.#entries.delete(key);
    const bucket = policy.algorithm === 'token-bucket';
    const next = entry ?? { at: bucket ? now : windowStart(now, policy.windowMs), count: bucket ? policy.limit : 0, previous: 0 };
    this.#entries.set(key, next);
    if (this.#entries.size > this.#maxKeys) this.#entries.delete(this.#entries.keys().next().value as string);
    switch (policy.algorithm) {
      case 'fixed-window': return fixedWindow(next, policy, now);
      case 'sliding-window': return slidingWindow(next, policy, now);
      case 'token-bucket': return tokenBucket(next, policy, now);
    }
  }
}

/**
 * Windows start at multiples of their length (since the epoch), as a shared store keys them, so every
 * worker and every store agrees on where a window begins.
 */
function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}

function fixedWindow(entry: Entry, { limit, windowMs }: RateLimitPolicy, now: number): RateDecision {
  if (now - entry.at >= windowMs) {
    entry.at = windowStart(now, windowMs);
    entry.count = 0;
  }
  const resetMs = entry.at + windowMs - now;
  if (entry.count >= limit) return { allowed: false, remaining: 0, resetMs, retryAfterMs: resetMs };
  entry.count++;
  return { allowed: true, remaining: limit - entry.count, resetMs, retryAfterMs: 0 };
}

function slidingWindow(entry: Entry, { limit, windowMs }: RateLimitPolicy, now: number): RateDecision {
  const elapsedWindows = Math.floor((now - entry.at) / windowMs);
  if (elapsedWindows >= 1) {
    entry.previous = elapsedWindows === 1 ? entry.count : 0;
    entry.count = 0;
    entry.at += elapsedWindows * windowMs;
  }
  const into = now - entry.at;
  const weighted = entry.previous * (1 - into / windowMs) + entry.count;
  if (weighted + 1 > limit) {
    return { allowed: false, remaining: 0, resetMs: windowMs - into + windowMs, retryAfterMs: slidingWait(entry, limit, windowMs, into) };
  }
  entry.count++;
  // This request counts in the current window, whose weight lasts until the end of the next one.
  return { allowed: true, remaining: Math.max(0, Math.floor(limit - weighted - 1)), resetMs: windowMs - into + windowMs, retryAfterMs: 0 };
}

/** The time until the weighted count leaves room for one more request. */
function slidingWait(entry: Entry, limit: number, windowMs: number, into: number): number {
  const room = limit - 1;
  if (entry.count <= room && entry.previous > 0) {
    // Within this window: previous × (1 − t/W) + count ≤ room.
    const t = windowMs * (1 - (room - entry.count) / entry.previous);
    if (t < windowMs) return Math.max(1, Math.ceil(t - into));
  }
  // In the next window, this window's count becomes the previous one: count × (1 − t/W) ≤ room.
  const t = entry.count === 0 ? 0 : windowMs * (1 - room / entry.count);
  return Math.max(1, Math.ceil(windowMs - into + t));
}

function tokenBucket(entry: Entry, { limit, windowMs }: RateLimitPolicy, now: number): RateDecision {
  const perMs = limit / windowMs;
  entry.count = Math.min(limit, entry.count + (now - entry.at) * perMs);
  entry.at = now;
  if (entry.count < 1) {
    return { allowed: false, remaining: 0, resetMs: Math.ceil((limit - entry.count) / perMs), retryAfterMs: Math.ceil((1 - entry.count) / perMs) };
  }
  entry.count -= 1;
  return { allowed: true, remaining: Math.floor(entry.count), resetMs: Math.ceil((limit - entry.count) / perMs), retryAfterMs: 0 };
}
