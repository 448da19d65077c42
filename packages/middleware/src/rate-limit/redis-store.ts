/**
 * Rate-limit counts in Redis, so a limit holds across workers and machines. Each algorithm is one Lua
 * script, atomic on the server and timed by the server's clock (`TIME`), so workers whose clocks drift
 * still agree. Works with any client that has ioredis' `evalsha`/`eval` signature (ioredis itself).
 */
import { createHash } from 'node:crypto';
import type { RateDecision, RateLimitAlgorithm, RateLimitPolicy, RateLimitStore } from './memory-store.js';

/** What the store needs of a Redis client: ioredis' `evalsha(sha, numKeys, ...args)` and `eval(script, numKeys, ...args)`. */
export interface RedisScriptClient {
  evalsha(sha: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

export interface RedisStoreOptions {
  client: RedisScriptClient;
  /** Prepended to every key. Default `decorum:ratelimit:`. */
  prefix?: string;
}

const NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) " +
  'local limit = tonumber(ARGV[1]) local window = tonumber(ARGV[2]) ';

const SCRIPTS: Record<RateLimitAlgorithm, string> = {
  'fixed-window': NOW + `
local start = now - (now % window)
local key = KEYS[1] .. ':' .. start
local count = tonumber(redis.call('GET', key) or '0')
local reset = start + window - now
if count >= limit then return {0, 0, reset, reset} end
count = redis.call('INCR', key)
if count == 1 then redis.call('PEXPIRE', key, window) end
return {1, limit - count, reset, 0}`,
  'sliding-window': NOW + `
local start = now - (now % window)
local current = KEYS[1] .. ':' .. start
local c = tonumber(redis.call('GET', current) or '0')
local p = tonumber(redis.call('GET', KEYS[1] .. ':' .. (start - window)) or '0')
local into = now - start
local weighted = p * (1 - into / window) + c
if weighted + 1 > limit then
  local room = limit - 1
  local wait = nil
  if c <= room and p > 0 then
    local t1 = window * (1 - (room - c) / p)
    if t1 < window then wait = math.max(1, math.ceil(t1 - into)) end
  end
  if wait == nil then
    local t2 = 0
    if c > 0 then t2 = window * (1 - room / c) end
    wait = math.max(1, math.ceil(window - into + t2))
  end
  return {0, 0, 2 * window - into, wait}
end
c = redis.call('INCR', current)
if c == 1 then redis.call('PEXPIRE', current, 2 * window) end
return {1, math.max(0, math.floor(limit - weighted - 1)), 2 * window - into, 0}`,
  'token-bucket': NOW + `
local h = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(h[1]) or limit
local at = tonumber(h[2]) or now
local perMs = limit / window
tokens = math.min(limit, tokens + math.max(0, now - at) * perMs)
local allowed = 0
local retry = 0
if tokens >= 1 then tokens = tokens - 1 allowed = 1 else retry = math.ceil((1 - tokens) / perMs) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], 2 * window)
return {allowed, math.floor(tokens), math.ceil((limit - tokens) / perMs), retry}`,
};

const SHAS = Object.fromEntries(Object.entries(SCRIPTS).map(([name, script]) => [name, createHash('sha1').update(script).digest('hex')])) as Record<RateLimitAlgorithm, string>;

/**
 * @example
 * import Redis from 'ioredis';
 * const store = new RedisStore({ client: new Redis(process.env.REDIS_URL) });
 * app.use(rateLimit({ limit: 100, window: '1m', store }));   // one limit for every worker
 */
export class RedisStore implements RateLimitStore {
  readonly #client: RedisScriptClient;
  readonly #prefix: string;

  constructor(options: RedisStoreOptions) {
    this.#client = options.client;
    this.#prefix = options.prefix ?? 'decorum:ratelimit:';
  }

  async consume(key: string, policy: RateLimitPolicy): Promise<RateDecision> {
    // The policy is part of the key, so two limits on the same client never share a counter.
    const redisKey = `${this.#prefix}${policy.algorithm}:${policy.limit}:${policy.windowMs}:${key}`;
    const args = [redisKey, policy.limit, policy.windowMs] as const;
    let reply: unknown;
    try {
      reply = await this.#client.evalsha(SHAS[policy.algorithm], 1, ...args);
    } catch (error) {
      // First use on this server (or after SCRIPT FLUSH): send the script itself, which caches it.
      if (!String((error as Error | undefined)?.message).includes('NOSCRIPT')) throw error;
      reply = await this.#client.eval(SCRIPTS[policy.algorithm], 1, ...args);
    }
    const [allowed, remaining, resetMs, retryAfterMs] = (reply as unknown[]).map(Number) as [number, number, number, number];
    return { allowed: allowed === 1, remaining, resetMs, retryAfterMs };
  }
}
