/**
 * Makes the app's pino JSON lines readable in a terminal during development:
 *
 *   {"level":30,"time":1700000000000,"pid":7,"hostname":"h","name":"decorum","msg":"GET /items 200 1.2ms","status":200,…}
 *   12:26:40.000 INFO  GET /items 200 1.2ms
 *
 * Fields already visible in the message are dropped; others follow as key=value; an `err` prints its
 * stack below. Lines that are not pino JSON pass through unchanged. (pino-pretty does this and much
 * more, but is another dependency with its own transport worker for a job of forty lines.)
 */
import type { Colors, Paint } from '@decorumjs/decorum/runner';

const LEVELS: Record<number, [name: string, paint: keyof Colors]> = {
  10: ['TRACE', 'gray'],
  20: ['DEBUG', 'gray'],
  30: ['INFO ', 'green'],
  40: ['WARN ', 'yellow'],
  50: ['ERROR', 'red'],
  60: ['FATAL', 'red'],
};

/** pino's own bookkeeping, never worth showing in development. */
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'err', 'v']);

export function formatLogLine(line: string, colors: Colors): string {
  const record = parseRecord(line);
  if (!record) return line;
  const [levelName, paintName] = LEVELS[record.level as number] ?? ['LOG  ', 'gray'];
  const paint: Paint = colors[paintName];
  const time = typeof record.time === 'number' ? clock(new Date(record.time)) : '';
  const message = typeof record.msg === 'string' ? record.msg : '';
  const extras = Object.entries(record)
    .filter(([key, value]) => !HIDDEN.has(key) && !message.includes(String(value)))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = [colors.gray(time), paint(levelName), message, ...(extras.length ? [colors.gray(extras.join(' '))] : [])];
  return [head.filter(Boolean).join(' '), ...errorLines(record.err)].join('\n');
}

function parseRecord(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object' && value !== null && typeof (value as { level?: unknown }).level === 'number') {
      return value as Record<string, unknown>;
    }
  } catch {
    // Not JSON after all: shown as it is.
  }
  return undefined;
}

function errorLines(err: unknown): string[] {
  if (typeof err !== 'object' || err === null) return [];
  const { stack, message } = err as { stack?: unknown; message?: unknown };
  const text = typeof stack === 'string' ? stack : typeof message === 'string' ? message : JSON.stringify(err);
  return text.split('\n').map((line) => `    ${line.trimStart()}`);
}

function clock(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
