/** Fastify 5 with @fastify/websocket, as its README writes an echo route. */
import Fastify from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import { HOST, type StartServer } from './server.js';
import { ECHO_PATH } from '../websocket/echo-path.js';

export const start: StartServer = async (port) => {
  const app = Fastify({ logger: false });
  await app.register(fastifyWebsocket);
  app.get(ECHO_PATH, { websocket: true }, (socket) => {
    socket.on('message', (data, isBinary) => socket.send(data as Buffer, { binary: isBinary }));
  });
  const url = await app.listen({ port, host: HOST });
  return { url, close: () => app.close() };
};
