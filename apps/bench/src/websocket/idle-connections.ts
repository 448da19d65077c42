/**
 * What an idle WebSocket costs a server: its resident memory with `count` open, silent connections, less
 * its memory before them, per connection. Connections open in waves so the handshakes do not time out.
 */
import { readFileSync } from 'node:fs';
import type { WebSocket } from 'ws';
import { closeAll, openSocket } from './echo-load.js';

const WAVE = 500;
const SETTLE_MS = 2_000;

export interface IdleResult {
  readonly rssBeforeBytes: number;
  readonly rssWithIdleBytes: number;
  readonly bytesPerConnection: number;
}

export function currentRss(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

export async function measureIdle(url: string, pid: number, count: number): Promise<IdleResult> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const rssBeforeBytes = currentRss(pid);
  const sockets: WebSocket[] = [];
  try {
    for (let opened = 0; opened < count; opened += WAVE) {
      const wave = Math.min(WAVE, count - opened);
      sockets.push(...(await Promise.all(Array.from({ length: wave }, () => openSocket(url)))));
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const rssWithIdleBytes = currentRss(pid);
    return { rssBeforeBytes, rssWithIdleBytes, bytesPerConnection: (rssWithIdleBytes - rssBeforeBytes) / count };
  } finally {
    await closeAll(sockets);
  }
}
