/**
 * Buffers the dev server's messages to a standby process, so one that arrives while the process is
 * still busy (a `go` during preloading) is not lost.
 */
import { isStandbyMessage, type StandbyMessage } from './messages.js';

const inbox: StandbyMessage[] = [];
const waiting = new Map<StandbyMessage['type'], (message: StandbyMessage) => void>();

process.on('message', (message: unknown) => {
  if (!isStandbyMessage(message)) return;
  const resolve = waiting.get(message.type);
  if (resolve) {
    waiting.delete(message.type);
    resolve(message);
  } else {
    inbox.push(message);
  }
});

// The dev server is gone (killed without a chance to stop us): a standby has nothing left to do.
process.once('disconnect', () => process.exit(0));

export function nextStandbyMessage<T extends StandbyMessage['type']>(type: T): Promise<Extract<StandbyMessage, { type: T }>> {
  const index = inbox.findIndex((message) => message.type === type);
  if (index >= 0) return Promise.resolve(inbox.splice(index, 1)[0] as Extract<StandbyMessage, { type: T }>);
  return new Promise((resolve) => waiting.set(type, resolve as (message: StandbyMessage) => void));
}
