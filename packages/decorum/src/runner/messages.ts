/** What the CLI and an app process (a dev child, a `start` worker) tell each other over IPC. */
import type { StartupFailure } from './describe-failure.js';

/** From an app process to the CLI. */
export type AppProcessMessage =
  | {
      type: 'decorum:ready';
      url: string;
      host: string;
      port: number;
      /** URLs of every module the app loaded, so a dev standby process can preload the stable ones. */
      modules: string[];
    }
  | { type: 'decorum:failed'; failure: StartupFailure };

/** From the dev server to a standby process: first what to preload, then (on a save) what to serve. */
export type StandbyMessage =
  | { type: 'decorum:preload'; modules: string[] }
  | { type: 'decorum:go'; entry: string; port: number; host: string };

export function isAppProcessMessage(value: unknown): value is AppProcessMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'decorum:ready' || type === 'decorum:failed';
}

export function isStandbyMessage(value: unknown): value is StandbyMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'decorum:preload' || type === 'decorum:go';
}
