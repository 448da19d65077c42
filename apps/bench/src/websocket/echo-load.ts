/**
 * WebSocket load from this process: `connections` sockets, each with one message in flight (send,
 * wait for the echo, send again), for `seconds`. One in flight per socket keeps the comparison about the
 * server's cost per message, not about how deep a client may pipeline.
 */
import { WebSocket } from 'ws';
import { ECHO_MESSAGE } from './echo-path.js';

export interface EchoLoadResult {
  readonly roundTripsPerSecond: number;
  /** The client's own CPU use over the run (0–1 of one core): near 1 means the client, not the server, was the limit. */
  readonly clientCpuShare: number;
}

const OPEN_TIMEOUT_MS = 10_000;

export function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: OPEN_TIMEOUT_MS });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`${url}: handshake refused with ${res.statusCode}`)));
  });
}

export async function runEchoLoad(url: string, connections: number, seconds: number): Promise<EchoLoadResult> {
  const sockets = await Promise.all(Array.from({ length: connections }, () => openSocket(url)));
  let roundTrips = 0;
  let running = true;
  const cpuBefore = process.cpuUsage();
  const began = performance.now();
  for (const socket of sockets) {
    socket.on('message', () => {
      roundTrips++;
      if (running) socket.send(ECHO_MESSAGE);
    });
    socket.send(ECHO_MESSAGE);
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  running = false;
  const elapsedMs = performance.now() - began;
  const cpu = process.cpuUsage(cpuBefore);
  await closeAll(sockets);
  return { roundTripsPerSecond: (roundTrips * 1000) / elapsedMs, clientCpuShare: (cpu.user + cpu.system) / 1000 / elapsedMs };
}

/** Sends `count` messages one after another on one socket, each after the previous echo. */
export async function echoSequentially(socket: WebSocket, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await new Promise<void>((resolve, reject) => {
      socket.once('message', (data) => (String(data) === ECHO_MESSAGE ? resolve() : reject(new Error(`echo differs: ${String(data)}`))));
      socket.send(ECHO_MESSAGE);
    });
  }
}

export async function closeAll(sockets: readonly WebSocket[]): Promise<void> {
  await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve();
    socket.once('close', () => resolve());
    socket.close(1000);
    setTimeout(() => socket.terminate(), 5_000).unref();
  })));
}
