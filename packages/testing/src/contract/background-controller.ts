/**
 * The background-task part of the contract app: tasks added by a handler and by a dependency run after
 * the response, in order, one failing without stopping the others, and a slow one that `close()` waits for.
 */
import { Background, BackgroundTasks, Controller, Depends, Post, Query, dependency } from '@decorumjs/core';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What each key's tasks did, in order; read by the cases (the app may be closed by then). */
export const backgroundLog = new Map<string, string[]>();

const note = (key: string, entry: string): void => {
  backgroundLog.set(key, [...(backgroundLog.get(key) ?? []), entry]);
};

/** A dependency adds the first task: dependencies share the request's list. */
const audit = dependency({
  name: 'audit',
  inject: [Query('key'), Background()],
  use: (key: string, tasks: BackgroundTasks) => {
    tasks.add(note, key, 'audit');
    return key;
  },
});

export class TaskFailure extends Error {}

@Controller('background')
export class BackgroundController {
  @Post('tasks')
  tasks(@Depends(audit) key: string, @Background() tasks: BackgroundTasks) {
    tasks.add(async () => {
      await wait(60);
      note(key, 'slow');
    });
    tasks.add(() => {
      throw new TaskFailure(`task of ${key} failed`);
    });
    tasks.add(note, key, 'last');
    note(key, 'handler');
    return { queued: tasks.size };
  }

  /** A task long enough that only `close()` waiting for it lets it finish. */
  @Post('long')
  long(@Query('key') key: string, @Background() tasks: BackgroundTasks) {
    tasks.add(async () => {
      await wait(150);
      note(key, 'long done');
    });
    return { queued: 1 };
  }
}
