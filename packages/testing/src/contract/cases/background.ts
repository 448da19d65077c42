/**
 * Background tasks on every adapter: they run after the response is sent, in the order added (a
 * dependency's first), a failing one is logged and the next still runs, and `close()` waits for them.
 */
import { describe, expect, test } from 'vitest';
import type { Logger } from '@decorumjs/core';
import { TaskFailure, backgroundLog } from '../background-controller.js';
import type { ContractAppOptions, ServedApp } from '../serve.js';

type Launch = (options?: ContractAppOptions) => Promise<ServedApp>;

const uniqueKey = (): string => `k${Math.random().toString(36).slice(2)}`;

export function backgroundCases(launch: Launch): void {
  describe('background tasks', () => {
    test('run after the response, in order; a failure is logged and the others still run', async () => {
      const errors: Array<{ obj: Record<string, unknown>; msg: string | undefined }> = [];
      const logger: Logger = {
        error: (obj, msg) => errors.push({ obj: obj as Record<string, unknown>, msg }),
        warn: () => undefined, info: () => undefined, debug: () => undefined,
      };
      const served = await launch({ logger });
      try {
        const key = uniqueKey();
        const res = await served.fetch(`/background/tasks?key=${key}`, { method: 'POST' });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ queued: 4 });
        // The response is out while the first task (a dependency's) or the slow one still runs.
        expect(backgroundLog.get(key)?.includes('slow') ?? false).toBe(false);
        await served.app.backgroundTasksIdle();
        expect(backgroundLog.get(key)).toEqual(['handler', 'audit', 'slow', 'last']);
        expect(errors).toHaveLength(1);
        expect(errors[0]?.msg).toBe('background task failed');
        expect(errors[0]?.obj).toMatchObject({ task: 2, method: 'POST', route: 'BackgroundController.tasks' });
        expect(errors[0]?.obj.err).toBeInstanceOf(TaskFailure);
      } finally {
        await served.close();
      }
    });

    test('close() waits for running and queued tasks', async () => {
      const served = await launch();
      const key = uniqueKey();
      const res = await served.fetch(`/background/long?key=${key}`, { method: 'POST' });
      expect(await res.json()).toEqual({ queued: 1 });
      expect(backgroundLog.get(key)).toBeUndefined();
      await served.close();
      expect(backgroundLog.get(key)).toEqual(['long done']);
    });
  });
}
