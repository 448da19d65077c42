/**
 * The one WebSocket upgrade mechanism of the node adapters (node, Fastify, Express): a `ws` server
 * without a server of its own (`noServer`), fed by the node:http server's `'upgrade'` event. Every
 * upgrade request goes through `table.dispatch`, so core's router and routes decide as for any request:
 * a WebSocket route completes the handshake through `ws`; refusals, 404s and other routes answer on the
 * raw socket (`SocketResponse`).
 */
import type { IncomingMessage, Server } from 'node:http';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import type { MountTable, OutgoingHeaders, SocketTransport } from '@decorumjs/core';
import { SocketResponse } from './socket-response.js';
import { UpgradeRequest } from './upgrade-request.js';
import { WsTransport } from './ws-transport.js';

// `ws` is required only by an app with WebSocket routes: the others never load its modules at start-up.
const require = createRequire(import.meta.url);

/** The sockets each server handed to the upgrade mechanism, until they close (node:http no longer tracks them). */
const upgradedSockets = new WeakMap<Server, Set<Duplex>>();

/**
 * Cuts every socket that went through `server`'s upgrade and is still open: the end of a graceful
 * close's grace, for a handshake that never finished (a handler stuck before `accept()`). Open
 * WebSocket sessions were closed by the app before.
 */
export function destroyUpgradedSockets(server: Server): void {
  for (const socket of upgradedSockets.get(server) ?? []) socket.destroy();
}

interface Answer {
  readonly protocol: string | undefined;
  readonly headers: OutgoingHeaders;
}

/** Listens for upgrade requests on `server` when the table has WebSocket routes; otherwise does nothing. */
export function attachWebSocketUpgrades(server: Server, table: MountTable): void {
  if (!table.websocket) return;
  const { WebSocketServer } = require('ws') as typeof import('ws');
  const answers = new WeakMap<IncomingMessage, Answer>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: table.websocket.maxMessageBytes,
    // Core tracks the connections (heartbeat, groups, shutdown); compression is off, as it costs memory
    // per connection and exposes secrets sent beside attacker-chosen text to compression oracles.
    clientTracking: false,
    perMessageDeflate: false,
    handleProtocols: (_offered, req) => answers.get(req)?.protocol ?? false,
  });
  wss.on('headers', (lines: string[], req: IncomingMessage) => {
    const extra = answers.get(req)?.headers ?? {};
    for (const name in extra) {
      const value = extra[name] as string | number | readonly string[];
      for (const each of Array.isArray(value) ? (value as readonly string[]) : [String(value)]) lines.push(`${name}: ${each}`);
    }
  });
  const complete = (req: IncomingMessage, socket: Duplex, head: Buffer, protocol: string | undefined, headers: OutgoingHeaders) =>
    new Promise<SocketTransport>((resolve, reject) => {
      answers.set(req, { protocol, headers });
      // `ws` answers a malformed handshake (bad key or version) with 400 itself and never calls back.
      const onClose = () => reject(new Error('the connection closed during the WebSocket handshake'));
      socket.once('close', onClose);
      wss.handleUpgrade(req, socket, head, (ws) => {
        socket.off('close', onClose);
        resolve(new WsTransport(ws));
      });
    });
  const sockets = new Set<Duplex>();
  upgradedSockets.set(server, sockets);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // Until `ws` takes it, nobody else listens for this socket's errors (a reset mid-handshake).
    socket.on('error', () => socket.destroy());
    const response = new SocketResponse(socket);
    const request = new UpgradeRequest(req, socket, head, complete, () => response.takeOver());
    void table.dispatch(request, response);
  });
}
