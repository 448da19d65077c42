/** Keeps the WebSocket bench honest: every server echoes text as text and bytes as bytes, unchanged. */
import type { WebSocket } from 'ws';
import { closeAll, openSocket } from './echo-load.js';
import { ECHO_MESSAGE } from './echo-path.js';

export async function checkEcho(label: string, url: string): Promise<void> {
  const socket = await openSocket(url);
  try {
    const text = await roundTrip(socket, ECHO_MESSAGE, false);
    const bytes = await roundTrip(socket, Buffer.from([0, 1, 2, 255]), true);
    if (text !== ECHO_MESSAGE || bytes !== '00 01 02 ff') throw new Error(`${label} echoes wrongly: ${text} / ${bytes}`);
  } finally {
    await closeAll([socket]);
  }
}

function roundTrip(socket: WebSocket, data: string | Buffer, binary: boolean): Promise<string> {
  return new Promise((resolve) => {
    socket.once('message', (reply, isBinary) => {
      const buffer = reply as Buffer;
      resolve(isBinary !== binary ? `wrong frame type` : binary ? [...buffer].map((b) => b.toString(16).padStart(2, '0')).join(' ') : buffer.toString());
    });
    socket.send(data, { binary });
  });
}

