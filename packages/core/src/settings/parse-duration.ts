/** Durations as settings write them: `250ms`, `30s`, `15m`, `2h`, `7d`, `1.5h`, or plain milliseconds. */
const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds, or undefined when `raw` is no duration. */
export function parseDuration(raw: string): number | undefined {
  const match = DURATION.exec(raw);
  if (!match) return undefined;
  const ms = Number(match[1]) * (UNIT_MS[(match[2] ?? 'ms').toLowerCase()] as number);
  return Number.isSafeInteger(Math.round(ms)) ? Math.round(ms) : undefined;
}
