/** The WebSocket baseline: `ws` on node:http with the least code that echoes every message back. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { HOST, type StartServer } from './server.js';
import { ECHO_PATH } from '../websocket/echo-path.js';

export const start: StartServer = async (port) => {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const sockets = new WebSocketServer({ server, path: ECHO_PATH });
  sockets.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  await new Promise<void>((resolve) => server.listen(port, HOST, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${HOST}:${bound}`,
    close: () => new Promise<void>((resolve) => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.close(() => resolve());
    }),
  };
};
