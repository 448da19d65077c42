/** What an app process (a dev child or a `start` worker) tells the CLI over the IPC channel. */
import type { StartupFailure } from './describe-failure.js';

export type AppProcessMessage =
  | { type: 'decorum:ready'; url: string; host: string; port: number }
  | { type: 'decorum:failed'; failure: StartupFailure };

export function isAppProcessMessage(value: unknown): value is AppProcessMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'decorum:ready' || type === 'decorum:failed';
}
