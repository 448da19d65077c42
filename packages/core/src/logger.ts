/**
 * The logger Decorum writes to: any object with pino's four level methods. The default is pino,
 * at the level in DECORUM_LOG_LEVEL (info unless set).
 */
import { pino } from 'pino';

export interface Logger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
}

export function createDefaultLogger(): Logger {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return pino({ name: 'decorum', level: env?.DECORUM_LOG_LEVEL ?? 'info' });
}

/** A logger that drops everything (`logger: false`). */
export const silentLogger: Logger = { error() {}, warn() {}, info() {}, debug() {} };
